"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { emailKey, worthMatching } from "@/lib/duplicates/match-key";
import { formatDay } from "@/lib/format";
import { TARGET_STATUS_LABELS } from "@/lib/targets/labels";
import { useTRPC } from "@/trpc/react";

/** How long typing pauses before the form asks: one question per pause, not per key. */
const PAUSE_MS = 400;

/** `value`, once it has stopped changing for `delay` ms. */
export function useSettled<T>(value: T, delay = PAUSE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Opens beside the form, so what was typed stays where it is. */
function SeeLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} target="_blank" rel="noopener" className="font-medium underline underline-offset-2">
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </Link>
  );
}

/**
 * A soft warning under the person form's name and email: who with that name
 * (case, accents and spacing aside) or that email is already in the
 * organisation, with a link to them. It never blocks saving; it only names
 * people the actor may see (people.findSimilar).
 */
export function SimilarPeopleWarning({
  name,
  email,
  excludeId,
  verb,
}: {
  name: string;
  email: string | null | undefined;
  /** The person being edited. */
  excludeId?: string;
  /** "add" or "save", for the "… anyway?" */
  verb: string;
}) {
  const trpc = useTRPC();
  const typed = useSettled({ name: name.trim(), email: emailKey(email) });
  const ask = worthMatching(typed.name) || typed.email.includes("@");
  const { data: similar = [] } = useQuery({
    ...trpc.people.findSimilar.queryOptions({ name: typed.name, email: typed.email, excludeId }),
    enabled: ask,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  if (!ask || similar.length === 0) return null;
  return (
    <Alert tone="warning" data-testid="similar-people">
      <ul className="grid gap-1">
        {similar.map((p) => (
          <li key={p.id}>
            {p.matchedOn.includes("name") ? (
              <>
                <SeeLink href={`/people/${p.id}`}>{p.name}</SeeLink> is already in your organisation
                {p.email ? ` (${p.email})` : ""}
                {p.archived ? ", archived" : ""} — {verb} anyway?
              </>
            ) : (
              <>
                {p.email} is already the email of <SeeLink href={`/people/${p.id}`}>{p.name}</SeeLink>
                {p.archived ? " (archived)" : ""} — {verb} anyway?
              </>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * A soft warning under the target form's title: targets the actor can see
 * with that title already (targets.findSimilar), with their status and due
 * date and a link to each. Saving stays allowed: next quarter's target may
 * well share last quarter's title.
 */
export function SimilarTargetsWarning({ title, excludeId, verb }: { title: string; excludeId?: string; verb: string }) {
  const trpc = useTRPC();
  const typed = useSettled(title.trim());
  const ask = worthMatching(typed);
  const { data: similar = [] } = useQuery({
    ...trpc.targets.findSimilar.queryOptions({ title: typed, excludeId }),
    enabled: ask,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  if (!ask || similar.length === 0) return null;
  return (
    <Alert tone="warning" data-testid="similar-targets">
      <ul className="grid gap-1">
        {similar.map((t) => (
          <li key={t.id}>
            <SeeLink href={`/targets/${t.id}`}>{t.title}</SeeLink> is already a target ({TARGET_STATUS_LABELS[t.status].toLowerCase()}, due{" "}
            {formatDay(t.dueDate)}) — {verb} anyway?
          </li>
        ))}
      </ul>
    </Alert>
  );
}
