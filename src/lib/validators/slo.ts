import { z } from "zod";
import { id } from "./common";
import { targetFields } from "./targets";

/** The most characters of an OpenSLO file (a few SLOs are a few kB). */
export const MAX_OPENSLO_CHARS = 200_000;

/**
 * An OpenSLO file to import as a new reliability target, placed like a new
 * target (owners, area, dates, sharing). The text is kept as typed: trimming it
 * would move the line numbers its problems are reported at.
 */
export const importOpenSloInput = targetFields
  .pick({ areaId: true, ownerIds: true, startDate: true, dueDate: true, sharedWithOrg: true })
  .extend({
    yaml: z
      .string("Paste an OpenSLO file.")
      .max(MAX_OPENSLO_CHARS, `An OpenSLO file here is at most ${MAX_OPENSLO_CHARS.toLocaleString("en")} characters.`)
      .refine((s) => s.trim() !== "", "Paste an OpenSLO file.")
      // YAML is text: a NUL means a binary file, and PostgreSQL refuses it in text columns.
      .refine((s) => !s.includes("\u0000"), "This is not an OpenSLO file: YAML is text, and this holds a NUL character."),
    /** A Prometheus data source to bind the new metric to (the SLI's derived PromQL); none: values by hand or later. */
    dataSourceId: id("Unknown data source.").nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.dueDate < v.startDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date is before the start date." });
  });
export type ImportOpenSloInput = z.input<typeof importOpenSloInput>;

export const exportOpenSloInput = z.object({ targetId: id() });
