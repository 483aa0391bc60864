import { z } from "zod";
import { TOPICS } from "@/lib/one-on-ones/agenda";
import { NOTE_KINDS, SEARCH_MAX, SEARCH_MIN } from "@/lib/one-on-ones/note-kinds";
import { pageInput } from "@/lib/keyset";
import { id, instant, multiLine, optionalDateOnly, optionalId, orNull, singleLine, versionField } from "./common";

const YEAR = 365 * 86_400_000;

/** A meeting time: a real instant, not absurdly far in the past or the future. */
const meetingTime = instant("Choose a date and time.")
  .refine((d) => d.getTime() > Date.UTC(2000, 0, 1), "That date is too far in the past.")
  .refine((d) => d.getTime() < Date.now() + 2 * YEAR, "Schedule at most two years ahead.");

const optionalText = (max: number, label: string) => orNull(multiLine({ label, max }));

export const personInput = z.object({ personId: id() });
/** How far back "now" reaches: a 1:1 started a few minutes ago, or a clock a little ahead, is not in the past. */
export const PAST_SLACK_MS = 15 * 60_000;
export const PAST_MEETING_MESSAGE = 'That time has passed. To add a 1:1 that already happened, choose "Record a past 1:1".';

/**
 * A 1:1 is booked ahead: a time in the past is refused unless `past` says the
 * user is recording one that already happened (an explicit choice in the form).
 */
export const notInThePast = (v: { scheduledAt: Date; past: boolean }, ctx: z.RefinementCtx) => {
  if (!v.past && v.scheduledAt.getTime() < Date.now() - PAST_SLACK_MS) {
    ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: PAST_MEETING_MESSAGE });
  }
};
const pastChoice = z.boolean().optional().default(false);

export const scheduleInput = z
  .object({ personId: id("Choose a person."), scheduledAt: meetingTime, past: pastChoice })
  .superRefine(notInThePast);
export const rescheduleInput = z.object({ id: id(), scheduledAt: meetingTime, past: pastChoice }).superRefine(notInThePast);
export const holdInput = z.object({ id: id(), heldAt: meetingTime.optional() });

export const talkingPointFields = z.object({
  topic: z.enum(TOPICS, "Choose a topic."),
  body: multiLine({ label: "A talking point", max: 1_000, required: "Write the talking point." }),
  raisedBy: z.enum(["me", "them"]).default("me"),
});
export const addTalkingPointInput = talkingPointFields.extend({ personId: id() });
export const updateTalkingPointInput = talkingPointFields.extend({ id: id(), version: versionField });
/** Marks a point discussed in a 1:1 (or, with null, back on the agenda). */
export const setDiscussedInput = z.object({ id: id(), oneOnOneId: id().nullable() });

export const actionFields = z.object({
  assignee: z.enum(["me", "them"], "Say whose action it is."),
  title: singleLine({ label: "An action", max: 300, required: "Say what is to be done." }),
  dueDate: optionalDateOnly,
});
/** An action may move a target forward: `targetId`, one the person setting it sees (policy: the target reference). */
export const addActionInput = actionFields.extend({ personId: id(), oneOnOneId: optionalId(), targetId: optionalId() });
/** Whose it is (`assignee`) can change; `targetId` absent leaves the link as it is, null unlinks. */
export const updateActionInput = actionFields.extend({ id: id(), version: versionField, targetId: id().nullable().optional() });
export const setActionDoneInput = z.object({ id: id(), done: z.boolean() });

export { NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind } from "@/lib/one-on-ones/note-kinds";

const noteFields = z
  .object({
    kind: z.enum(NOTE_KINDS, "Choose what kind of note this is."),
    situation: optionalText(2_000, "Situation"),
    behaviour: optionalText(2_000, "Behaviour"),
    impact: optionalText(2_000, "Impact"),
    body: multiLine({ label: "A note", max: 20_000 }).default(""),
    private: z.boolean().default(false),
    goalId: optionalId(),
  })
  .refine((n) => n.body || n.situation || n.behaviour || n.impact, { path: ["body"], message: "Write the note." });

export const addNoteInput = noteFields.safeExtend({ personId: id(), oneOnOneId: optionalId() });
/** `version` is the one the edit started from: a newer one saved meanwhile is a conflict. */
export const updateNoteInput = noteFields.safeExtend({ id: id(), version: versionField });

export const goalFields = z.object({
  title: singleLine({ label: "A goal", max: 200, required: "Name the goal." }),
  description: optionalText(5_000, "Description"),
  status: z.enum(["active", "achieved", "paused"]).default("active"),
});
export const addGoalInput = goalFields.extend({ personId: id() });
export const updateGoalInput = goalFields.extend({ id: id(), version: versionField });

export const searchInput = z.object({
  query: singleLine({ label: "Search", max: SEARCH_MAX }).min(SEARCH_MIN, "Type at least two characters."),
});
/** The 1:1s' own search, a page at a time (keyset on (created_at, id) across notes and points). */
export const oneOnOnesSearchInput = searchInput.extend(pageInput);
/** A person's past 1:1s (held or cancelled), newest first, a page at a time. */
export const historyInput = z.object({ personId: id(), ...pageInput });
/** The people the caller held 1:1s with who no longer report to them, by name, a page at a time. */
export const othersInput = z.object({ ...pageInput });
