/**
 * Data sources through the router: admins add, edit, test and delete them; the
 * credentials are sealed at rest and never come back; a connection test shows
 * a real Prometheus's version, or the error in words.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataSources } from "@/server/db/schema";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { freePort, prometheusSkip, startTestPrometheus, type TestPrometheus } from "@/test/prometheus";

const database = useTestDatabase();

describe("data sources", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createUser(database.current.db);
  });

  it("seals the credentials and never answers them", async () => {
    const made = await admin.caller.integrations.createDataSource({
      name: "Prod",
      baseUrl: "https://prometheus.example.com/prom/",
      authKind: "basic",
      username: "ann",
      password: "s3cret-pass",
    });
    expect(made).toMatchObject({ name: "Prod", baseUrl: "https://prometheus.example.com/prom", authKind: "basic", credentialsSet: true });
    const listed = await admin.caller.integrations.dataSources();
    expect(JSON.stringify(listed)).not.toMatch(/s3cret-pass|ann/);
    const [row] = await database.current.db.select().from(dataSources).where(eq(dataSources.id, made.id));
    expect(row!.secretSealed).toBeTruthy();
    expect(Buffer.from(row!.secretSealed!, "base64").toString("latin1")).not.toContain("s3cret-pass");
  });

  it("keeps the credentials on an edit that does not give new ones, and drops them for none", async () => {
    const made = await admin.caller.integrations.createDataSource({
      name: "Keep",
      baseUrl: "http://a.example",
      authKind: "bearer",
      token: "t",
    });
    const [before] = await database.current.db.select().from(dataSources).where(eq(dataSources.id, made.id));
    const kept = await admin.caller.integrations.updateDataSource({
      id: made.id,
      version: made.version,
      name: "Kept",
      baseUrl: "http://b.example",
      authKind: "bearer",
    });
    const [after] = await database.current.db.select().from(dataSources).where(eq(dataSources.id, made.id));
    expect(after!.secretSealed).toBe(before!.secretSealed);
    expect(kept).toMatchObject({ name: "Kept", baseUrl: "http://b.example", credentialsSet: true });
    const none = await admin.caller.integrations.updateDataSource({
      id: made.id,
      version: kept.version,
      name: "Kept",
      baseUrl: "http://b.example",
      authKind: "none",
    });
    expect(none).toMatchObject({ authKind: "none", credentialsSet: false });
    await expect(
      admin.caller.integrations.updateDataSource({
        id: made.id,
        version: kept.version,
        name: "Stale",
        baseUrl: "http://b.example",
        authKind: "none",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a bad URL, a missing token and a taken name next to the field", async () => {
    await expect(
      admin.caller.integrations.createDataSource({ name: "No token", baseUrl: "http://x.example", authKind: "bearer" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Enter the bearer token."),
    });
    await expect(
      admin.caller.integrations.createDataSource({ name: "Bad", baseUrl: "ftp://x.example", authKind: "none" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.caller.integrations.createDataSource({ name: "Creds", baseUrl: "https://u:p@x.example", authKind: "none" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await admin.caller.integrations.createDataSource({ name: "Twice", baseUrl: "http://x.example", authKind: "none" });
    await expect(
      admin.caller.integrations.createDataSource({ name: "Twice", baseUrl: "http://y.example", authKind: "none" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Another data source already has this name." });
  });

  it("says an unreachable server in words on a connection test, and deletes", async () => {
    const port = await freePort();
    const made = await admin.caller.integrations.createDataSource({
      name: "Closed",
      baseUrl: `http://127.0.0.1:${port}`,
      authKind: "none",
    });
    expect(await admin.caller.integrations.testDataSource({ id: made.id })).toEqual({
      ok: false,
      message: "Prometheus could not be reached: connection refused.",
    });
    await admin.caller.integrations.deleteDataSource({ id: made.id });
    await expect(admin.caller.integrations.testDataSource({ id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe.skipIf(prometheusSkip !== null)(`a connection test against a real Prometheus ${prometheusSkip ?? ""}`, () => {
  let prom: TestPrometheus;
  beforeAll(async () => {
    prom = await startTestPrometheus();
  }, 60_000);
  afterAll(async () => prom?.dispose());

  it("shows the server's version", async () => {
    const admin = await createUser(database.current.db);
    const made = await admin.caller.integrations.createDataSource({ name: "Local", baseUrl: prom.url, authKind: "none" });
    expect(await admin.caller.integrations.testDataSource({ id: made.id })).toMatchObject({
      ok: true,
      version: expect.stringMatching(/^2\.42/),
    });
  });
});
