"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { draftKey, draftsToPrune, DRAFT_PREFIX } from "@/lib/drafts/drafts";
import { DraftSession } from "@/lib/drafts/session";

/**
 * Nothing typed is lost. Two parts:
 *
 * - `useFormDraft(form, { kind, id, fields })` keeps the long-text fields of a
 *   react-hook-form as a draft in localStorage (`draft:<userId>:<kind>:<thingId>`),
 *   written on every change, brought back when the form mounts again, and removed when
 *   the text matches what the form started from again or on `clear()` after a save.
 * - `DraftsProvider` (the signed-in layout) knows which forms hold text typed on this visit
 *   and not saved, and asks before leaving: `beforeunload` for a reload or a closed tab, and a click listener on
 *   the window, in the capture phase, for in-app links. The App Router has no
 *   route-change event to cancel, so the guard stops the click before Next's <Link>
 *   sees it, asks in a dialog, and navigates with the router on "Leave". Back and forward
 *   and programmatic navigation (the palette) are not asked about; the draft is kept, so
 *   the text still comes back on return.
 */

// The leave dialog (Radix's dialog, about 13 kB of compressed script) is asked for only when
// someone leaves with unsaved text: it loads then, not with every signed-in page.
const LeaveDialog = dynamic(() => import("./leave-dialog"), { ssr: false });

type Registry = { userId: string; mark: (key: string, unsaved: boolean) => void };
const DraftsContext = createContext<Registry | null>(null);

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function prune(store: Storage) {
  const entries: [string, string | null][] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(DRAFT_PREFIX)) entries.push([key, store.getItem(key)]);
  }
  for (const key of draftsToPrune(entries, Date.now())) store.removeItem(key);
}

/** Whether an in-app link click should be asked about: a plain left click on a same-origin link to another page. */
export function leavingHref(e: MouseEvent): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const target = e.target instanceof Element ? e.target : null;
  const a = target?.closest("a[href]");
  if (!(a instanceof HTMLAnchorElement)) return null;
  if ((a.target && a.target !== "_self") || a.hasAttribute("download")) return null;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return null; // leaving the site: beforeunload asks
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null; // same page, or a #hash
  return url.pathname + url.search + url.hash;
}

export function DraftsProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const router = useRouter();
  const unsaved = useRef(new Set<string>());
  const [leaving, setLeaving] = useState<string | null>(null);

  const mark = useCallback((key: string, isUnsaved: boolean) => {
    if (isUnsaved) unsaved.current.add(key);
    else unsaved.current.delete(key);
  }, []);

  useEffect(() => {
    const store = storage();
    if (store) prune(store);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsaved.current.size === 0) return;
      e.preventDefault();
      e.returnValue = ""; // older browsers need it set to show the prompt
    };
    const onClick = (e: MouseEvent) => {
      if (unsaved.current.size === 0) return;
      const href = leavingHref(e);
      if (!href) return;
      e.preventDefault();
      e.stopPropagation(); // before React (and Next's <Link>) sees the click
      setLeaving(href);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, []);

  const value = useMemo(() => ({ userId, mark }), [userId, mark]);
  return (
    <DraftsContext.Provider value={value}>
      {children}
      {leaving !== null ? (
        <LeaveDialog
          onStay={() => setLeaving(null)}
          onLeave={() => {
            setLeaving(null);
            router.push(leaving);
          }}
        />
      ) : null}
    </DraftsContext.Provider>
  );
}

export type FormDraft = {
  /** When the draft shown was saved, if the form opened with one. */
  restoredAt: number | null;
  /** After a successful save: the draft goes, and the form no longer counts as unsaved. */
  clear: () => void;
  /** Drops the draft and puts back the text the form started from. */
  discard: () => void;
};

/**
 * Keeps `fields` (text fields of `form`) as a draft for `kind` + `id` (the thing edited,
 * or what a new one belongs to). Call `clear()` when the save succeeds. Outside a
 * `DraftsProvider` (tests, the sign-in pages) it does nothing.
 */
export function useFormDraft<T extends FieldValues, C, O>(
  form: UseFormReturn<T, C, O>,
  { kind, id, fields, enabled = true }: { kind: string; id: string | null | undefined; fields: readonly Path<T>[]; enabled?: boolean },
): FormDraft {
  const f = form as unknown as UseFormReturn<T>;
  const ctx = useContext(DraftsContext);
  const key = ctx && enabled ? draftKey(ctx.userId, kind, id) : null;
  const fieldsKey = fields.join("\u0000");
  const session = useRef<DraftSession | null>(null);
  // What the form opened with, as it was (null stays null on "Discard draft").
  const baseRaw = useRef<Record<string, unknown>>({});
  const [restoredAt, setRestoredAt] = useState<number | null>(null);

  useEffect(() => {
    if (!key || !ctx) return;
    const names = fieldsKey.split("\u0000");
    const defaults = (f.formState.defaultValues ?? {}) as Record<string, unknown>;
    baseRaw.current = Object.fromEntries(names.map((n) => [n, defaults[n]]));
    const s = new DraftSession(storage(), key, names, defaults);
    session.current = s;
    const restored = s.restore();
    if (restored) {
      for (const [name, text] of Object.entries(restored.values)) {
        f.setValue(name as Path<T>, text as PathValue<T, Path<T>>, { shouldDirty: true });
      }
    }
    // Restored text is safe already (it stays stored): only typing on this visit makes leaving ask.
    setRestoredAt(restored?.savedAt ?? null);
    const sub = f.watch((values) => ctx.mark(key, s.change(values as Record<string, unknown>)));
    return () => {
      sub.unsubscribe();
      ctx.mark(key, false); // the text stays stored; this page no longer holds it
    };
    // `f` is stable for a form's life; a new key (another thing) reads its own draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fieldsKey]);

  const clear = useCallback(() => {
    if (!key || !ctx) return;
    session.current?.clear(f.getValues() as Record<string, unknown>);
    ctx.mark(key, false);
    setRestoredAt(null);
  }, [key, ctx, f]);

  const discard = useCallback(() => {
    if (!key || !ctx) return;
    session.current?.remove();
    ctx.mark(key, false);
    for (const name of fieldsKey.split("\u0000")) {
      f.setValue(name as Path<T>, baseRaw.current[name] as PathValue<T, Path<T>>, { shouldDirty: false });
    }
    setRestoredAt(null);
  }, [key, ctx, f, fieldsKey]);

  return { restoredAt, clear, discard };
}

/** "Draft restored" with a way to drop it, shown above a form that opened with a draft. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  if (draft.restoredAt === null) return null;
  return (
    <p role="status" className="flex flex-wrap items-center gap-2 text-xs text-muted">
      <span>Draft restored: your unsaved text from before.</span>
      <button type="button" className="font-medium text-accent underline-offset-2 hover:underline" onClick={draft.discard}>
        Discard draft
      </button>
    </p>
  );
}
