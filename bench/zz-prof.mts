import { performance } from "node:perf_hooks";
import { createTestDatabase } from "../src/test/database";
import { createUser } from "../src/test/factories";
import { generateAccount, LARGE } from "./support/generate-account";
const database = await createTestDatabase();
const user = await createUser(database.db);
await generateAccount(database.db, user, LARGE);
const which = process.argv[2]!;
const run = () => which === "delegation" ? user.caller.delegation.overview() : which === "targets" ? user.caller.targets.list({ status: "active" }) : user.caller.home.summary();
for (let i = 0; i < 3; i++) await run();
const t1 = performance.now();
for (let i = 0; i < 10; i++) await run();
console.log(which, "10x", (performance.now() - t1).toFixed(0), "ms");
database.statements.length = 0;
await run();
for (const s of database.statements) {
  const rows = await database.query(`explain analyze ${s.sql}`, s.params) as Record<string, string>[];
  const total = rows.map((r) => Object.values(r)[0]).filter((l) => /Execution Time/.test(l!));
  console.log(total.join(" "), "|", s.sql.slice(0, 100).replace(/\s+/g, " "));
}
await database.close();
