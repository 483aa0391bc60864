import { z } from "zod";
import { id } from "./common";

/** How many items a page of the inbox shows. */
export const INBOX_PAGE = 30;

/**
 * A page of the inbox, newest first: the first page, or the one after
 * `cursor` (the keyset of the last item shown so far: its time and id).
 */
export const inboxListInput = z
  .object({
    cursor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/i, "Reload the page: this list's position is not valid.")
      .nullish(),
    unreadOnly: z.boolean().optional(),
  })
  .optional();

export const markReadInput = z.object({ id: id("Unknown id."), read: z.boolean().default(true) });

/**
 * Marks every item read, up to the newest one shown (`upTo`, its id), so that
 * an item that arrives meanwhile stays unread.
 */
export const markAllReadInput = z.object({ upTo: id("Unknown id.").nullish() }).optional();

export const digestSettingInput = z.object({ dailyDigest: z.boolean() });
