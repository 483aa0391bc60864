import { paramOf, searchOf, validParam, type ParamSource } from "@/lib/list-params";
import { listTargetsInput, type ListTargetsInput } from "@/lib/validators/targets";

const fields = listTargetsInput.unwrap().shape;

export type TargetFilters = NonNullable<ListTargetsInput>;

/**
 * `/targets?status=&kind=&owner=&area=&mine=1&health=` as the targets.list input. No status
 * means the active targets (the list's default); `status=any` means every status.
 * The page prefetches exactly this, and the list queries it.
 */
export function targetFilters(params: ParamSource): TargetFilters {
  const filters: TargetFilters = {
    status: paramOf(params, "status") === "any" ? undefined : (validParam(params, "status", fields.status) ?? "active"),
    kind: validParam(params, "kind", fields.kind),
    personId: validParam(params, "owner", fields.personId),
    areaId: validParam(params, "area", fields.areaId),
    mine: paramOf(params, "mine") === "1" ? true : undefined,
    health: validParam(params, "health", fields.health),
  };
  // No undefined keys: the object is the query's key, and must equal the server's.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as TargetFilters;
}

/** The filters as the URL's query, the default (active) left out. */
export function targetSearch(filters: TargetFilters): string {
  return searchOf({
    status: filters.status === "active" ? undefined : (filters.status ?? "any"),
    kind: filters.kind,
    owner: filters.personId,
    area: filters.areaId,
    mine: filters.mine ? "1" : undefined,
    health: filters.health,
  });
}

/**
 * The list's pages (targets.list is keyset-paginated): the page's server
 * prefetch and the list pass the same options with the same filters.
 */
export const targetPages = { getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined };
