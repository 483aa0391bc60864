/**
 * kill -9 in the middle of drizzle/0010_organisations.sql. A database at the
 * migration before it (owner_id everywhere) is filled with enough rows that the
 * migration takes a moment (2,000 people, 50,000 check-ins…); then, a few rounds
 * over, a child process runs the app's migrator on it and is killed with SIGKILL
 * after a random delay within the measured migration time. After each kill the
 * database must be either entirely the old schema with every row (no
 * organisations table, every owner_id column, the same row counts and contents)
 * or entirely migrated, never in between. Finally a child migrates it to the
 * end, and the data is checked: row counts, a top person and an admin
 * membership per organisation, a closure row for every person and every line
 * up to the top.
 *
 * Runs on PGlite (a data folder, which a killed process leaves to recover from
 * its WAL) and, when TEST_DATABASE_URL is set, on PostgreSQL (a fresh database
 * made from a template per round). Exits 1 when a check fails.
 *
 *   npm run test:migration-crash
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "../src/server/db/factory";
import { BEFORE_ORGANISATIONS, migrateTo } from "../src/test/migrations";

const ROUNDS = Number(process.env.MIGRATION_CRASH_ROUNDS ?? 5);
const PEOPLE = 2_000;
const CHECK_INS = 50_000;

/** Where the child finds its database: a PGlite data folder or a postgres:// URL. */
type Target = { dataDir?: string; url?: string };

// ---------------------------------------------------------------- the child

async function child() {
  const target = JSON.parse(process.env.MIGRATION_CRASH_TARGET!) as Target;
  const handle = await openDatabase(target);
  process.stdout.write("migrating\n");
  await handle.migrate();
  process.stdout.write("migrated\n");
  await handle.close();
}

// ---------------------------------------------------------------- the data

