/** A unique constraint refused the write (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  // postgres.js and PGlite both expose the SQLSTATE as `code`; drizzle may wrap it in `cause`.
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
