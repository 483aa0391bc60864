import { z } from "zod";
import { pageInput } from "@/lib/keyset";
import { id } from "./common";

/** How many items a page of the inbox shows. */
export const INBOX_PAGE = 30;

/**
 * A page of the inbox, newest first: the first page, or the one after
 * `cursor` (the keyset of the last item shown so far: its exact time and id,
 * as keyset.ts encodes it).
 */
export const inboxListInput = z
  .object({
    cursor: pageInput.cursor,
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
