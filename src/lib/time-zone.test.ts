import { describe, expect, it } from "vitest";
import { dayIn } from "./one-on-ones/days";
import { slotAt } from "./energy/slots";
import { canonicalTimeZone, lruCache, usableTimeZone } from "./time-zone";
import { timeZoneField, updateProfileInput } from "./validators/account";

describe("time zones", () => {
  it("a stored zone is saved in its canonical spelling; an unknown one is refused", () => {
    expect(timeZoneField.parse("europe/berlin")).toBe("Europe/Berlin");
    expect(timeZoneField.parse(" utc ")).toBe("UTC");
    expect(updateProfileInput.safeParse({ name: "A", timeZone: "Mars/Olympus" }).error?.issues[0]?.message).toBe("Unknown time zone.");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
  });

  it("an unknown zone already stored reads as UTC instead of throwing", () => {
    const noon = new Date("2026-11-24T23:30:00Z");
    expect(usableTimeZone("Mars/Olympus")).toBe("UTC");
    expect(usableTimeZone("")).toBe("UTC");
    expect(dayIn(noon, "Mars/Olympus")).toBe("2026-11-24");
    expect(slotAt(noon, "Mars/Olympus")).toBe("end");
    expect(dayIn(noon, "Pacific/Kiritimati")).toBe("2026-11-25");
  });

  it("the formatter cache keeps at most its size, dropping the least recently used", () => {
    const made: string[] = [];
    const get = lruCache(2, (key) => (made.push(key), key.toUpperCase()));
    get("a");
    get("b");
    get("a"); // a is now the most recent
    get("c"); // evicts b
    get("a");
    get("b");
    expect(made).toEqual(["a", "b", "c", "b"]);
    // However many distinct zone strings are asked for, dayIn still answers.
    for (let i = 0; i < 1_000; i++) dayIn(new Date(0), `Nowhere/Zone${i}`);
    expect(dayIn(new Date(0), "UTC")).toBe("1970-01-01");
  });
});
