import type { Db } from "@/server/db/types";
import type { TestUser } from "../factories";

export type Caller = TestUser["caller"];

/**
 * How one protected procedure is proven tenant-safe.
 *
 * - `ids`: the procedure takes ids. `setup` makes rows as user A and returns the
 *   input that names them; user B calls with it and must get NOT_FOUND.
 * - `self`: the procedure takes no ids and acts on the caller's own account;
 *   `why` says so. B calls it and it must succeed without touching A's rows.
 *
 * In both cases the harness checks that every row A owns is unchanged.
 */
export type CrossUserCase =
  | {
      kind: "ids";
      setup: (a: TestUser, db: Db) => Promise<unknown>;
      call: (b: Caller, input: never) => Promise<unknown>;
    }
  | {
      kind: "self";
      why: string;
      call: (b: Caller, b_user: TestUser) => Promise<unknown>;
    };

export type CaseTable = Record<string, CrossUserCase>;
