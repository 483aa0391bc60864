import type { MemberRole } from "../../db/schema/members";

/**
 * Who is calling a service: the signed-in user, the organisation they are
 * signed in to, the person of that organisation's chart they are, and their
 * role there. `sessionId` names the session (or `token:<id>` for an API token).
 * `timeZone` is the user's setting as the session check read it, so that a
 * request needs no second query for "today"; callers without it (tests, the
 * CLI) get it read from the database.
 */
export type Actor = {
  userId: string;
  sessionId: string;
  orgId: string;
  personId: string;
  role: MemberRole;
  timeZone?: string;
};

export const isAdmin = (actor: Actor) => actor.role === "admin";
