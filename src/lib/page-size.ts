/** The largest page a list procedure serves; each list picks its own default below this. Apart from keyset.ts (zod) so the browser reads it without zod. */
export const MAX_PAGE = 100;
