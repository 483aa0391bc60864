/** The SQLSTATE of a driver error: postgres.js and PGlite expose it as `code`; drizzle may wrap the error in `cause`. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** A foreign key refused the write (SQLSTATE 23503): the row pointed at was deleted meanwhile, or is still pointed at. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === "23503";
}

/** A unique constraint refused the write (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}
