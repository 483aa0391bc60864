/**
 * A list page's filters live in its URL, so that the page's server prefetch and
 * the list in the browser read the same input (and a filtered list can be
 * bookmarked or shared). The page gets Next's `searchParams` record, the list
 * gets URLSearchParams: both are read through `paramOf`.
 */
export type ParamSource = Record<string, string | string[] | undefined> | Pick<URLSearchParams, "get">;

/** One parameter's first value, or undefined. */
export function paramOf(params: ParamSource, key: string): string | undefined {
  if (typeof (params as URLSearchParams).get === "function") return (params as URLSearchParams).get(key) ?? undefined;
  const value = (params as Record<string, string | string[] | undefined>)[key];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

/** A parameter's value if `schema` accepts it; anything else (a hand-edited URL) means no filter, never an error. */
export function validParam<T>(
  params: ParamSource,
  key: string,
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
): T | undefined {
  const raw = paramOf(params, key);
  if (raw === undefined || raw === "") return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The query string of the given entries, leaving out empty ones (so defaults keep the URL bare). */
export function searchOf(entries: Record<string, string | undefined | null | false>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value) params.set(key, value);
  return params.toString();
}
