import type { Db } from "@/server/db/types";
import type { TestUser } from "../factories";
import type { Org } from "./org";

/**
 * The roles of the matrix, each relative to the subject person R1 (see
 * org.ts): the columns of DESIGN.md's table ("Organisations and who sees
 * what"), plus `top`, the admin at the top of the line (a skip-level who is
 * also an admin: what either column allows, and never more).
 */
export const ROLES = ["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin", "otherOrg", "anonymous"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  self: "the person themself (R1)",
  manager: "their manager (E1)",
  skip: "a skip-level manager (D)",
  top: "the top of the line, an admin (V)",
  pair: "their pair partner (E2)",
  peer: "a peer with the same manager (R2)",
  unrelated: "an unrelated member (U)",
  admin: "an admin not in the line (A)",
  otherOrg: "a user of another organisation (X)",
  anonymous: "no session",
};

export type Expected = "allowed" | "NOT_FOUND" | "UNAUTHORIZED";

/** One cell: who calls, in which world, on which (rolled-back) transaction. */
export type Cell = { role: Role; user: TestUser | null; org: Org; db: Db };

/**
 * One row of the matrix: a procedure called on one subject, and what every
 * role gets. `input` is built per cell; `prepare` changes the world first
 * (inside the cell's transaction, which is rolled back afterwards).
 */
export type MatrixRow = {
  /** What the procedure is called on, in words. */
  subject: string;
  input?: (org: Org, cell: Cell) => unknown;
  prepare?: (org: Org, db: Db) => Promise<unknown>;
  expect: Record<Role, Expected>;
  /**
   * Error codes that count as "allowed": the call got past the access check
   * and was refused by a rule of the thing itself (the demo loads only into
   * an empty organisation, import only into an empty account).
   */
  allowedAs?: string[];
  /** After an allowed call: what its answer must (not) hold, beyond the universal leak check. */
  check?: (result: unknown, cell: Cell) => void | Promise<void>;
};

export type Matrix = Record<string, MatrixRow | MatrixRow[]>;

const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");

/** Allowed for these roles; NOT_FOUND for every other signed-in role; UNAUTHORIZED without a session. */
export function only(...roles: Exclude<Role, "anonymous">[]): Record<Role, Expected> {
  const out = Object.fromEntries(SIGNED_IN.map((r) => [r, roles.includes(r) ? "allowed" : "NOT_FOUND"])) as Record<Role, Expected>;
  return { ...out, anonymous: "UNAUTHORIZED" };
}

/** The caller's own things (their account, their lists, their own plan): allowed for everyone signed in, the other org's user included. */
export const everyone = () => only(...SIGNED_IN);

/**
 * A check that the roles named see the row `pick` names in their answer:
 * the other half of the leak check, so a list that shows nobody anything
 * does not pass for a safe one.
 */
export function shows(roles: Role[], pick: (org: Org) => string) {
  return (result: unknown, cell: Cell) => {
    if (!roles.includes(cell.role)) return;
    const text = typeof result === "string" ? result : JSON.stringify(result ?? null);
    if (!text.includes(pick(cell.org))) throw new Error(`the answer does not show ${cell.role} what they may see`);
  };
}
