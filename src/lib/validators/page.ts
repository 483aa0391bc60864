import { z } from "zod";
import { MAX_PAGE } from "@/lib/keyset";

const MESSAGE = "Reload the page: this list's position is not valid.";

/**
 * The page fields of this branch's lists: keyset.ts's pageInput, with the
 * cursor held to the characters encodeCursor writes (base64url), so a NUL or
 * any other stray character is refused by the schema itself (bad-input test),
 * before decodeCursor is asked.
 */
export const pageFields = {
  cursor: z
    .string()
    .max(1000, MESSAGE)
    .regex(/^[A-Za-z0-9_-]*$/, MESSAGE)
    .nullish(),
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
};
