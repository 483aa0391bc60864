import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { userClock } from "./clock";

const database = useTestDatabase();

describe("userClock", () => {
  it("uses the time zone the session check read, without another query", async () => {
    const user = await createUser(database.current.db);
    database.current.queries.length = 0;
    const clock = await userClock(database.current.db, { ...user.actor, timeZone: "Pacific/Kiritimati" }, new Date("2026-11-24T12:00:00Z"));
    expect(database.current.queries).toHaveLength(0);
    expect(clock.today).toBe("2026-11-25");
  });

  it("reads the stored time zone when the caller has none (tests, the command line)", async () => {
    const user = await createUser(database.current.db);
    await user.caller.account.updateProfile({ name: user.name, timeZone: "Pacific/Pago_Pago", version: 1 });
    const clock = await userClock(database.current.db, user.actor, new Date("2026-11-24T05:00:00Z"));
    expect(clock.timeZone).toBe("Pacific/Pago_Pago");
    expect(clock.today).toBe("2026-11-23");
  });
});
