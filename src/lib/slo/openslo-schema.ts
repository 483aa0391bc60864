import { z } from "zod";
import { DURATION, THRESHOLD_OPS } from "./spec";

/**
 * zod schemas for the OpenSLO v1 documents Intersect reads (the spec:
 * github.com/OpenSLO/OpenSLO, "SLO", "SLI", "Objectives"). Objects are strict:
 * a field the spec has but Intersect does not support, or a misspelt one, is
 * an error naming it (parse.ts words them with UNSUPPORTED_FIELDS), never
 * silently dropped.
 */

export const API_VERSION = "openslo/v1";

/** Fields of OpenSLO v1 that Intersect knows but does not import, and why. */
export const UNSUPPORTED_FIELDS: Record<string, string> = {
  raw: "a precomputed ratio (raw) is not supported: give good or bad, with total",
  rawType: "a precomputed ratio (raw) is not supported: give good or bad, with total",
  alertPolicies: "alert policies are not imported: Intersect shows burn rates on the target instead",
  timeSliceTarget: "Timeslices budgeting is not supported: use budgetingMethod: Occurrences",
  timeSliceWindow: "Timeslices budgeting is not supported: use budgetingMethod: Occurrences",
};

/** RFC 1123 label, as OpenSLO asks of metadata.name. */
const dnsName = z
  .string("expected a name")
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    "must be at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
  );

const text = (max: number) => z.string("expected text").max(max, `must be at most ${max} characters`);

export const metadataSchema = z.strictObject({
  name: dnsName,
  displayName: text(1050).optional(),
  // Kubernetes-style labels and annotations are allowed by the spec; Intersect does not use them.
  labels: z.record(z.string(), z.unknown()).optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
});

const metricSource = z
  .strictObject({
    /** A DataSource by name: which Prometheus to ask is chosen in Intersect, so the name is not kept. */
    metricSourceRef: z.string("expected a name").optional(),
    type: z.literal("Prometheus", "only Prometheus metric sources are supported").optional(),
    spec: z.strictObject({ query: z.string("expected a PromQL query").trim().min(1, "the query is empty") }),
  })
  .refine((v) => v.type !== undefined || v.metricSourceRef !== undefined, {
    message: "missing type (Prometheus)",
    path: ["type"],
  });

export const metricSchema = z.strictObject({ metricSource });

const ratioMetric = z
  .strictObject({
    counter: z.boolean("expected true or false").default(true),
    good: metricSchema.optional(),
    bad: metricSchema.optional(),
    total: metricSchema,
  })
  .superRefine((v, ctx) => {
    if (v.good && v.bad) ctx.addIssue({ code: "custom", path: ["bad"], message: "give good or bad, not both" });
    if (!v.good && !v.bad) ctx.addIssue({ code: "custom", path: [], message: "missing good (or bad)" });
  });

export const sliSpecSchema = z
  .strictObject({
    description: text(1050).optional(),
    ratioMetric: ratioMetric.optional(),
    thresholdMetric: metricSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.ratioMetric && v.thresholdMetric)
      ctx.addIssue({ code: "custom", path: ["thresholdMetric"], message: "give ratioMetric or thresholdMetric, not both" });
    if (!v.ratioMetric && !v.thresholdMetric)
      ctx.addIssue({ code: "custom", path: [], message: "missing ratioMetric (or thresholdMetric)" });
  });

export const sliDocumentSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION, `must be ${API_VERSION}`),
  kind: z.literal("SLI"),
  metadata: metadataSchema,
  spec: sliSpecSchema,
});

const timeWindow = z
  .strictObject({
    duration: z
      .string("expected a duration such as 28d")
      .regex(
        DURATION,
        "must be a number of minutes, hours, days or weeks (such as 28d or 4w); months, quarters and years are not supported",
      ),
    isRolling: z.boolean("expected true or false").optional(),
    calendar: z
      .strictObject({
        startTime: z.string("expected a date and time such as 2026-01-01 00:00:00"),
        timeZone: z.string("expected a time zone such as Europe/Berlin"),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.isRolling === true && v.calendar)
      ctx.addIssue({ code: "custom", path: ["calendar"], message: "a rolling window has no calendar" });
    if (v.isRolling !== true && !v.calendar) ctx.addIssue({ code: "custom", path: [], message: "missing isRolling: true (or a calendar)" });
  });

const objective = z.strictObject({
  displayName: text(1050).optional(),
  op: z.enum(THRESHOLD_OPS, "must be one of lt, lte, gt, gte").optional(),
  value: z.number("expected a number").finite().optional(),
  target: z.number("expected a number").gt(0, "must be above 0").lt(1, "must be below 1 (0.999 is 99.9%)").optional(),
  targetPercent: z.number("expected a number").gt(0, "must be above 0").lt(100, "must be below 100").optional(),
});

export const sloSpecSchema = z.strictObject({
  description: text(1050).optional(),
  service: z.string("expected the service's name").min(1, "the service is empty"),
  indicator: z.strictObject({ metadata: metadataSchema, spec: sliSpecSchema }).optional(),
  indicatorRef: dnsName.optional(),
  timeWindow: z.array(timeWindow, "expected a list with one window").length(1, "must hold exactly one window"),
  budgetingMethod: z.literal("Occurrences", "only Occurrences budgeting is supported (Timeslices is not)"),
  objectives: z
    .array(objective, "expected a list with one objective")
    .min(1, "must hold one objective")
    .max(1, "only one objective per SLO is supported"),
});

export const sloDocumentSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION, `must be ${API_VERSION}`),
  kind: z.literal("SLO"),
  metadata: metadataSchema,
  spec: sloSpecSchema,
});

export type SloDocument = z.output<typeof sloDocumentSchema>;
export type SliDocument = z.output<typeof sliDocumentSchema>;
export type SliSpecDocument = z.output<typeof sliSpecSchema>;
