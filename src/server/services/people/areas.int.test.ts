import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";

const database = useTestDatabase();

describe("areas follow the chart", () => {
  it("admins and the managers above an area's pair change it; the pair and a peer read it only", async () => {
    const director = await createUser(database.current.db);
    const c = director.caller.people;
    const emPerson = await c.create({ name: "Eve EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const peerPerson = await c.create({ name: "Pat Peer", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const lead = await c.create({ name: "Lee Lead", track: "manager", level: "em", managerId: emPerson.id, cadence: "weekly" });
    const staff = await c.create({ name: "Sam Staff", track: "ic", level: "staff", managerId: emPerson.id, cadence: "weekly" });
    const outside = await c.create({ name: "Oz Outside", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const em = await joinAsMember(database.current.db, director, emPerson.id);
    const peer = await joinAsMember(database.current.db, director, peerPerson.id);
    const pairLead = await joinAsMember(database.current.db, director, lead.id);

    // The EM sets up an area for a pair in their part of the chart, not with someone outside it.
    const area = await em.caller.areas.create({ name: "Payments", emPersonId: lead.id, icPersonId: staff.id });
    await expect(em.caller.areas.create({ name: "Elsewhere", emPersonId: lead.id, icPersonId: outside.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { fieldErrors: { icPersonId: "That person is not in your part of the organisation." } },
    });
    await expect(
      em.caller.areas.update({ id: area.id, name: "Payments & billing", emPersonId: lead.id, icPersonId: staff.id }),
    ).resolves.toMatchObject({
      name: "Payments & billing",
    });
    // The director above, and as admin, changes it too.
    await expect(
      director.caller.areas.update({ id: area.id, name: "Billing", emPersonId: lead.id, icPersonId: staff.id }),
    ).resolves.toMatchObject({
      name: "Billing",
    });

    // The pair's EM and a peer see it, and change nothing.
    for (const who of [pairLead, peer]) {
      expect((await who.caller.areas.get({ id: area.id })).name).toBe("Billing");
      await expect(who.caller.areas.update({ id: area.id, name: "Mine", emPersonId: lead.id, icPersonId: staff.id })).rejects.toMatchObject(
        {
          code: "NOT_FOUND",
        },
      );
      await expect(who.caller.areas.delete({ id: area.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(em.caller.areas.delete({ id: area.id })).resolves.toMatchObject({ id: area.id });
  });
});
