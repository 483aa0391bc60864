/**
 * What the command palette offers on a search result, and where each goes.
 * The first action is the result's own (Enter or a click); the others are
 * listed on → or Tab. Only what the actor may do is offered, from what the
 * search read through the policy: the prep page and booking a 1:1 are the
 * person's current manager's (`isMyReport`), checking in is a target's
 * controller's and owners' (`mayCheckIn`). A new target anyone may set (they
 * become its controller), so "New target for this area" is always offered.
 */

export type PaletteActionId = "open" | "prep" | "schedule" | "check-in" | "new-target";
export type PaletteAction = { id: PaletteActionId; label: string; href: string };

/** The address parameter that opens a person's 1:1s page with "Schedule a 1:1" open. */
export const SCHEDULE_PARAM = "schedule";
/** The address parameter that preselects the area of the targets page's "New target" form (with `new=target`). */
export const NEW_TARGET_AREA_PARAM = "area";
/** Where a target's check-in forms are: its metrics. */
export const CHECK_IN_ANCHOR = "metrics-heading";

export function personActions(person: { id: string; name: string; isMyReport: boolean }): PaletteAction[] {
  const open: PaletteAction = { id: "open", label: `Open ${person.name}`, href: `/people/${person.id}` };
  if (!person.isMyReport) return [open];
  return [
    open,
    { id: "prep", label: `Prep for ${person.name}`, href: `/one-on-ones/${person.id}/prep` },
    { id: "schedule", label: `Start a 1:1 with ${person.name}`, href: `/one-on-ones/${person.id}?${SCHEDULE_PARAM}=1` },
  ];
}

export function targetActions(target: { id: string; title: string; mayCheckIn: boolean }): PaletteAction[] {
  const open: PaletteAction = { id: "open", label: `Open ${target.title}`, href: `/targets/${target.id}` };
  return target.mayCheckIn ? [open, { id: "check-in", label: "Check in", href: `/targets/${target.id}#${CHECK_IN_ANCHOR}` }] : [open];
}

export function areaActions(area: { id: string; name: string }): PaletteAction[] {
  return [
    { id: "open", label: `Open ${area.name}`, href: `/people/areas/${area.id}` },
    {
      id: "new-target",
      label: "New target for this area",
      href: `/targets?new=target&${NEW_TARGET_AREA_PARAM}=${encodeURIComponent(area.id)}`,
    },
  ];
}

/** Where a note, talking point or action opens: the 1:1 it belongs to, or the person's 1:1s. */
export function oneOnOneHref(item: { personId: string; meetingId: string | null }): string {
  return item.meetingId ? `/one-on-ones/meeting/${item.meetingId}` : `/one-on-ones/${item.personId}`;
}
