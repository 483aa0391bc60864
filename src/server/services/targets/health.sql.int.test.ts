import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkIns, metrics, targets } from "@/server/db/schema/index";
import { rowsOf } from "./targets.read";
import { clockSql, healthOfRank, healthRank, metricHealthRankSql, targetHealthRankSql } from "./health.sql";
import { metricStatus, type MetricShape } from "@/lib/targets/status";
import { withStatuses } from "@/lib/targets/summary";
import { addDays } from "@/lib/one-on-ones/days";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { maybe, metricShape, metricValue } from "@/test/health-arbitraries";

/**
 * The SQL health (health.sql.ts) and the TypeScript definition (status.ts)
 * agree on generated metrics, latest values, timelines, moments and days:
 * first metric by metric (a batch of cases per statement), then whole targets
 * read from real rows, as the list reads them.
 */
const database = useTestDatabase();
const DAY = 86_400_000;

const value = metricValue({ anyDouble: true });
const shape = metricShape(value);

/** A timeline and a moment around it (before the start, inside, on the edges, past the due date), with the actor's day a zone away. */
const when = fc
  .record({
    start: fc.integer({ min: Date.parse("2024-01-01T00:00:00Z") / DAY, max: Date.parse("2027-12-31T00:00:00Z") / DAY }),
    length: fc.integer({ min: -3, max: 400 }),
    at: fc.oneof(fc.integer({ min: -10 * DAY, max: 410 * DAY }), fc.constantFrom(0, -1, 1)),
    atEdge: fc.constantFrom("none", "none", "start", "end", "fraction", "fraction"),
    // A round share of the time elapsed: with round values it puts the pace right on its 10- and 25-point lines.
    fraction: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
    zone: fc.constantFrom(-1, 0, 0, 1),
  })
  .map(({ start, length, at, atEdge, fraction, zone }) => {
    const startDate = new Date(start * DAY).toISOString().slice(0, 10);
    const dueDate = addDays(startDate, length);
    const end = Date.parse(`${dueDate}T00:00:00Z`) + DAY;
    const now = new Date(
      atEdge === "fraction"
        ? start * DAY + Math.round(fraction * (end - start * DAY))
        : (atEdge === "end" ? end : start * DAY) + (atEdge === "none" ? at : Math.sign(at)),
    );
    return { timeline: { startDate, dueDate }, now, today: addDays(now.toISOString().slice(0, 10), zone) };
  });

/** Round shapes and values (a baseline of 0 or 100, a goal of 10 or 100): progress lands on the pace lines exactly. */
const roundShape: fc.Arbitrary<MetricShape> = fc.record({
  kind: fc.constant("number" as const),
  direction: fc.constantFrom("higher" as const, "lower" as const),
  baseline: fc.constantFrom(0, 100),
  goal: fc.constantFrom(0, 10, 100),
  bandLow: fc.constant(null),
  bandHigh: fc.constant(null),
  warning: maybe(fc.integer({ min: 0, max: 100 })),
  done: fc.constant(false),
});

const metricCase = fc.oneof(
  fc.record({ shape, latest: maybe(value), when }),
  fc.record({ shape: roundShape, latest: fc.integer({ min: 0, max: 100 }), when }),
);

describe("health in SQL agrees with status.ts", () => {
  it("metric by metric", async () => {
    const db = database.current.db;
    await fc.assert(
      fc.asyncProperty(fc.array(metricCase, { minLength: 1, maxLength: 25 }), async (cases) => {
        const rowsSql = sql.join(
          cases.map(
            ({ shape: m, latest, when: w }, i) =>
              sql`(${i}::int, ${m.kind}::text, ${m.direction}::text, ${m.baseline}::float8, ${m.goal}::float8, ${m.bandLow}::float8,
                ${m.bandHigh}::float8, ${m.warning}::float8, ${m.done}::boolean, ${latest}::float8, ${w.timeline.startDate}::date,
                ${w.timeline.dueDate}::date, ${w.now.getTime()}::bigint, ${w.today}::date)`,
          ),
          sql`, `,
        );
        const rank = metricHealthRankSql(
          {
            kind: sql`kind`,
            direction: sql`direction`,
            baseline: sql`baseline`,
            goal: sql`goal`,
            bandLow: sql`band_low`,
            bandHigh: sql`band_high`,
            warning: sql`warning`,
            done: sql`done`,
          },
          sql`latest`,
          { startDate: sql`start_date`, dueDate: sql`due_date` },
          { nowAt: sql`to_timestamp(now_ms / 1000.0)`, nowMs: sql`now_ms`, today: sql`today` },
        );
        const result = await db.execute(sql`select i, ${rank} as rank from (values ${rowsSql})
          as c(i, kind, direction, baseline, goal, band_low, band_high, warning, done, latest, start_date, due_date, now_ms, today)
          order by i`);
        const fromSql = rowsOf<{ rank: number }>(result).map((r) => healthOfRank(Number(r.rank)));
        const fromTs = cases.map(({ shape: m, latest, when: w }) => metricStatus(m, latest, w.timeline, w.now, w.today).health);
        expect(fromSql).toEqual(fromTs);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("whole targets, read from their rows as the list reads them", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const { orgId, personId } = user.actor;
    const target = fc.record({
      status: fc.constantFrom("active" as const, "active" as const, "active" as const, "draft" as const, "dropped" as const),
      metrics: fc.array(fc.record({ shape, values: fc.array(value, { maxLength: 3 }) }), { maxLength: 4 }),
      when,
    });
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        const [row] = await db
          .insert(targets)
          .values({ orgId, controllerPersonId: personId, title: "Generated", kind: "other", status: t.status, ...t.when.timeline })
          .returning();
        const latest = new Map<string, { value: number; at: Date }>();
        const shapes: (MetricShape & { id: string })[] = [];
        for (const [position, m] of t.metrics.entries()) {
          const [metric] = await db
            .insert(metrics)
            .values({ orgId, targetId: row!.id, name: `m${position}`, position, ...m.shape })
            .returning();
          shapes.push({ ...m.shape, id: metric!.id });
          // Check-ins a minute apart: the last one is the latest.
          const at = (k: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + k * 60_000);
          if (m.values.length) {
            await db.insert(checkIns).values(m.values.map((v, k) => ({ orgId, metricId: metric!.id, at: at(k), value: v })));
            latest.set(metric!.id, { value: m.values[m.values.length - 1]!, at: at(m.values.length - 1) });
          }
        }
        const [read] = await db
          .select({ rank: sql<number>`${targetHealthRankSql(orgId, clockSql({ now: t.when.now, today: t.when.today }))}` })
          .from(targets)
          .where(eq(targets.id, row!.id));
        const expected = withStatuses({ ...t.when.timeline, status: t.status }, shapes, latest, t.when.now, t.when.today).health;
        expect(healthOfRank(Number(read!.rank))).toEqual(expected);
        expect(Number(read!.rank)).toBe(healthRank(expected));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
