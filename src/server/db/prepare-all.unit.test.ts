import type { Sql } from "postgres";
import { describe, expect, it } from "vitest";
import { preparingAllQueries } from "./prepare-all";

/** A stand-in for a postgres.js Sql object that records how `unsafe` was called. */
function fakeSql(calls: unknown[][]): Sql {
  const sql = Object.assign(() => "tagged", {
    options: { max: 10 },
    unsafe: (...args: unknown[]) => {
      calls.push(args);
      return "result";
    },
    begin: async (callback: (tx: Sql) => unknown) => callback(fakeSql(calls)),
    savepoint: async (name: string, callback: (tx: Sql) => unknown) => callback(fakeSql(calls)),
    end: function (this: unknown) {
      return this;
    },
  });
  return sql as unknown as Sql;
}

describe("preparingAllQueries", () => {
  it("asks postgres.js to prepare every unsafe() query, keeping the caller's other options", () => {
    const calls: unknown[][] = [];
    const sql = preparingAllQueries(fakeSql(calls));
    sql.unsafe("select $1", [1], { prepare: false } as never);
    sql.unsafe("select 1", { simple: true } as never);
    expect(calls).toEqual([
      ["select $1", [1], { prepare: true }],
      ["select 1", [], { simple: true, prepare: true }],
    ]);
  });

  it("does the same inside transactions and savepoints", async () => {
    const calls: unknown[][] = [];
    const sql = preparingAllQueries(fakeSql(calls));
    await sql.begin(async (tx) => {
      tx.unsafe("insert $1", [1]);
      await (tx as unknown as { savepoint: (name: string, cb: (s: Sql) => unknown) => Promise<unknown> }).savepoint("sp", (sp) =>
        sp.unsafe("update $1", [2]),
      );
    });
    expect(calls.map((c) => c[2])).toEqual([{ prepare: true }, { prepare: true }]);
  });

  it("passes everything else through: tagged templates, options, methods bound to the client", () => {
    const sql = preparingAllQueries(fakeSql([])) as unknown as Sql & (() => string);
    expect(sql()).toBe("tagged");
    expect(sql.options.max).toBe(10);
    const { end } = sql as unknown as { end: () => unknown };
    expect(end()).not.toBeUndefined();
  });
});
