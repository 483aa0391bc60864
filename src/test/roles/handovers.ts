import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { handoverNotes, handovers } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Org } from "./org";
import { everyone, only, shows, type Cell, type Matrix } from "./types";

// Hand-overs (issue #17, part 5). The world's hand-over, made in each cell
// (rolled back): R1 moved from E2 (the `pair` role, the old manager) to E1
// (`manager`, the new one). The new manager and the line above them (D, V)
// read the page, each section through its own table's policy; the old
// manager reads it too (what they held and delegate). The person themself,
// a peer, someone unrelated and an admin outside the line get NOT_FOUND.
// Only the old manager writes the note.

/** The hand-over's text, unique per world: only the two managers may find it in an answer. */
export const HANDOVER_NOTE = `HANDOVER-NOTE-${randomUUID()}`;

/** Makes the world's hand-over and the old manager's note (in the cell's transaction). */
export async function makeHandover(org: Org, db: Db) {
  const [existing] = await db
    .select()
    .from(handovers)
    .where(and(eq(handovers.orgId, org.orgId), eq(handovers.personId, org.people.R1.id)))
    .limit(1);
  if (existing) return existing;
  const [row] = await db
    .insert(handovers)
    .values({ orgId: org.orgId, personId: org.people.R1.id, fromPersonId: org.people.E2.id, toPersonId: org.people.E1.id })
    .returning();
  await db.insert(handoverNotes).values({ orgId: org.orgId, handoverId: row!.id, authorPersonId: org.people.E2.id, body: HANDOVER_NOTE });
  return row!;
}

/** The id of the world's hand-over in this cell (or an unknown id, when no cell made one). */
async function handoverId(org: Org, cell: Cell): Promise<string> {
  const [row] = await cell.db
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.orgId, org.orgId), eq(handovers.personId, org.people.R1.id)))
    .limit(1);
  return row?.id ?? randomUUID();
}

/** Readers of the page: the new manager, the line above them, the old manager. */
const readers = ["manager", "skip", "top", "pair"] as const;

/** The note is the two managers' alone: the line above reads the page without it. */
const noteOnlyForTheTwo = (result: unknown, cell: Cell) => {
  const text = JSON.stringify(result ?? null);
  const mayRead = cell.role === "manager" || cell.role === "pair";
  if (mayRead && !text.includes(HANDOVER_NOTE)) throw new Error(`${cell.role} does not find the hand-over note they may read`);
  if (!mayRead && text.includes(HANDOVER_NOTE)) throw new Error(`${cell.role} reads the hand-over note of the two managers`);
};

export const handoversMatrix: Matrix = {
  "handovers.page": {
    subject: "R1's hand-over page (R1 moved from E2 to E1)",
    prepare: makeHandover,
    input: (org) => ({ personId: org.people.R1.id }),
    expect: only(...readers),
    check: async (result, cell) => {
      noteOnlyForTheTwo(result, cell);
      // The new manager reads the shared 1:1 history; the line above and the old manager (who held none) do not.
      await shows(["manager"], (org) => org.sharedNote.id)(result, cell);
      await shows(["manager", "skip", "top"], (org) => org.r1Target.id)(result, cell);
    },
  },
  "handovers.latest": {
    subject: "the latest hand-over of R1, for the person page's link",
    prepare: makeHandover,
    input: (org) => ({ personId: org.people.R1.id }),
    // Everyone in the organisation sees the person; only the readers of the hand-over get it (the rest: none).
    expect: { ...everyone(), otherOrg: "NOT_FOUND" },
    check: async (result, cell) => {
      const mayRead = (readers as readonly string[]).includes(cell.role);
      if (mayRead !== (result !== null)) throw new Error(`${cell.role} ${mayRead ? "does not get" : "gets"} R1's hand-over`);
      if (JSON.stringify(result ?? null).includes(HANDOVER_NOTE)) throw new Error("the link carries the note");
    },
  },
  "handovers.saveNote": {
    subject: "the old manager's note on R1's hand-over",
    prepare: makeHandover,
    input: async (org, cell) => ({ handoverId: await handoverId(org, cell), body: "Rae is ready for the rewrite.", version: 1 }),
    expect: only("pair"),
  },
};
