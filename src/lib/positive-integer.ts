/**
 * A setting's positive whole number (an operator's raise of a limit, read from
 * the environment), or the default when it is unset or anything else.
 */
export function positiveIntegerOr(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
