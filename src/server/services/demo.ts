import { randomUUID } from "node:crypto";
import type { Db } from "../db/types";
import { areas, people } from "../db/schema";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { countPeople } from "./people";
import type { Level, Track } from "@/lib/people/ladder";

type DemoPerson = {
  key: string;
  name: string;
  title: string;
  track: Track;
  level: Level;
  manager?: string;
  leads?: string;
  cadence?: "weekly" | "fortnightly" | "monthly";
  startDate: string;
};

// The account owner is the director: three EMs and three staff/principal
// engineers report to them, each EM with a team, and three areas each
// overseen by an EM + staff engineer pair.
const DEMO_PEOPLE: DemoPerson[] = [
  { key: "priya", name: "Priya Raman", title: "Engineering Manager, Payments", track: "manager", level: "senior_em", leads: "Payments organisation (2 teams)", cadence: "weekly", startDate: "2021-03-01" },
  { key: "tom", name: "Tom Okafor", title: "Engineering Manager, Search", track: "manager", level: "em", leads: "Search team", cadence: "weekly", startDate: "2023-06-12" },
  { key: "lena", name: "Lena Fischer", title: "Engineering Manager, Platform", track: "manager", level: "em", leads: "Platform infrastructure team", cadence: "weekly", startDate: "2022-09-05" },
  { key: "marcus", name: "Marcus Chen", title: "Principal Engineer", track: "ic", level: "principal", leads: "Payments ledger re-architecture", cadence: "fortnightly", startDate: "2019-11-18" },
  { key: "sofia", name: "Sofia Alvarez", title: "Staff Engineer", track: "ic", level: "staff", leads: "Search relevance and latency", cadence: "fortnightly", startDate: "2022-01-10" },
  { key: "david", name: "David Kim", title: "Senior Staff Engineer", track: "ic", level: "senior_staff", leads: "Platform reliability (SLOs, incident response)", cadence: "fortnightly", startDate: "2020-07-20" },
  { key: "amara", name: "Amara Nwosu", title: "Engineering Manager, Checkout", track: "manager", level: "em", manager: "priya", leads: "Checkout team", startDate: "2023-02-01" },
  { key: "jonas", name: "Jonas Berg", title: "Senior Engineer", track: "ic", level: "senior", manager: "priya", leads: "Card processing integrations", startDate: "2022-04-04" },
  { key: "mei", name: "Mei Tanaka", title: "Senior Engineer", track: "ic", level: "senior", manager: "amara", startDate: "2023-08-14" },
  { key: "omar", name: "Omar Haddad", title: "Senior Engineer", track: "ic", level: "senior", manager: "amara", startDate: "2024-01-08" },
  { key: "grace", name: "Grace Liu", title: "Staff Engineer", track: "ic", level: "staff", manager: "amara", leads: "Checkout conversion experiments", startDate: "2021-05-17" },
  { key: "ravi", name: "Ravi Patel", title: "Senior Engineer", track: "ic", level: "senior", manager: "tom", startDate: "2023-10-02" },
  { key: "ella", name: "Ella Morris", title: "Senior Engineer", track: "ic", level: "senior", manager: "tom", startDate: "2024-03-11" },
  { key: "kenji", name: "Kenji Watanabe", title: "Senior Engineer", track: "ic", level: "senior", manager: "tom", startDate: "2022-11-28" },
  { key: "nadia", name: "Nadia Petrova", title: "Senior Engineer", track: "ic", level: "senior", manager: "lena", startDate: "2021-09-13" },
  { key: "sam", name: "Sam Taylor", title: "Senior Engineer", track: "ic", level: "senior", manager: "lena", startDate: "2024-06-03" },
  { key: "ines", name: "Inês Costa", title: "Staff Engineer", track: "ic", level: "staff", manager: "lena", leads: "Kubernetes migration", startDate: "2020-02-24" },
];

const DEMO_AREAS = [
  { name: "Payments platform", description: "Payment processing, ledger and payouts.", em: "priya", ic: "marcus" },
  { name: "Search", description: "Query understanding, ranking and the search API.", em: "tom", ic: "sofia" },
  { name: "Core infrastructure", description: "Compute, networking, observability and on-call.", em: "lena", ic: "david" },
];

/**
 * Loads the demo organisation into an account that has no people yet, in one
 * transaction. Later features add their demo data here too.
 */
export async function loadDemoOrganisation(db: Db, actor: Actor) {
  if ((await countPeople(db, actor)) > 0) {
    throw new AppError("CONFLICT", "The demo organisation loads only into an account with no people yet.");
  }
  const ids = new Map(DEMO_PEOPLE.map((p) => [p.key, randomUUID()]));
  const emailOf = (name: string) => `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.com`;
  await db.transaction(async (tx) => {
    await tx.insert(people).values(
      DEMO_PEOPLE.map((p) => ({
        id: ids.get(p.key)!,
        ownerId: actor.userId,
        name: p.name,
        email: emailOf(p.name),
        title: p.title,
        track: p.track,
        level: p.level,
        managerId: p.manager ? ids.get(p.manager)! : null,
        leads: p.leads ?? null,
        cadence: p.cadence ?? "fortnightly",
        startDate: p.startDate,
      })),
    );
    await tx.insert(areas).values(
      DEMO_AREAS.map((a) => ({
        ownerId: actor.userId,
        name: a.name,
        description: a.description,
        emPersonId: ids.get(a.em)!,
        icPersonId: ids.get(a.ic)!,
      })),
    );
  });
  return { people: DEMO_PEOPLE.length, areas: DEMO_AREAS.length };
}
