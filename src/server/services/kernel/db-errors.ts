function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** A foreign key refused the write (SQLSTATE 23503): the row pointed at was deleted meanwhile, or is still pointed at. */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23503" || e?.cause?.code === "23503" || sqlState(error) === "23503";
}

/** A unique constraint refused the write (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  // postgres.js and PGlite both expose the SQLSTATE as `code`; drizzle may wrap it in `cause`.
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
