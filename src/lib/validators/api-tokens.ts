import { z } from "zod";
import { singleLine } from "./common";

/** How long a new API token may live: a few fixed choices, or never expiring (null). */
export const TOKEN_LIFETIME_DAYS = [30, 90, 365] as const;

export const tokenNameInput = z.object({ name: singleLine({ label: "Name", max: 60, required: "Name the token." }) });

export const createApiTokenInput = tokenNameInput.extend({
  expiresInDays: z
    .union(
      TOKEN_LIFETIME_DAYS.map((d) => z.literal(d)),
      { error: "Choose 30, 90 or 365 days, or never." },
    )
    .nullable()
    .default(null),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

/** The REST API's allowance per token (src/server/api/rest/push-check-in.ts). */
export const TOKEN_REQUESTS_PER_MINUTE = 60;
