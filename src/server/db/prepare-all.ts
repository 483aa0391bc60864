import type { Sql } from "postgres";

/**
 * postgres.js prepares the queries written as tagged templates, but not the
 * ones sent with `unsafe()`, which is how Drizzle sends every query. An
 * unprepared query with parameters costs two round trips to the server
 * (describe the parameters, then bind and execute); a prepared one, once the
 * connection has seen it, costs one. This wrapper asks postgres.js to prepare
 * them all, in transactions and savepoints too. Statements are cached per
 * connection and dropped with it (postgres.js recycles connections after
 * 30–60 minutes). Queries without parameters keep the simple protocol, so a
 * multi-statement string still works.
 *
 * Behind PgBouncer in transaction mode (before 1.21) named statements break:
 * set DATABASE_PREPARE=false there.
 */
export function preparingAllQueries<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, args?: unknown, options?: Record<string, unknown>) => {
          if (!Array.isArray(args)) return target.unsafe(query, [], { ...(args as object), prepare: true });
          return target.unsafe(query, args as never[], { ...options, prepare: true });
        };
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Sql) => unknown;
          const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (tx: Sql) => callback(preparingAllQueries(tx)));
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
