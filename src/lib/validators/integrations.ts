import { z } from "zod";
import { id, multiLine, singleLine, versionField } from "./common";
import { DEFAULT_PULL_INTERVAL_MINUTES, PULL_INTERVALS_MINUTES } from "@/lib/prometheus/schedule";

/**
 * A Prometheus base URL: http or https, no credentials in it (they go in the
 * authentication fields, sealed), no query or fragment. A path prefix is kept
 * (a Prometheus behind a reverse proxy at /prometheus).
 */
export const baseUrlField = z
  .string("Enter the Prometheus URL.")
  .trim()
  .min(1, "Enter the Prometheus URL.")
  .max(2000, "The URL is too long (at most 2000 characters).")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL, such as https://prometheus.example.com." });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      ctx.addIssue({ code: "custom", message: "The URL must start with http:// or https://." });
    else if (url.username || url.password)
      ctx.addIssue({ code: "custom", message: "Put credentials in the authentication fields, not in the URL." });
    else if (url.search || url.hash) ctx.addIssue({ code: "custom", message: "The base URL has no query or fragment (no ? or #)." });
  })
  .transform((value) => value.replace(/\/+$/, ""));

// Secrets are kept exactly as typed (no trimming), but a control character cannot be part of an HTTP header.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const secretText = (label: string) =>
  z
    .string()
    .max(4000, `The ${label} is too long (at most 4000 characters).`)
    .refine((v) => !CONTROL.test(v), `The ${label} has a control character, which cannot be sent to Prometheus.`)
    .default("");

/**
 * The form's fields, flat so each error lands next to its field: the kind of
 * authentication and, for it, a bearer token or a user name and password.
 * Secrets are write-only: never read back. On an edit, leaving them empty with
 * the same kind keeps the stored ones.
 */
const dataSourceFields = {
  name: singleLine({ label: "Name", max: 80, required: "Name the data source." }),
  baseUrl: baseUrlField,
  authKind: z.enum(["none", "bearer", "basic"], { error: "Choose no authentication, a bearer token or basic auth." }),
  token: secretText("token"),
  username: secretText("user name"),
  password: secretText("password"),
};

type Fields = { authKind: "none" | "bearer" | "basic"; token: string; username: string; password: string };

/** Which secret fields must be filled: all of them on a new source; on an edit, none (keep) or all. */
function requireSecrets(mayKeep: boolean) {
  return (value: Fields, ctx: z.RefinementCtx) => {
    if (value.authKind === "bearer" && !value.token && !mayKeep)
      ctx.addIssue({ code: "custom", path: ["token"], message: "Enter the bearer token." });
    if (value.authKind === "basic") {
      const given = Boolean(value.username.trim() || value.password);
      if (!mayKeep || given) {
        if (!value.username.trim()) ctx.addIssue({ code: "custom", path: ["username"], message: "Enter the user name." });
        if (!value.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter the password." });
      }
    }
  };
}

/** The form's own schema: a new source needs its credentials; an edit may keep the stored ones. */
export const dataSourceForm = (editing: boolean) => z.object(dataSourceFields).superRefine(requireSecrets(editing));

export const createDataSourceInput = dataSourceForm(false);
export type CreateDataSourceInput = z.input<typeof createDataSourceInput>;

/** An edit: empty secret fields with the stored kind keep the stored credentials. */
export const updateDataSourceInput = z
  .object({ id: id("Unknown data source."), version: versionField, ...dataSourceFields })
  .superRefine(requireSecrets(true));
export type UpdateDataSourceInput = z.input<typeof updateDataSourceInput>;

/** The credentials of the form, or null for "keep the stored ones" (an edit with empty secret fields). */
export function credentialsOf(value: Fields): { token: string } | { username: string; password: string } | null {
  if (value.authKind === "bearer") return value.token ? { token: value.token } : null;
  if (value.authKind === "basic") return value.password ? { username: value.username.trim(), password: value.password } : null;
  return null;
}

/** A PromQL expression as typed: one to a few lines, never empty. */
const promqlField = multiLine({ label: "Query", max: 4000, required: "Write a PromQL expression." });

export const previewQueryInput = z.object({
  metricId: id("Unknown metric."),
  dataSourceId: id("Choose a data source."),
  query: promqlField,
});
export type PreviewQueryInput = z.input<typeof previewQueryInput>;

export const bindMetricInput = previewQueryInput.extend({
  intervalMinutes: z
    .union(
      PULL_INTERVALS_MINUTES.map((m) => z.literal(m)),
      { error: "Choose every 15 minutes, hourly, every 6 hours or daily." },
    )
    .default(DEFAULT_PULL_INTERVAL_MINUTES),
});
export type BindMetricInput = z.input<typeof bindMetricInput>;

export const metricIdInput = z.object({ metricId: id("Unknown metric.") });