/** The old schema's rows, made in SQL (the app's code no longer knows that schema). Three accounts: a big one, a small one, an empty one. */
const FILL = [
  `insert into users (id, name, email, password_hash, ladder_labels, ladder_version)
     values ('00000000-0000-4000-8000-000000000001', 'Big', 'big@example.com', 'x', '{"director":"VP"}', 2),
            ('00000000-0000-4000-8000-000000000002', 'Small', 'small@example.com', 'x', '{}', 1),
            ('00000000-0000-4000-8000-000000000003', 'Empty', 'empty@example.com', 'x', '{}', 1)`,
  // Three levels: 10 directs (manager_id null), 190 under them, the rest under those; every other one with notes.
  `insert into people (id, owner_id, name, email, track, level, manager_id, notes)
     select md5('p' || i)::uuid, '00000000-0000-4000-8000-000000000001', 'Person ' || i, case when i % 7 = 0 then 'p' || i || '@example.com' end,
       case when i <= 200 then 'manager' else 'ic' end, 'senior',
       case when i <= 10 then null when i <= 200 then md5('p' || (1 + i % 10))::uuid else md5('p' || (11 + i % 190))::uuid end,
       case when i % 2 = 0 then 'Notes about ' || i end
     from generate_series(1, ${PEOPLE}) i`,
  `insert into people (id, owner_id, name, email, track, level, manager_id, notes)
     values ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000002', 'Small me', 'small@example.com', 'manager', 'em', null, 'me'),
            ('00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000002', 'Small report', null, 'ic', 'mid', '00000000-0000-4000-8000-000000000101', null)`,
  `insert into areas (id, owner_id, name, em_person_id, ic_person_id)
     select md5('a' || i)::uuid, '00000000-0000-4000-8000-000000000001', 'Area ' || i, md5('p' || i)::uuid, md5('p' || (i + 5))::uuid from generate_series(1, 5) i`,
  `insert into targets (id, owner_id, title, kind, area_id, start_date, due_date)
     select md5('t' || i)::uuid, '00000000-0000-4000-8000-000000000001', 'Target ' || i, 'delivery', md5('a' || (1 + i % 5))::uuid, '2026-01-01', '2026-12-31'
     from generate_series(1, 100) i`,
  `insert into target_owners (owner_id, target_id, person_id)
     select '00000000-0000-4000-8000-000000000001', md5('t' || i)::uuid, md5('p' || (10 + i))::uuid from generate_series(1, 100) i`,
  `insert into metrics (id, owner_id, target_id, name, direction, baseline, goal)
     select md5('m' || i)::uuid, '00000000-0000-4000-8000-000000000001', md5('t' || (1 + i % 100))::uuid, 'Metric ' || i, 'higher', 0, 100
     from generate_series(1, 500) i`,
  `insert into check_ins (owner_id, metric_id, at, value)
     select '00000000-0000-4000-8000-000000000001', md5('m' || (1 + i % 500))::uuid, timestamptz '2026-01-01' + i * interval '1 minute', i % 101
     from generate_series(1, ${CHECK_INS}) i`,
  `insert into spectrums (id, owner_id, name, kind, active) values (md5('s')::uuid, '00000000-0000-4000-8000-000000000001', 'S', 'm30', true)`,
  `insert into spectrum_levels (id, owner_id, spectrum_id, position, label, autonomy)
     select md5('l' || i)::uuid, '00000000-0000-4000-8000-000000000001', md5('s')::uuid, i, 'L' || i, i / 2.0 from generate_series(0, 2) i`,
  `insert into tasks (id, owner_id, person_id, target_id, title, competency, criticality, level_id)
     select md5('k' || i)::uuid, '00000000-0000-4000-8000-000000000001', md5('p' || (1 + i % ${PEOPLE}))::uuid, md5('t' || (1 + i % 100))::uuid, 'Task ' || i, 3, 3, md5('l' || (i % 3))::uuid
     from generate_series(1, 2000) i`,
  `insert into level_changes (owner_id, task_id, to_label, to_autonomy) select '00000000-0000-4000-8000-000000000001', md5('k' || i)::uuid, 'L1', 0.5 from generate_series(1, 2000) i`,
  `insert into one_on_ones (id, owner_id, person_id, scheduled_at, status)
     select md5('o' || i)::uuid, '00000000-0000-4000-8000-000000000001', md5('p' || (1 + i % 10))::uuid, timestamptz '2026-01-01' + i * interval '1 hour', 'held'
     from generate_series(1, 5000) i`,
  `insert into talking_points (owner_id, person_id, body, discussed_in_id)
     select '00000000-0000-4000-8000-000000000001', md5('p' || (1 + i % 10))::uuid, 'Point ' || i, md5('o' || i)::uuid from generate_series(1, 5000) i`,
  `insert into growth_goals (id, owner_id, person_id, title)
     select md5('g' || i)::uuid, '00000000-0000-4000-8000-000000000001', md5('p' || (1 + i % 10))::uuid, 'Goal ' || i from generate_series(1, 1000) i`,
  `insert into coaching_notes (owner_id, person_id, one_on_one_id, goal_id, kind, body, private)
     select '00000000-0000-4000-8000-000000000001', md5('p' || (1 + i % 10))::uuid, md5('o' || i)::uuid, md5('g' || (1 + i % 1000))::uuid, 'note', 'Note ' || i, i % 2 = 0
     from generate_series(1, 5000) i`,
  `insert into action_items (owner_id, person_id, one_on_one_id, assignee, title)
     select '00000000-0000-4000-8000-000000000001', md5('p' || (1 + i % 10))::uuid, md5('o' || i)::uuid, 'me', 'Item ' || i from generate_series(1, 5000) i`,
  `insert into energy_entries (owner_id, day, slot, level) select u, date '2026-01-01' + i, 'morning', 3
     from generate_series(1, 300) i, unnest(array['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[]) u`,
  `insert into energy_days (owner_id, day, productive_hours) select '00000000-0000-4000-8000-000000000001', date '2026-01-01' + i, 5 from generate_series(1, 300) i`,
  `insert into weekly_reviews (owner_id, week_start, drains) select '00000000-0000-4000-8000-000000000001', date '2026-01-05' + 7 * i, 'x' from generate_series(0, 40) i`,
  `insert into capacity_weeks (owner_id, week_start, available_hours, deep_work_cap_per_day, buffer_percent, one_on_one_minutes)
     select u, date '2026-01-05' + 7 * i, 40, 3, 20, 30 from generate_series(0, 40) i,
       unnest(array['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']::uuid[]) u`,
  `insert into capacity_items (owner_id, title, hours, week_start) select '00000000-0000-4000-8000-000000000001', 'Item ' || i, 2, date '2026-01-05' + 7 * (i % 40) from generate_series(1, 400) i`,
  `insert into api_tokens (owner_id, name, token_hash, prefix) values ('00000000-0000-4000-8000-000000000001', 'a', 'h1', 'p1'), ('00000000-0000-4000-8000-000000000002', 'b', 'h2', 'p2')`,
];

