import { areaActions, oneOnOneHref, personActions, targetActions, type PaletteAction } from "@/lib/search/palette-actions";
import { NOTE_KIND_LABELS } from "@/lib/validators/one-on-ones";
import type { RouterOutputs } from "@/trpc/types";

type Found = RouterOutputs["home"]["search"];
export type ResultKind = "person" | "target" | "area" | "note" | "point" | "action";

/** One search result in the palette: `actions[0]` is what Enter does; the rest are offered on → or Tab. */
export type PaletteResult = {
  value: string;
  kind: ResultKind;
  label: string;
  detail?: string;
  /** Rendered text around the match (notes and talking points). */
  snippet?: string;
  actions: PaletteAction[];
};

export type PaletteGroup = { heading: string; results: PaletteResult[] };

const openOnly = (label: string, href: string): PaletteAction[] => [{ id: "open", label, href }];

/** The search's answer as the palette's groups, in the order shown; empty groups left out. */
export function paletteGroups(found: Found | undefined): PaletteGroup[] {
  if (!found) return [];
  const groups: PaletteGroup[] = [
    {
      heading: "People",
      results: found.people.map((p) => ({
        value: `person:${p.id}`,
        kind: "person",
        label: p.name,
        detail: p.title ?? undefined,
        actions: personActions(p),
      })),
    },
    {
      heading: "Targets",
      results: found.targets.map((t) => ({
        value: `target:${t.id}`,
        kind: "target",
        label: t.title,
        detail: t.status === "active" ? undefined : t.status,
        actions: targetActions(t),
      })),
    },
    {
      heading: "Areas",
      results: found.areas.map((a) => ({ value: `area:${a.id}`, kind: "area", label: a.name, actions: areaActions(a) })),
    },
    {
      heading: "Notes",
      results: found.notes.map((n) => ({
        value: `note:${n.id}`,
        kind: "note",
        label: n.personName,
        detail: `${NOTE_KIND_LABELS[n.kind]} note${n.private ? " · private" : ""}`,
        snippet: n.snippet,
        actions: openOnly(`Open the note about ${n.personName}`, oneOnOneHref({ personId: n.personId, meetingId: n.oneOnOneId })),
      })),
    },
    {
      heading: "Talking points",
      results: found.points.map((p) => ({
        value: `point:${p.id}`,
        kind: "point",
        label: p.personName,
        detail: p.discussedInId ? "discussed" : "on the agenda",
        snippet: p.snippet,
        actions: openOnly(`Open the talking point for ${p.personName}`, oneOnOneHref({ personId: p.personId, meetingId: p.discussedInId })),
      })),
    },
    {
      heading: "Actions",
      results: found.actions.map((a) => ({
        value: `action-item:${a.id}`,
        kind: "action",
        label: a.title,
        detail: `${a.personName}'s 1:1s${a.done ? " · done" : ""}`,
        actions: openOnly(`Open ${a.title}`, oneOnOneHref({ personId: a.personId, meetingId: a.oneOnOneId })),
      })),
    },
  ];
  return groups.filter((g) => g.results.length > 0);
}
