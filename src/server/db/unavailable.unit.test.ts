import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });

describe("isDatabaseUnavailable", () => {
  it("recognises a dropped or refused connection, also when Drizzle wraps it", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("write CONNECTION_ENDED"), { code: "CONNECTION_ENDED" }))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(wrapped({ code: "CONNECT_TIMEOUT" })))).toBe(true);
  });

  it("recognises the server shutting down, starting up, or a connection exception", () => {
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001"]) expect(isDatabaseUnavailable(wrapped({ code }))).toBe(true);
  });

  it("leaves real query errors alone", () => {
    for (const code of ["23505", "22P02", "42P01", "40001", "57014"]) expect(isDatabaseUnavailable(wrapped({ code }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