/** The tables of the old schema and what is in them, to compare before and after a kill. */
const OLD_TABLES = [
  "action_items",
  "api_tokens",
  "areas",
  "capacity_items",
  "capacity_weeks",
  "check_ins",
  "coaching_notes",
  "energy_days",
  "energy_entries",
  "growth_goals",
  "level_changes",
  "metrics",
  "one_on_ones",
  "people",
  "spectrum_levels",
  "spectrums",
  "talking_points",
  "target_owners",
  "targets",
  "tasks",
  "users",
  "weekly_reviews",
];

type Query = DbHandle["query"];
const one = async <T>(query: Query, text: string) => ((await query(text, [])) as T[])[0]!;

/** Row counts, and fingerprints of the rows that must come through unchanged. */
async function fingerprint(query: Query): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const table of OLD_TABLES) out[table] = Number((await one<{ n: number }>(query, `select count(*)::int as n from "${table}"`)).n);
  out.check_in_values = String((await one<{ s: unknown }>(query, `select sum(value)::text as s from check_ins`)).s);
  out.check_in_ids = String((await one<{ h: string }>(query, `select md5(string_agg(id::text, ',' order by id)) as h from check_ins`)).h);
  out.coaching_notes = String(
    (await one<{ h: string }>(query, `select md5(string_agg(id::text || body || private::text, ',' order by id)) as h from coaching_notes`))
      .h,
  );
  return out;
}

type State = "old" | "new";

/** Which schema the database is in; throws when it is anything between. */
async function inspect(query: Query, before: Record<string, string | number>, ownerColumns: number): Promise<State> {
  const organisations = (await one<{ t: string | null }>(query, `select to_regclass('public.organisations')::text as t`)).t;
  const owners = Number(
    (
      await one<{ n: number }>(
        query,
        `select count(*)::int as n from information_schema.columns where table_schema = 'public' and column_name = 'owner_id'`,
      )
    ).n,
  );
  const applied = Number((await one<{ n: number }>(query, `select count(*)::int as n from drizzle.__drizzle_migrations`)).n);
  if (!organisations && owners === ownerColumns && applied === BEFORE_ORGANISATIONS) {
    const now = await fingerprint(query);
    const changed = Object.keys(before).filter((k) => before[k] !== now[k]);
    if (changed.length) throw new Error(`old schema, but rows changed in: ${changed.join(", ")}`);
    return "old";
  }
  if (organisations && owners === 0 && applied > BEFORE_ORGANISATIONS) {
    await checkMigrated(query, before);
    return "new";
  }
  throw new Error(
    `half-migrated: organisations table ${organisations ? "present" : "absent"}, ${owners} owner_id columns, ${applied} migrations recorded`,
  );
}

