/**
 * What tRPC's transformer costs on the real payloads of the two ladder
 * requests (the active targets list and a person's 1:1 prep, on the demo
 * organisation, as bench/ladder.ts records them): superjson against plain
 * JSON, and against the app's transformer (src/lib/wire-format.ts: JSON plus
 * marks for Dates, NaN, ±Infinity, -0 and undefined slots), on the server (serialise, then
 * stringify, as tRPC's response) and on the client (parse, then deserialise).
 * Interleaved rounds, medians, ratios from the same run.
 *
 *   npm run bench:serialise         # BENCH_ROUNDS (default 15), BENCH_ITERATIONS per round (default 2000)
 */
import superjson from "superjson";
import { wireFormat } from "../src/lib/wire-format";
import { createCaller } from "../src/server/api/root";
import { openDatabase } from "../src/server/db/factory";
import { createAccount } from "../src/server/services/account/accounts.write";
import { loadDemoOrganisation } from "../src/server/services/demo/org.write";
import { memberActor } from "../src/server/services/members/memberships.read";
import { median } from "./support/median";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);

type Way = { name: string; server: (data: unknown) => string; client: (text: string) => unknown };
const WAYS: Way[] = [
  { name: "superjson", server: (d) => JSON.stringify(superjson.serialize(d)), client: (t) => superjson.deserialize(JSON.parse(t)) },
  { name: "plain JSON", server: (d) => JSON.stringify(d), client: (t) => JSON.parse(t) },
  {
    name: "wire format",
    server: (d) => JSON.stringify(wireFormat.serialize(d)),
    client: (t) => wireFormat.deserialize(JSON.parse(t)),
  },
];

async function payloads() {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await database.migrate();
    const account = await createAccount(database.db, { name: "Serialise", email: "serialise@example.com", password: "serialise-pass-1" });
    const actor = (await memberActor(database.db, account.id, "serialise"))!;
    await loadDemoOrganisation(database.db, actor);
    const caller = createCaller({ db: database.db, actor });
    const overview = await caller.oneOnOnes.overview();
    const personId = overview.people.find((p) => p.lastHeldAt)?.id ?? overview.people[0]!.id;
    return {
      targets: await caller.targets.list({ status: "active" }),
      prep: await caller.oneOnOnes.prep({ personId }),
    };
  } finally {
    await database.close();
  }
}

function timeUs(run: () => unknown) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) run();
  return Number(process.hrtime.bigint() - start) / 1_000 / ITERATIONS;
}

async function main() {
  const data = await payloads();
  // Check that the wire format gives the data back, Dates as Dates (an undefined field is left out, as in JSON).
  for (const value of Object.values(data)) {
    const back = WAYS[2]!.client(WAYS[2]!.server(value));
    const dates = (v: unknown): number =>
      v instanceof Date ? 1 : v && typeof v === "object" ? Object.values(v).reduce((n: number, x) => n + dates(x), 0) : 0;
    if (JSON.stringify(back) !== JSON.stringify(value) || dates(back) !== dates(value)) throw new Error("wire format: not the same");
  }
  const samples = new Map<string, number[]>();
  const add = (key: string, us: number) => samples.set(key, [...(samples.get(key) ?? []), us]);
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const [name, value] of Object.entries(data)) {
      const order = WAYS.map((_, i) => WAYS[(i + round) % WAYS.length]!);
      for (const way of order) {
        const text = way.server(value);
        const server = timeUs(() => way.server(value));
        const client = timeUs(() => way.client(text));
        if (round > 0) {
          add(`${name}/${way.name}/server`, server);
          add(`${name}/${way.name}/client`, client);
          add(`${name}/${way.name}/bytes`, text.length);
        }
      }
    }
  }
  console.log(
    `Serialisation, ${new Date().toISOString().slice(0, 10)}: ${ROUNDS} interleaved rounds of ${ITERATIONS} runs, medians (µs per response).\n`,
  );
  console.log(
    "| payload | transformer | bytes | server (serialise + stringify) | ÷ superjson | client (parse + deserialise) | ÷ superjson |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const name of Object.keys(data)) {
    const m = (way: string, part: string) => median(samples.get(`${name}/${way}/${part}`)!);
    for (const way of WAYS) {
      console.log(
        `| ${name} | ${way.name} | ${m(way.name, "bytes")} | ${m(way.name, "server").toFixed(1)} µs | ${(m(way.name, "server") / m("superjson", "server")).toFixed(2)} | ${m(way.name, "client").toFixed(1)} µs | ${(m(way.name, "client") / m("superjson", "client")).toFixed(2)} |`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
