import { and, desc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { memberships, notifications, people, users } from "@/server/db/schema";
import { inScope } from "@/server/services/kernel/access";
import { useTestDatabase } from "@/test/database";
import { startSmtpServer } from "@/test/smtp";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { INBOX_PAGE } from "@/lib/validators/inbox";
import { claimDueDigests, digestMail, sendDueDigests } from "./digest.write";

// The inbox (issue #17, part 6): what others did that concerns you, written at
// the time of the event, one row per recipient, never for the actor; checked
// again at read time against what the reader may see. A director (Dana), the
// staff engineer Sofia who reports to her, and Omar, Sofia's peer.

const database = useTestDatabase();
const db = () => database.current.db;
const notFound = { code: "NOT_FOUND" };

async function team() {
  const dana = await createUser(db(), { name: "Dana Director" });
  const create = (name: string) =>
    dana.caller.people.create({ name, track: "ic", level: "staff", managerId: dana.actor.personId, cadence: "weekly" });
  const sofiaPerson = await create("Sofia Staff");
  const omarPerson = await create("Omar Other");
  const sofia = await joinAsMember(db(), dana, sofiaPerson.id, { name: "Sofia Staff" });
  const omar = await joinAsMember(db(), dana, omarPerson.id, { name: "Omar Other" });
  return { dana, sofia, omar, sofiaPerson, omarPerson };
}

const texts = async (u: TestUser) => (await u.caller.inbox.list()).items.map((i) => i.text);
const unread = async (u: TestUser) => (await u.caller.inbox.unreadCount()).count;

describe("the inbox", () => {
  it("tells the other side of a 1:1 about a talking point, links to it, and is marked read", async () => {
    const { dana, sofia, omar, sofiaPerson } = await team();
    expect(await dana.caller.inbox.list()).toEqual({ items: [], nextCursor: null });
    await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "growth", body: "Staff promo packet" });
    expect(await unread(dana)).toBe(1);
    const [item] = (await dana.caller.inbox.list()).items;
    expect(item).toMatchObject({
      kind: "talking_point_added",
      read: false,
      href: `/one-on-ones/${sofiaPerson.id}`,
      actorName: "Sofia Staff",
    });
    expect(item!.text).toMatch(/^Sofia added a talking point to your next 1:1: “Staff promo packet”$/);
    // Never one's own actions; nobody outside the 1:1.
    expect(await texts(sofia)).toEqual([]);
    expect(await texts(omar)).toEqual([]);
    // Sofia may not mark Dana's item (NOT_FOUND, as a missing one).
    await expect(sofia.caller.inbox.markRead({ id: item!.id })).rejects.toMatchObject(notFound);
    await dana.caller.inbox.markRead({ id: item!.id });
    expect(await unread(dana)).toBe(0);
    expect((await dana.caller.inbox.list()).items[0]).toMatchObject({ read: true });
    expect((await dana.caller.inbox.list({ unreadOnly: true })).items).toEqual([]);
    await dana.caller.inbox.markRead({ id: item!.id, read: false });
    expect(await unread(dana)).toBe(1);

    // The manager's point reaches the report, whose link is their own prep page.
    await dana.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: "Hiring plan", raisedBy: "me" });
    expect((await sofia.caller.inbox.list()).items[0]).toMatchObject({
      href: "/one-on-ones/prep",
      text: expect.stringMatching(/^Dana added/),
    });
  });

  it("names the day of the next 1:1, and hides an item once the line changes", async () => {
    const { dana, sofia, omar, sofiaPerson, omarPerson } = await team();
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    await dana.caller.oneOnOnes.schedule({ personId: sofiaPerson.id, scheduledAt: inTwoDays });
    await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: "On-call load" });
    const weekday = inTwoDays.toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    expect(await texts(dana)).toEqual([`Sofia added a talking point to ${weekday}'s 1:1: “On-call load”`]);

    // Sofia moves under Omar: Dana is no longer a side of her 1:1s, so the item leaves Dana's inbox; Omar's is new.
    await dana.caller.people.update({
      id: sofiaPerson.id,
      version: sofiaPerson.version,
      name: sofiaPerson.name,
      track: "ic",
      level: "staff",
      managerId: omarPerson.id,
      cadence: "weekly",
    });
    expect(await texts(dana)).toEqual([]);
    expect(await unread(dana)).toBe(0);
    await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: "Hello Omar" });
    expect(await texts(omar)).toEqual(["Sofia added a talking point to your next 1:1: “Hello Omar”"]);
    expect(await texts(dana)).toEqual([]);
  });

  it("an action for the report reaches them; the manager's own does not, and private notes make no items", async () => {
    const { dana, sofia, sofiaPerson } = await team();
    await dana.caller.oneOnOnes.addAction({ personId: sofiaPerson.id, assignee: "them", title: "Write the RFC" });
    await dana.caller.oneOnOnes.addAction({ personId: sofiaPerson.id, assignee: "me", title: "Book the review" });
    expect(await texts(sofia)).toEqual(["Dana gave you an action: “Write the RFC”"]);
    const secret = `PRIVATE-${Math.random()}`;
    await sofia.caller.oneOnOnes.addNote({ personId: sofiaPerson.id, kind: "observation", body: secret, private: true });
    await dana.caller.oneOnOnes.addNote({ personId: sofiaPerson.id, kind: "observation", body: secret, private: true });
    for (const u of [dana, sofia]) expect(JSON.stringify(await u.caller.inbox.list())).not.toContain(secret);
    const all = await db().select().from(notifications).where(eq(notifications.orgId, dana.actor.orgId));
    expect(all.map((n) => n.kind)).toEqual(["action_assigned"]);
  });

  it("tells a target's controller and other owners of a check-in, a comment and the week's status; not someone removed since", async () => {
    const { dana, sofia, omar, sofiaPerson, omarPerson } = await team();
    const fields = { title: "Checkout p99", kind: "speed" as const, startDate: "2026-01-01", dueDate: "2026-12-31" };
    const target = await dana.caller.targets.create({ ...fields, ownerIds: [sofiaPerson.id, omarPerson.id] });
    const metric = await dana.caller.targets.addMetric({
      targetId: target.id,
      name: "p99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    await sofia.caller.targets.addCheckIn({ metricId: metric.id, value: 412 });
    await sofia.caller.targets.addComment({ targetId: target.id, body: "Cache warmed" });
    await sofia.caller.targets.saveStatus({ targetId: target.id, body: "On track", version: 0 });
    const expected = [
      "Sofia wrote this week's status of Checkout p99",
      "Sofia commented on Checkout p99",
      "Sofia checked in on Checkout p99: 412 ms",
    ];
    expect(await texts(dana)).toEqual(expected);
    expect(await texts(omar)).toEqual(expected);
    expect(await texts(sofia)).toEqual([]);
    expect((await dana.caller.inbox.list()).items[0]!.href).toBe(`/targets/${target.id}`);
    // A pasted batch is one item, with the latest value.
    await omar.caller.targets.addCheckIns({ metricId: metric.id, text: "2026-03-01,450\n2026-03-03,398\n2026-03-02,420" });
    expect((await dana.caller.inbox.list()).items[0]!.text).toBe("Omar checked in on Checkout p99: 398 ms");
    expect((await sofia.caller.inbox.list()).items.map((i) => i.text)).toEqual(["Omar checked in on Checkout p99: 398 ms"]);
    await dana.caller.inbox.markAllRead();

    // Omar is taken off the target: he no longer sees it, so its items leave his inbox (and his count) at once.
    const omarItem = (await omar.caller.inbox.list()).items[0]!;
    const current = await dana.caller.targets.get({ id: target.id });
    await dana.caller.targets.update({ ...fields, id: target.id, version: current.version, ownerIds: [sofiaPerson.id] });
    expect(await texts(omar)).toEqual([]);
    expect(await unread(omar)).toBe(0);
    await expect(omar.caller.inbox.markRead({ id: omarItem.id })).rejects.toMatchObject(notFound);
    expect((await texts(dana)).slice(1)).toEqual(expected);
  });

  it("tells the delegator of a proposal, the proposer of the answer, and the delegatee of a poker round", async () => {
    const { dana, sofia, sofiaPerson } = await team();
    const task = await dana.caller.delegation.createTask({
      personId: sofiaPerson.id,
      title: "On-call rota",
      competency: 4,
      criticality: 2,
    });
    const spectrum = await dana.caller.delegation.activeSpectrum();
    const to = spectrum.levels.find((l) => l.id !== task.levelId)!;
    const proposal = await sofia.caller.delegation.proposeLevel({
      taskId: task.id,
      fromLevelId: task.levelId,
      levelId: to.id,
      reason: "I run it",
    });
    expect((await dana.caller.inbox.list()).items[0]).toMatchObject({
      text: `Sofia proposed ‘${to.label}’ for On-call rota`,
      href: `/delegation/${sofiaPerson.id}`,
    });
    await dana.caller.delegation.decideProposal({ id: proposal.id, decision: "decline", reason: "Next quarter" });
    expect((await sofia.caller.inbox.list()).items[0]).toMatchObject({
      text: `Dana declined your proposal of ‘${to.label}’ for On-call rota`,
      href: "/delegation/mine",
    });
    await dana.caller.delegation.startPoker({ taskIds: [task.id] });
    expect((await sofia.caller.inbox.list()).items[0]).toMatchObject({
      text: "Dana started a delegation poker round with you",
      href: "/delegation/poker",
    });
    expect(await unread(sofia)).toBe(2);
    expect(await dana.caller.inbox.markAllRead()).toEqual({ marked: 1 });
    expect(await unread(dana)).toBe(0);
    expect(await unread(sofia)).toBe(2);
  });

  it("pages newest first on (created_at, id), and marks all read only up to the newest shown", async () => {
    const { dana, sofia, sofiaPerson } = await team();
    for (let i = 0; i < INBOX_PAGE + 5; i++)
      await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: `Point ${i}` });
    const first = await dana.caller.inbox.list();
    expect(first.items).toHaveLength(INBOX_PAGE);
    expect(first.items[0]!.text).toContain(`Point ${INBOX_PAGE + 4}`);
    const second = await dana.caller.inbox.list({ cursor: first.nextCursor });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(INBOX_PAGE + 5);
    await expect(dana.caller.inbox.list({ cursor: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const newest = first.items[0]!.id;
    await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: "Came in meanwhile" });
    expect(await dana.caller.inbox.markAllRead({ upTo: newest })).toEqual({ marked: INBOX_PAGE + 5 });
    expect(await unread(dana)).toBe(1);
    expect((await dana.caller.inbox.list({ unreadOnly: true })).items.map((i) => i.text)).toEqual([
      "Sofia added a talking point to your next 1:1: “Came in meanwhile”",
    ]);
  });

  it("keeps the database's microseconds in the cursor: an item of the same millisecond as a page's last starts the next page", async () => {
    const { dana, sofia, sofiaPerson } = await team();
    for (let i = 0; i < INBOX_PAGE + 3; i++)
      await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: `Point ${i}` });
    const n = notifications;
    const ids = (
      await db().select({ id: n.id }).from(n).where(eq(n.recipientPersonId, dana.actor.personId)).orderBy(desc(n.createdAt), desc(n.id))
    ).map((r) => r.id);
    // Seconds apart, newest first; the first page's last and the next one's first in the same millisecond.
    const seconds = (k: number) => (k === INBOX_PAGE - 1 ? 10.123456 : k === INBOX_PAGE ? 10.1234 : INBOX_PAGE + 10 - k);
    for (const [k, id] of ids.entries())
      await db()
        .update(n)
        .set({ createdAt: sql`timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => ${seconds(k)})` })
        .where(eq(n.id, id));
    const first = await dana.caller.inbox.list();
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, INBOX_PAGE));
    const second = await dana.caller.inbox.list({ cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(INBOX_PAGE));
  });
});

