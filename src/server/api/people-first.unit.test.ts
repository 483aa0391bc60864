import { describe, expect, it } from "vitest";
import type { Db } from "../db/types";
import { requestsOfPeopleInFlight } from "../event-loop/give-way";
import type { Actor } from "../services/kernel/actor";
import { procedures } from "../../test/input-schemas";
import { bulkProcedure, createCallerFactory, createTRPCRouter, protectedProcedure, publicProcedure, type Meta } from "./trpc";

/** The imports and exports: heavy work a person starts, which gives way to everyone else's requests. */
const BULK = ["account.export", "account.import", "people.commitImport", "people.previewImport"];

describe("people's requests first (give-way.ts through tRPC)", () => {
  const router = createTRPCRouter({
    person: protectedProcedure.query(() => requestsOfPeopleInFlight()),
    signedOut: publicProcedure.query(() => requestsOfPeopleInFlight()),
    bulk: bulkProcedure.query(() => requestsOfPeopleInFlight()),
  });
  const caller = createCallerFactory(router)({ db: {} as Db, actor: { userId: "u", orgId: "o", personId: "p" } as Actor });

  it("counts a person's request while it runs, signed in or not, and not bulk work", async () => {
    expect(await caller.person()).toBe(1);
    expect(await caller.signedOut()).toBe(1);
    expect(await caller.bulk()).toBe(0);
    expect(requestsOfPeopleInFlight()).toBe(0);
  });

  it("runs exactly the imports and exports as bulk work", () => {
    const bulk = Object.entries(procedures)
      .filter(([, procedure]) => (procedure._def.meta as Meta | undefined)?.work === "bulk")
      .map(([path]) => path)
      .sort();
    expect(bulk).toEqual(BULK);
  });
});