/** The migrated data: nothing lost, one top person and admin per organisation, the closure table whole. */
async function checkMigrated(query: Query, before: Record<string, string | number>) {
  const now = await fingerprint(query);
  const users = Number(before.users);
  const expected = { ...before, people: Number(before.people) + users };
  const changed = Object.keys(expected).filter((k) => expected[k as keyof typeof expected] !== now[k]);
  if (changed.length)
    throw new Error(
      `after the migration, rows differ in: ${changed.map((k) => `${k} ${expected[k as keyof typeof expected]} → ${now[k]}`).join(", ")}`,
    );
  const checks: [string, string][] = [
    [`organisations = users`, `select (select count(*) from organisations) = ${users}`],
    [
      `one admin membership per organisation, at a person with no manager`,
      `select count(*) = ${users} from memberships m join people p on p.org_id = m.org_id and p.id = m.person_id
         where m.role = 'admin' and m.user_id = m.org_id and p.manager_id is null`,
    ],
    [
      `no one but the top person without a manager`,
      `select not exists (select 1 from people p where p.manager_id is null and not exists (select 1 from memberships m where m.person_id = p.id))`,
    ],
    [
      `every person has a closure row of depth 0`,
      `select count(*) = (select count(*) from people) from person_ancestors where depth = 0 and ancestor_id = descendant_id`,
    ],
    [
      `every person is under the top person of their organisation`,
      `select count(*) = (select count(*) from people) from person_ancestors a join memberships m on m.org_id = a.org_id and m.person_id = a.ancestor_id`,
    ],
    [
      `every closure row of depth 1 is a manager line`,
      `select (select count(*) from person_ancestors where depth = 1) = (select count(*) from people where manager_id is not null)
         and not exists (select 1 from person_ancestors a join people p on p.id = a.descendant_id where a.depth = 1 and p.manager_id <> a.ancestor_id)`,
    ],
    [`people.notes moved to person_notes`, `select (select count(*) from person_notes) = ${PEOPLE / 2 + 1}`],
    [
      `ladder labels moved`,
      `select (select ladder_labels->>'director' from organisations where id = '00000000-0000-4000-8000-000000000001') = 'VP'`,
    ],
  ];
  for (const [what, text] of checks) {
    const row = await one<Record<string, unknown>>(query, text);
    if (Object.values(row)[0] !== true) throw new Error(`after the migration: not true that ${what}`);
  }
}

// ---------------------------------------------------------------- one database kind

type Kind = {
  name: string;
  /** A fresh copy of the prepared database, for the child. */
  fresh: () => Promise<Target>;
  cleanup: () => Promise<void>;
};

async function prepare(target: Target): Promise<{ before: Record<string, string | number>; ownerColumns: number; ms: number }> {
  const started = performance.now();
  const handle = await openDatabase(target);
  try {
    await migrateTo(handle.db, BEFORE_ORGANISATIONS);
    for (const statement of FILL) await handle.query(statement, []);
    const before = await fingerprint(handle.query);
    const ownerColumns = Number(
      (
        await one<{ n: number }>(
          handle.query,
          `select count(*)::int as n from information_schema.columns where table_schema = 'public' and column_name = 'owner_id'`,
        )
      ).n,
    );
    return { before, ownerColumns, ms: performance.now() - started };
  } finally {
    await handle.close();
  }
}

async function pgliteKind(): Promise<Kind & { pristine: Target }> {
  const root = mkdtempSync(join(tmpdir(), "intersect-migration-crash-"));
  const pristine = join(root, "pristine");
  let n = 0;
  return {
    name: "PGlite",
    pristine: { dataDir: pristine },
    fresh: async () => {
      const dir = join(root, `run-${n++}`);
      cpSync(pristine, dir, { recursive: true });
      return { dataDir: dir };
    },
    cleanup: async () => rmSync(root, { recursive: true, force: true }),
  };
}

