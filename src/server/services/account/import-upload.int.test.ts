import { randomUUID } from "node:crypto";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { wireFormat } from "@/lib/wire-format";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/api/root";
import { answerTrpc } from "@/server/api/trpc-answer";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { NOT_JSON } from "./import-file.parse";

const database = useTestDatabase();

/**
 * The browser's client for an upload (src/trpc/react.tsx: an import goes alone,
 * through httpLink, which sends a Blob as application/octet-stream), answered
 * by the tRPC route as it runs on the server (its body limits, then tRPC), signed in as `user`.
 */
function browserClient(user: TestUser) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://localhost/api/trpc",
        transformer: wireFormat,
        fetch: (url, init) =>
          answerTrpc(new Request(url, init as RequestInit), async () => ({ db: database.current.db, actor: user.actor })),
      }),
    ],
  });
}

/** The file as the browser's "Import a file…" sends it: the saved export, without its indentation, as bytes. */
const upload = (file: unknown) => new Blob([typeof file === "string" ? file : JSON.stringify(file)], { type: "application/json" });

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe("account.import of an uploaded file (its bytes, parsed off the event loop)", () => {
  it("an export uploaded as the browser sends it loads whole: the importer's export holds the same rows", async () => {
    const db = database.current.db;
    const source = await createUser(db);
    const created = await source.caller.people.create({
      name: "Ada Report",
      track: "ic",
      level: "senior",
      cadence: "weekly",
      managerId: source.actor.personId,
    });
    await source.caller.people.create({ name: "Ben Report", track: "ic", level: "staff", cadence: "weekly", managerId: created.id });
    const saved = JSON.parse(JSON.stringify(await source.caller.account.export({ includePrivate: true }), null, 2)) as {
      tables: Record<string, unknown[]>;
    };

    const importer = await createUser(db);
    const result = await browserClient(importer).account.import.mutate(upload(saved));
    expect(result.scope).toBe("organisation");
    const after = await importer.caller.account.export({ includePrivate: true });
    for (const [name, rows] of Object.entries(saved.tables)) expect(after.tables[name], name).toHaveLength(rows.length);
    expect(after.tables.people!.map((p) => p.name).sort()).toEqual(["Ada Report", "Ben Report", importer.name].sort());
  });

  it("bytes that are not JSON are a 400 that says so, and nothing is imported", async () => {
    const importer = await createUser(database.current.db);
    const error = await errorOf(browserClient(importer).account.import.mutate(upload('{"format": "intersect-export", "tables": {')));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toBe(NOT_JSON);
    const after = await importer.caller.account.export({ includePrivate: true });
    expect(after.tables.people).toHaveLength(1);
  });

  it("a file with one bad row is a 400 naming its table, row and field, and nothing of it is kept (all or nothing)", async () => {
    const db = database.current.db;
    const importer = await createUser(db);
    const energy = (level: number) => ({
      id: randomUUID(),
      day: "2026-11-23",
      slot: level === 11 ? "end" : "start",
      level,
      tags: [],
      note: null,
      createdAt: "2026-11-23T09:00:00.000Z",
      updatedAt: "2026-11-23T09:00:00.000Z",
    });
    const file = {
      format: "intersect-export",
      version: 1,
      account: { timeZone: "Europe/Berlin" },
      tables: { energy_entries: [energy(5), energy(11)] },
    };
    const error = await errorOf(browserClient(importer).account.import.mutate(upload(file)));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toMatch(/^This file does not fit \(energy_entries, row 2, level: .*\)\. Nothing was imported\.$/);
    const after = await importer.caller.account.export({ includePrivate: true });
    expect(after.tables.energy_entries).toEqual([]);
    expect(after.account.timeZone).toBe("UTC");
  });

  it("JSON that is not an export is refused as the parsed file was", async () => {
    const importer = await createUser(database.current.db);
    const client = browserClient(importer);
    const notAFile = await errorOf(client.account.import.mutate(upload("[1, 2]")));
    expect(notAFile.data?.httpStatus).toBe(400);
    expect(notAFile.message).toContain("expected object");
    const wrongTables = { format: "intersect-export", version: 2, account: {}, tables: { people: "everyone" } };
    const error = await errorOf(client.account.import.mutate(upload(wrongTables)));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toContain("Each table must be a list of rows");
  });
});
