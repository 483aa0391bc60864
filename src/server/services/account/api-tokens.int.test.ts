import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pushCheckIn } from "@/server/api/rest/push-check-in";
import { authSessions } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser, TEST_PASSWORD, type TestUser } from "@/test/factories";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/validators/api-tokens";
import { authenticateApiToken, LAST_USED_RESOLUTION_MS } from "./api-tokens.write";
import { signInWithPassword } from "./accounts.write";
import { purgeExpiredSessions, SESSION_PURGE_INTERVAL_MS } from "./sessions";

const database = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

async function metricOf(user: TestUser) {
  const em = await user.caller.people.create({ name: "Em", track: "manager", level: "em", cadence: "fortnightly", managerId: null });
  const target = await user.caller.targets.create({
    title: "Uptime",
    kind: "reliability",
    status: "active",
    ownerIds: [em.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  return user.caller.targets.addMetric({ targetId: target.id, name: "Uptime", direction: "higher", baseline: 99, goal: 99.9 });
}

const post = (metricId: string, body: unknown, token: string) =>
  pushCheckIn(
    database.current.db,
    new Request(`http://localhost/api/v1/metrics/${metricId}/check-ins`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
    metricId,
  );

describe("API token expiry", () => {
  it("a token made for 30, 90 or 365 days says when it expires; by default it never does; other lifetimes are refused", async () => {
    const user = await createUser(database.current.db);
    const before = Date.now();
    const month = await user.caller.apiTokens.create({ name: "month", expiresInDays: 30 });
    const forever = await user.caller.apiTokens.create({ name: "forever" });
    expect(month.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(30 * DAY - 1_000);
    expect(month.expiresAt!.getTime() - before).toBeLessThan(30 * DAY + 60_000);
    expect(forever.expiresAt).toBeNull();
    const listed = await user.caller.apiTokens.list();
    expect(listed.find((t) => t.id === month.id)!.expiresAt).toEqual(month.expiresAt);
    await expect(user.caller.apiTokens.create({ name: "odd", expiresInDays: 45 as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("an expired token is refused with 401 at the REST API, saying it expired", async () => {
    const user = await createUser(database.current.db);
    const metric = await metricOf(user);
    const { token, id } = await user.caller.apiTokens.create({ name: "CI", expiresInDays: 30 });
    expect((await post(metric.id, { value: 99.5 }, token)).status).toBe(201);
    await database.current.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${id}`);
    const response = await post(metric.id, { value: 99.6 }, token);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/expired/);
    expect(await authenticateApiToken(database.current.db, token)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("API token rate limit", () => {
  it(`answers 429 with Retry-After past ${TOKEN_REQUESTS_PER_MINUTE} requests a minute, for that token only`, async () => {
    const user = await createUser(database.current.db);
    const metric = await metricOf(user);
    const busy = await user.caller.apiTokens.create({ name: "busy" });
    const calm = await user.caller.apiTokens.create({ name: "calm" });
    // Bad bodies (400) count too: the allowance is checked before the body is read.
    for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i++) expect((await post(metric.id, { value: "x" }, busy.token)).status).toBe(400);
    const refused = await post(metric.id, { value: 1 }, busy.token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await refused.json()).error).toMatch(/requests a minute/);
    expect((await post(metric.id, { value: 1 }, calm.token)).status).toBe(201);
  });
});

describe("API token last use", () => {
  it("is written at most once a minute, not on every request", async () => {
    const user = await createUser(database.current.db);
    const { token } = await user.caller.apiTokens.create({ name: "CI" });
    const t0 = new Date();
    const writes = () => database.current.queries.filter((q) => /^update "api_tokens"/i.test(q)).length;
    database.current.queries.length = 0;
    for (let i = 0; i < 10; i++)
      expect((await authenticateApiToken(database.current.db, token, new Date(t0.getTime() + i * 1_000))).ok).toBe(true);
    expect(writes()).toBe(1);
    await authenticateApiToken(database.current.db, token, new Date(t0.getTime() + LAST_USED_RESOLUTION_MS + 1_000));
    expect(writes()).toBe(2);
    const [listed] = await user.caller.apiTokens.list();
    expect(listed!.lastUsedAt!.getTime()).toBe(t0.getTime() + LAST_USED_RESOLUTION_MS + 1_000);
  });
});

describe("expired sessions", () => {
  async function sessionsOf(user: TestUser) {
    return database.current.db
      .select({ id: authSessions.id, expiresAt: authSessions.expiresAt })
      .from(authSessions)
      .where(sql`user_id = ${user.id}`);
  }
  async function addExpired(user: TestUser) {
    await database.current.db.execute(
      sql`insert into auth_sessions (user_id, session_version, expires_at) values (${user.id}, 1, now() - interval '1 day')`,
    );
  }

  it("are purged, at most once per interval, and live ones are kept", async () => {
    const user = await createUser(database.current.db);
    await addExpired(user);
    await addExpired(user);
    expect(await sessionsOf(user)).toHaveLength(3);
    const later = Date.now() + SESSION_PURGE_INTERVAL_MS + 1_000;
    await purgeExpiredSessions(database.current.db, later);
    const left = await sessionsOf(user);
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    await addExpired(user);
    await purgeExpiredSessions(database.current.db, later + 60_000);
    expect(await sessionsOf(user)).toHaveLength(2);
  });

  it("are purged when someone signs in", async () => {
    const user = await createUser(database.current.db);
    await addExpired(user);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3 * SESSION_PURGE_INTERVAL_MS);
    const result = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, "203.0.113.9");
    expect(result.ok).toBe(true);
    const rows = await sessionsOf(user);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.expiresAt.getTime() > Date.now() - 60_000)).toBe(true);
  });
});
