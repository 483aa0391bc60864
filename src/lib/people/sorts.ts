/** The people list's orders (people.list's `sort`); apart from validators/people.ts so the list reads them without zod. */
export const PEOPLE_SORTS = ["name", "level", "title", "startDate", "manager"] as const;
