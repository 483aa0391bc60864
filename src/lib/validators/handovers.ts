import { z } from "zod";
import { id, multiLine, versionOrNewField } from "./common";

/** How long a hand-over note may be. */
export const MAX_HANDOVER_NOTE_LENGTH = 10_000;

export const handoverNoteBody = multiLine({
  label: "Hand-over note",
  max: MAX_HANDOVER_NOTE_LENGTH,
  required: "Write a line or two for the new manager.",
});

/** The hand-over page of a person (their latest hand-over the actor may read). */
export const handoverPageInput = z.object({ personId: id() });

/**
 * The old manager's note on a hand-over. `version` 0: there was none when the
 * form was opened (a first save); otherwise the version the edit started from.
 */
export const saveHandoverNoteInput = z.object({ handoverId: id(), body: handoverNoteBody, version: versionOrNewField });
export type SaveHandoverNoteInput = z.input<typeof saveHandoverNoteInput>;
export const handoverNoteForm = saveHandoverNoteInput.pick({ body: true });
export type HandoverNoteFormValues = z.input<typeof handoverNoteForm>;
