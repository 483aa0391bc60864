"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { Delegation, Targets } from "./prep-cards";

/**
 * The prep page's targets and delegation context, kept on the 1:1 itself, folded
 * (a <details>, closed at first) so the agenda stays in front. It reads the same
 * prep as the prep page (`oneOnOnes.prep`, the manager's side only); while it loads,
 * or if it cannot be read, the section is simply not there.
 */
export function MeetingContext({ personId, personName }: { personId: string; personName: string }) {
  const trpc = useTRPC();
  const { data: prep } = useQuery(trpc.oneOnOnes.prep.queryOptions({ personId }));
  if (!prep) return null;
  const worse = prep.targets.filter((t) => t.health.now === "off_track" || t.health.now === "at_risk").length;
  const counts = [
    `${prep.targets.length} target${prep.targets.length === 1 ? "" : "s"}${worse ? `, ${worse} needing attention` : ""}`,
    prep.levelChanges.length ? `${prep.levelChanges.length} level change${prep.levelChanges.length === 1 ? "" : "s"}` : null,
    prep.reviewsDue.length ? `${prep.reviewsDue.length} review${prep.reviewsDue.length === 1 ? "" : "s"} due` : null,
  ].filter(Boolean);
  return (
    <details className="mb-4 rounded-lg border border-border bg-surface print:hidden" data-testid="meeting-context">
      <summary className="cursor-pointer px-4 py-3 text-sm">
        <span className="font-medium">Targets and delegation</span>
        <span className="text-muted"> · from the prep: {counts.join(", ")}</span>
      </summary>
      <div className="grid gap-4 border-t border-border p-4 lg:grid-cols-2">
        <section aria-label="Targets" className="grid content-start gap-2">
          <h2 className="text-sm font-semibold">Targets</h2>
          <p className="text-xs text-muted">Status and latest values, with the change since the last 1:1.</p>
          <Targets targets={prep.targets} empty={`${personName} owns no active targets.`} />
        </section>
        <section aria-label="Delegation" className="grid content-start gap-2">
          <h2 className="text-sm font-semibold">Delegation</h2>
          <Delegation prep={prep} />
        </section>
      </div>
    </details>
  );
}
