import { paramOf, searchOf, validParam, type ParamSource } from "@/lib/list-params";
import { oneLine, oneOf, uuidOr } from "@/lib/param-checks";
import { ALL_LEVELS, LEVELS, TRACKS } from "@/lib/people/ladder";
import { PEOPLE_SORTS } from "@/lib/people/sorts";
import type { ListPeopleInput } from "@/lib/validators/people";

/**
 * listPeopleInput's fields, checked without zod (the list parses the address in the browser);
 * list-params.test.ts checks each accepts what the schema accepts, with the same value.
 */
export const peopleParamChecks = {
  track: oneOf(TRACKS),
  level: oneOf(ALL_LEVELS),
  search: oneLine(120),
  managerId: uuidOr("me"),
  areaId: uuidOr(),
  sort: oneOf(PEOPLE_SORTS),
  sortDirection: oneOf(["asc", "desc"]),
};
const fields = peopleParamChecks;

type ListFilters = Omit<NonNullable<ListPeopleInput>, "cursor" | "limit">;

/** The people list's filters as the list holds them: the procedure's input less the page, with the sort always named. */
export type PeopleFilters = ListFilters & Required<Pick<ListFilters, "sort" | "sortDirection">>;

/**
 * `/people?q=&track=&level=&manager=&area=&archived=1&sort=&dir=` as the
 * people.list input. The page prefetches exactly this (its first page), and the list queries it.
 */
export function peopleFilters(params: ParamSource): PeopleFilters {
  const track = validParam(params, "track", fields.track);
  let level = validParam(params, "level", fields.level);
  // A level of the other track (a hand-edited URL) would match no one: the picker never offers it.
  if (track && level && !(LEVELS[track] as readonly string[]).includes(level)) level = undefined;
  const search = validParam(params, "q", fields.search) || undefined;
  const filters: PeopleFilters = {
    search,
    track,
    level,
    managerId: validParam(params, "manager", fields.managerId),
    areaId: validParam(params, "area", fields.areaId),
    includeArchived: paramOf(params, "archived") === "1" || undefined,
    sort: validParam(params, "sort", fields.sort) ?? "name",
    sortDirection: validParam(params, "dir", fields.sortDirection) ?? "asc",
  };
  // No undefined keys: the object is the query's key, and must equal the server's.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as PeopleFilters;
}

/** The filters as the URL's query (the search as typed), defaults left out. */
export function peopleSearch(filters: Omit<PeopleFilters, "search"> & { search?: string }): string {
  return searchOf({
    q: filters.search,
    track: filters.track,
    level: filters.level,
    manager: filters.managerId,
    area: filters.areaId,
    archived: filters.includeArchived ? "1" : undefined,
    sort: filters.sort === "name" ? undefined : filters.sort,
    dir: filters.sortDirection === "asc" ? undefined : filters.sortDirection,
  });
}
