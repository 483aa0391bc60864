/** For react-hook-form's `setValueAs`: an empty input means "none" (null), not "". */
export const nullIfEmpty = (v: unknown) => (v === "" || v === undefined ? null : v);

/** "" → null, "12.5" → 12.5, "abc" → NaN (which the schema then reports next to the field). */
export const numberOrNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));