describe("the daily digest", () => {
  const savedSmtp = process.env.SMTP_URL;
  afterEach(() => {
    if (savedSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtp;
  });

  it("is each member's choice, and claimed once a day even by two claimers at once", async () => {
    const { dana, sofia, sofiaPerson } = await team();
    expect(await dana.caller.inbox.digest()).toMatchObject({ dailyDigest: false });
    expect(await dana.caller.inbox.setDigest({ dailyDigest: true })).toMatchObject({ dailyDigest: true });
    await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: "Digest me" });
    const morning = new Date("2030-03-04T09:00:00Z");
    // Before the hour, nothing is due.
    expect(await claimDueDigests(db(), new Date("2030-03-04T05:00:00Z"), 7)).toEqual([]);
    const [a, b] = await Promise.all([claimDueDigests(db(), morning, 7), claimDueDigests(db(), morning, 7)]);
    const mine = [...a, ...b].filter((c) => c.userId === dana.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ personId: dana.actor.personId, day: "2030-03-04" });
    expect(await claimDueDigests(db(), new Date("2030-03-04T20:00:00Z"), 7)).toEqual([]);
    // The next day is due again; a member who did not opt in never is.
    const next = await claimDueDigests(db(), new Date("2030-03-05T09:00:00Z"), 7);
    expect(next.map((c) => c.userId)).toEqual([dana.id]);
    // A time zone the database does not know is read as UTC, and fails nobody's claim.
    await db().update(users).set({ timeZone: "Mars/Olympus_Mons" }).where(eq(users.id, dana.id));
    expect(
      (await claimDueDigests(db(), new Date("2030-03-06T08:00:00Z"), 7)).filter((c) => c.userId === dana.id).map((c) => c.day),
    ).toEqual(["2030-03-06"]);
    await db().update(users).set({ timeZone: "Pacific/Auckland" }).where(eq(users.id, dana.id));
    // 2030-03-06T20:00Z is already 7 March, 09:00, in Auckland.
    expect(
      (await claimDueDigests(db(), new Date("2030-03-06T20:00:00Z"), 7)).filter((c) => c.userId === dana.id).map((c) => c.day),
    ).toEqual(["2030-03-07"]);
    const [row] = await db()
      .select({ sentOn: memberships.digestSentOn })
      .from(memberships)
      .where(and(eq(memberships.orgId, dana.actor.orgId), eq(memberships.userId, sofia.id)));
    expect(row!.sentOn).toBeNull();
  });

  it("emails the unread items the inbox shows, with links, through SMTP_URL", async () => {
    const smtp = await startSmtpServer();
    const { received } = smtp;
    try {
      process.env.SMTP_URL = smtp.url;
      const { dana, sofia, omar, sofiaPerson } = await team();
      await dana.caller.inbox.setDigest({ dailyDigest: true });
      await omar.caller.inbox.setDigest({ dailyDigest: true }); // nothing unread: no email
      await sofia.caller.oneOnOnes.addPoint({ personId: sofiaPerson.id, topic: "team", body: "Mailed point" });
      const secret = `PRIVATE-${Math.random()}`;
      await sofia.caller.oneOnOnes.addNote({ personId: sofiaPerson.id, kind: "observation", body: secret, private: true });
      const now = new Date(Date.now() + 2 * 86_400_000);
      now.setUTCHours(10);
      const result = await sendDueDigests(db(), now);
      expect(result.sent).toBe(1);
      const digests = () => received.filter((r) => r.body.includes("Subject: Intersect:")); // joinAsMember's invitations are mailed too
      const mine = digests().filter((r) => r.to.includes(dana.email));
      expect(mine).toHaveLength(1);
      expect(digests().filter((r) => r.to.includes(omar.email))).toEqual([]);
      const body = mine[0]!.body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      expect(body).toContain("Sofia added a talking point to your next 1:1");
      expect(body).toContain(`/one-on-ones/${sofiaPerson.id}`);
      expect(body).not.toContain(secret);
      // Sent once: a second run the same day sends nothing.
      expect(await sendDueDigests(db(), now)).toEqual({ claimed: 0, sent: 0 });
      expect(digests().filter((r) => r.to.includes(dana.email))).toHaveLength(1);
      // The mail of a claim holds what the inbox shows, and nothing once read.
      await dana.caller.inbox.markAllRead();
      const claim = {
        orgId: dana.actor.orgId,
        userId: dana.id,
        personId: dana.actor.personId,
        role: dana.actor.role,
        email: dana.email,
        day: "",
        orgName: "x",
      };
      expect(await digestMail(db(), claim)).toBeNull();
    } finally {
      smtp.close();
    }
  });
});

