import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { wireCaller } from "@/test/wire-caller";
import { users } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";

const database = useTestDatabase();

describe("a stored time zone this runtime does not know", () => {
  it("'Mars/Olympus' written straight into the users row: Home, 1:1s, Capacity and Energy answer, in UTC", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    await database.current.db.update(users).set({ timeZone: "Mars/Olympus" }).where(eq(users.id, user.id));
    // As a test caller (the zone read from the row) and as a request (the zone the session check read).
    const callers = [user.caller, wireCaller({ db: database.current.db, actor: { ...user.actor, timeZone: "Mars/Olympus" } })];
    for (const caller of callers) {
      const home = await caller.home.summary();
      expect(home).toBeTruthy();
      const overview = await caller.oneOnOnes.overview();
      expect(overview.timeZone).toBe("UTC");
      expect(overview.people.length).toBeGreaterThan(0);
      expect(await caller.capacity.plan({})).toBeTruthy();
      const week = await caller.energy.week({});
      expect(week.timeZone).toBe("UTC");
    }
    // Settings shows the zone in use, and the account's export imports elsewhere.
    expect((await user.caller.account.me()).timeZone).toBe("UTC");
    const file = await user.caller.account.export({ includePrivate: true });
    expect(file.account.timeZone).toBe("UTC");
    const other = await createUser(database.current.db);
    await expect(other.caller.account.import({ file: JSON.parse(JSON.stringify(file)) })).resolves.toBeTruthy();
  }, 60_000);

  it("profile saves refuse it and store a known zone in its canonical spelling", async () => {
    const user = await createUser(database.current.db);
    const { version } = await user.caller.account.me();
    await expect(user.caller.account.updateProfile({ name: "A", timeZone: "Mars/Olympus", version })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await user.caller.account.updateProfile({ name: "A", timeZone: "europe/berlin", version })).timeZone).toBe("Europe/Berlin");
  });
});