async function postgresKind(serverUrl: string): Promise<Kind & { pristine: Target }> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const prefix = `intersect_migcrash_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const urlOf = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  await admin.unsafe(`create database ${prefix}_pristine`);
  const made: string[] = [`${prefix}_pristine`];
  let n = 0;
  return {
    name: "PostgreSQL",
    pristine: { url: urlOf(`${prefix}_pristine`) },
    fresh: async () => {
      const name = `${prefix}_${n++}`;
      // A session just closed on the template can take a moment to end on the server (55006: "being accessed by other users").
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.unsafe(`create database ${name} template ${prefix}_pristine`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      made.push(name);
      return { url: urlOf(name) };
    },
    cleanup: async () => {
      for (const name of made.reverse()) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Runs the child on `target`; kills it `killAfterMs` after it starts migrating (never, when undefined). */
function runChild(target: Target, killAfterMs?: number): Promise<{ killed: boolean; migrateMs: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--child"], {
      env: { ...process.env, MIGRATION_CRASH_TARGET: JSON.stringify(target) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let startedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    let output = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!startedAt && output.includes("migrating\n")) {
        startedAt = performance.now();
        if (killAfterMs !== undefined) timer = setTimeout(() => proc.kill("SIGKILL"), killAfterMs);
      }
    });
    proc.on("error", reject);
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      const migrateMs = startedAt ? performance.now() - startedAt : 0;
      if (signal === "SIGKILL") resolve({ killed: true, migrateMs });
      else if (code === 0 && output.includes("migrated\n")) resolve({ killed: false, migrateMs });
      else reject(new Error(`the migrating child exited with ${signal ?? code}`));
    });
  });
}

/**
 * PostgreSQL goes on with a killed client's statement until it next reads from
 * the socket, and only then rolls back: wait for the server to have ended the
 * dead child's sessions, so the inspection sees the outcome, not a moment
 * before a commit the child had already sent.
 */
async function waitForOrphans(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const deadline = performance.now() + 60_000; performance.now() < deadline;) {
      const [row] = await client<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
      if (Number(row!.n) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the killed child's sessions are still open after 60 s");
  } finally {
    await client.end();
  }
}

async function inspectTarget(target: Target, before: Record<string, string | number>, ownerColumns: number) {
  const started = performance.now();
  if (target.url) await waitForOrphans(target.url);
  const handle = await openDatabase(target);
  try {
    return { state: await inspect(handle.query, before, ownerColumns), openMs: performance.now() - started };
  } finally {
    await handle.close();
  }
}

async function crashRounds(kind: Kind & { pristine: Target }): Promise<string[]> {
  const lines: string[] = [];
  const prepared = await prepare(kind.pristine);
  lines.push(`${kind.name}: prepared the database at migration ${BEFORE_ORGANISATIONS} in ${Math.round(prepared.ms)} ms`);
  // How long an uninterrupted migration takes, to aim the kills inside it.
  const timing = await kind.fresh();
  const full = await runChild(timing);
  await inspectTarget(timing, prepared.before, prepared.ownerColumns).then(({ state }) => {
    if (state !== "new") throw new Error("an uninterrupted migration left the old schema");
  });
  lines.push(`${kind.name}: an uninterrupted migration takes ${Math.round(full.migrateMs)} ms`);

  let target = await kind.fresh();
  const outcomes: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Spread over the migration, each at a random point of its own slice.
    const delay = Math.round(full.migrateMs * ((round + Math.random()) / ROUNDS) * 0.95);
    const { killed } = await runChild(target, delay);
    const { state, openMs } = await inspectTarget(target, prepared.before, prepared.ownerColumns);
    outcomes.push(`${delay} ms → ${killed ? "killed" : "finished first"}, ${state} schema (reopened in ${Math.round(openMs)} ms)`);
    // Migrated before the kill: start the next round from the old schema again.
    if (state === "new") target = await kind.fresh();
  }
  lines.push(`${kind.name}: kill -9 rounds: ${outcomes.join("; ")}`);
  const last = await runChild(target);
  const { state } = await inspectTarget(target, prepared.before, prepared.ownerColumns);
  if (state !== "new") throw new Error(`${kind.name}: the migration after the kills left the old schema`);
  lines.push(
    `${kind.name}: the next start migrated the killed database in ${Math.round(last.migrateMs)} ms; rows, top people, memberships and closure checked`,
  );
  return lines;
}

async function main() {
  const started = performance.now();
  const kinds = [await pgliteKind()];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) kinds.push(await postgresKind(serverUrl));
  else console.log("PostgreSQL: skipped (TEST_DATABASE_URL is not set)");
  let failed = false;
  for (const kind of kinds) {
    try {
      for (const line of await crashRounds(kind)) console.log(line);
    } catch (error) {
      failed = true;
      console.error(`${kind.name}: FAILED:`, error);
    } finally {
      await kind.cleanup();
    }
  }
  console.log(`migration crash test: ${failed ? "FAILED" : "passed"} in ${Math.round((performance.now() - started) / 1000)} s`);
  process.exit(failed ? 1 : 0);
}

if (process.argv.includes("--child")) {
  child().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
