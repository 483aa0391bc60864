// Rung (a) of the server ladder (bench/ladder.ts): the floor. A bare node:http
// server that runs the same recorded SQL with the same driver the app uses
// (postgres.js, or PGlite in-process) and answers the rows as JSON. Nothing
// else: no framework, no session, no ORM. Plain JavaScript so that no loader
// sits between node and the measurement.
//
//   LADDER_FILE=statements.json PORT=… (DATABASE_URL=postgres://… | PGLITE_DIR=…) node bench/ladder-floor.mjs
import http from "node:http";
import { readFileSync } from "node:fs";

const statements = JSON.parse(readFileSync(process.env.LADDER_FILE, "utf8"));
let query;
let close;
if (process.env.DATABASE_URL) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
  // Prepared, as the app's queries are (src/server/db/prepare-all.ts): one round trip each.
  query = async (text, params) => [...(await sql.unsafe(text, params, { prepare: true }))];
  close = () => sql.end({ timeout: 5 });
} else {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  // As the app opens it (src/server/db/factory.ts): its migrations use pg_trgm's indexes.
  const pg = await PGlite.create(process.env.PGLITE_DIR, { extensions: { pg_trgm } });
  query = async (text, params) => (await pg.query(text, params)).rows;
  close = () => pg.close();
}

const server = http.createServer(async (req, res) => {
  const list = statements[req.url.replace(/^\/ladder\//, "")];
  if (!list) {
    res.writeHead(404).end();
    return;
  }
  try {
    const results = [];
    for (const statement of list) results.push(await query(statement.text, statement.params));
    const body = JSON.stringify(results);
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("floor listening"));
process.on("SIGTERM", async () => {
  server.close();
  await close();
  process.exit(0);
});
