import { z } from "zod";
import { id, singleLine, versionField } from "./common";

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

const secretText = (label: string, required: string) =>
  z.string(required).min(1, required).max(4000, `The ${label} is too long (at most 4000 characters).`);

/** How the app authenticates to the source. Secrets are write-only: they are never read back. */
export const dataSourceAuth = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("bearer"), token: secretText("token", "Enter the bearer token.") }),
    z.object({
      kind: z.literal("basic"),
      username: singleLine({ label: "User name", max: 200, required: "Enter the user name." }),
      password: secretText("password", "Enter the password."),
    }),
  ],
  { error: "Choose no authentication, a bearer token or basic auth." },
);
export type DataSourceAuthInput = z.output<typeof dataSourceAuth>;

const dataSourceFields = {
  name: singleLine({ label: "Name", max: 80, required: "Name the data source." }),
  baseUrl: baseUrlField,
};

export const createDataSourceInput = z.object({ ...dataSourceFields, auth: dataSourceAuth });
export type CreateDataSourceInput = z.input<typeof createDataSourceInput>;

/** An edit keeps the stored credentials unless it gives new ones (`{ kind: "keep" }`). */
export const updateDataSourceInput = z.object({
  id: id("Unknown data source."),
  version: versionField,
  ...dataSourceFields,
  auth: z.union([z.object({ kind: z.literal("keep") }), dataSourceAuth], { error: "Choose how to authenticate." }),
});
export type UpdateDataSourceInput = z.input<typeof updateDataSourceInput>;
