import { pageInput } from "@/lib/keyset";

/** The page fields of the 1:1s' and check-ins' lists: keyset.ts's, whose cursor is base64url only (the bad-input test). */
export const pageFields = pageInput;
