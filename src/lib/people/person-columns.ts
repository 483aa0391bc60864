import type { PersonValues } from "../validators/people";

/**
 * The stored columns of a person's form values: the day count of a cadence is
 * kept only for an "every N days" cadence (a weekly person has none), so a
 * switch back from "days" does not leave a stale count behind. The notes are
 * not a column: they are the author's own (person_notes).
 */
export function personColumns(v: PersonValues) {
  return {
    name: v.name,
    email: v.email,
    title: v.title,
    track: v.track,
    level: v.level,
    managerId: v.managerId,
    leads: v.leads,
    cadence: v.cadence,
    cadenceDays: v.cadence === "days" ? v.cadenceDays : null,
    startDate: v.startDate,
  };
}