// Issue #20: a page takes its candidates in the recipient index's order and checks only those
// against the read-time rule, batch after batch, so it must still fill when the newest are hidden.
describe("the inbox page, bounded", () => {
  /** The page as one statement with the rule in its `where` (the page before issue #20). */
  async function reference(u: TestUser, after?: { createdAt: Date; id: string }) {
    const n = notifications;
    const rows = await db()
      .select({ id: n.id, createdAt: n.createdAt })
      .from(n)
      .innerJoin(people, and(eq(people.orgId, n.orgId), eq(people.id, n.actorPersonId)))
      .where(
        inScope(
          n,
          u.actor,
          after ? sql`(${n.createdAt}, ${n.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(n.createdAt), desc(n.id));
    return rows;
  }

  it("fills a page when the newest items are hidden, interleaved or in a run longer than a batch", async () => {
    const { dana, sofia, omar, sofiaPerson, omarPerson } = await team();
    const fields = { title: "Checkout p99", kind: "speed" as const, startDate: "2026-01-01", dueDate: "2026-12-31" };
    const target = await dana.caller.targets.create({ ...fields, ownerIds: [sofiaPerson.id, omarPerson.id] });
    const metric = await dana.caller.targets.addMetric({
      targetId: target.id,
      name: "p99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    // Oldest: 20 points for Omar's 1:1, each followed by two check-ins (hidden once he is off the target) …
    for (let i = 0; i < 20; i++) {
      await dana.caller.oneOnOnes.addPoint({ personId: omarPerson.id, topic: "team", body: `Point ${i}`, raisedBy: "me" });
      await sofia.caller.targets.addCheckIn({ metricId: metric.id, value: 400 + i });
      await sofia.caller.targets.addCheckIn({ metricId: metric.id, value: 300 + i });
    }
    // … then 15 more points, and newest a run of 130 check-ins: more than two batches, all hidden.
    for (let i = 20; i < 35; i++)
      await dana.caller.oneOnOnes.addPoint({ personId: omarPerson.id, topic: "team", body: `Point ${i}`, raisedBy: "me" });
    for (let i = 0; i < 130; i++) await sofia.caller.targets.addCheckIn({ metricId: metric.id, value: 200 + i });
    const current = await dana.caller.targets.get({ id: target.id });
    await dana.caller.targets.update({ ...fields, id: target.id, version: current.version, ownerIds: [sofiaPerson.id] });

    const first = await omar.caller.inbox.list();
    expect(first.items).toHaveLength(INBOX_PAGE);
    expect(first.items.every((i) => i.kind === "talking_point_added")).toBe(true);
    expect(first.items[0]!.text).toContain("Point 34");
    const second = await omar.caller.inbox.list({ cursor: first.nextCursor });
    expect(second.items.map((i) => i.text.replace(/.*“(.*)”$/, "$1"))).toEqual(["Point 4", "Point 3", "Point 2", "Point 1", "Point 0"]);
    expect(second.nextCursor).toBeNull();
    // The same pages as the single statement gave, for the one who sees all (Dana) and the one who does not (Omar).
    for (const u of [omar, dana]) {
      const all = await reference(u);
      const seen: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await u.caller.inbox.list({ cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((r) => r.id));
    }
    const danaFirst = await dana.caller.inbox.list();
    expect(danaFirst.items.map((i) => i.id)).toEqual((await reference(dana)).slice(0, INBOX_PAGE).map((r) => r.id));
    // Unread only: the same rule, batch after batch.
    expect((await omar.caller.inbox.list({ unreadOnly: true })).items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });
});
