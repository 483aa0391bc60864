import type { Db } from "@/server/db/types";
import type { TestUser } from "../factories";

export type Caller = TestUser["caller"];

/**
 * How one protected procedure is proven tenant-safe.
 *
 * - `ids`: the procedure takes ids. `setup` makes rows as user A and returns the
 *   input that names them; user B calls with it and must get NOT_FOUND.
 * - `self`: the procedure takes no ids of existing rows and acts on the
 *   caller's own account; `why` says so. B calls it (its own assertions say
 *   what B must and must not see) without touching A's rows.
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
      /** Makes rows as A first, to show that B cannot see or reach them; its result goes to `call`. */
      setup?: (a: TestUser, db: Db) => Promise<unknown>;
      call: (b: Caller, bUser: TestUser, prepared: never) => Promise<unknown>;
    };

export type CaseTable = Record<string, CrossUserCase>;
