/**
 * Reporting lines as a tree. Pure functions over (id, managerId) pairs: loop
 * checks on a change of line, and the tree of the part of the chart a page
 * shows (the org chart's counts come from the closure table, chart.read.ts).
 * A null managerId means the person is at the top.
 */
export type OrgEdge = { id: string; managerId: string | null };

/**
 * Would making `managerId` the manager of `personId` close a loop? For the
 * person form, which offers only managers that would not; the server asks the
 * closure table instead (chart.read.ts, atOrBelowAny), one probe, without the
 * whole organisation's lines.
 */
export function wouldCreateCycle(edges: OrgEdge[], personId: string, managerId: string | null): boolean {
  if (managerId === null) return false;
  if (managerId === personId) return true;
  const managerOf = new Map(edges.map((e) => [e.id, e.managerId]));
  // Walk up from the proposed manager; meeting the person means they would manage themselves.
  const seen = new Set<string>();
  let current: string | null | undefined = managerId;
  while (current) {
    if (current === personId) return true;
    if (seen.has(current)) return true; // an existing loop (should never be stored)
    seen.add(current);
    current = managerOf.get(current);
  }
  return false;
}

export type OrgNode<T> = T & { reports: OrgNode<T>[]; directCount: number; totalCount: number; depth: number };

/**
 * Builds the tree of the people given: every person whose manager is null or not in
 * the list (an archived manager, or a branch loaded on its own) is a root. Children sorted by `compare`.
 */
export function buildOrgTree<T extends OrgEdge>(people: T[], compare: (a: T, b: T) => number): OrgNode<T>[] {
  const ids = new Set(people.map((p) => p.id));
  const children = new Map<string | null, T[]>();
  for (const person of people) {
    const parent = person.managerId && ids.has(person.managerId) ? person.managerId : null;
    const list = children.get(parent) ?? [];
    list.push(person);
    children.set(parent, list);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): OrgNode<T>[] =>
    (children.get(parent) ?? [])
      .filter((p) => !seen.has(p.id))
      .sort(compare)
      .map((person) => {
        const reports = build(person.id, depth + 1, new Set([...seen, person.id]));
        const totalCount = reports.reduce((sum, r) => sum + 1 + r.totalCount, 0);
        return { ...person, reports, directCount: reports.length, totalCount, depth };
      });
  return build(null, 0, new Set());
}
