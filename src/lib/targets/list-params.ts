import { paramOf, searchOf, validParam, type ParamSource } from "@/lib/list-params";
import { oneOf, uuidOr } from "@/lib/param-checks";
import { TARGET_KINDS, TARGET_STATUSES } from "@/lib/targets/labels";
import { HEALTHS } from "@/lib/targets/status";
import type { ListTargetsInput } from "@/lib/validators/targets";

/**
 * listTargetsInput's fields, checked without zod (the list parses the address in the browser);
 * list-params.test.ts checks each accepts what the schema accepts, with the same value.
 */
export const targetParamChecks = {
  status: oneOf(TARGET_STATUSES),
  kind: oneOf(TARGET_KINDS),
  personId: uuidOr(),
  areaId: uuidOr(),
  health: oneOf(HEALTHS),
};
const fields = targetParamChecks;

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
