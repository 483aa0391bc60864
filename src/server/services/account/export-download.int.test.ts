import { acrossTheWire } from "@/test/wire-caller";
import { describe, expect, it } from "vitest";
import { accountExportResponse, exportFileName } from "@/server/api/rest/account-export";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { exportAccount } from "./export.read";
import { importAccount } from "./import.write";
import { parseImportFile } from "./import-file.parse";

const database = useTestDatabase();

describe("the export as a download (GET /api/account/export), written a piece at a time", () => {
  it("is the file the browser saved from account.export, byte for byte, and imports back whole", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const manager = await user.caller.people.create({
      name: "Ada",
      track: "manager",
      level: "em",
      cadence: "weekly",
      managerId: user.actor.personId,
    });
    for (let i = 0; i < 30; i++) {
      await user.caller.people.create({
        name: `Report ${i} "quoted"\u00e9`,
        track: "ic",
        level: "staff",
        cadence: "weekly",
        managerId: manager.id,
      });
    }
    const response = await accountExportResponse(db, user.actor, true);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await response.text();
    const streamed = JSON.parse(text) as { exportedAt: string; tables: Record<string, unknown[]> };
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${exportFileName(streamed.exportedAt)}"`);

    // What the page did before: account.export through tRPC (the wire format both ways), then JSON.stringify(file, null, 2).
    const answer = await user.caller.account.export({ includePrivate: true });
    const saved = acrossTheWire(answer);
    expect(text).toBe(JSON.stringify({ ...saved, exportedAt: streamed.exportedAt }, null, 2));

    // Read in pages of three rows (31 people: eleven pages), the file is the same.
    const paged = await exportAccount(db, user.actor, { includePrivate: true }, { pageRows: 3 });
    expect(JSON.stringify({ ...paged, exportedAt: streamed.exportedAt }, null, 2)).toBe(text);

    const importer = await createUser(db);
    await importAccount(db, importer.actor, await parseImportFile(new TextEncoder().encode(text)));
    const after = await importer.caller.account.export({ includePrivate: true });
    for (const [name, rows] of Object.entries(streamed.tables)) expect(after.tables[name], name).toHaveLength(rows.length);
  });

  it("without private notes, it is account.export's file too", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const text = await (await accountExportResponse(db, user.actor, false)).text();
    const answer = await user.caller.account.export({ includePrivate: false });
    const file = JSON.parse(text) as { exportedAt: string };
    expect(text).toBe(JSON.stringify({ ...acrossTheWire(answer), exportedAt: file.exportedAt }, null, 2));
  });
});
