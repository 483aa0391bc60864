import { describe, expect, it } from "vitest";
import { clientAddressFrom, throttleAddress } from "./client-address";
import { greeting } from "./greeting";
import { contentSecurityPolicy } from "./security-headers";
import { MAX_SIGN_IN_DELAY_MS, minutesFrom, signInDelayMs } from "./sign-in-throttle";

describe("clientAddressFrom", () => {
  it("takes the last hop, which the server or the trusted proxy wrote", () => {
    expect(clientAddressFrom("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressFrom("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddressFrom("::1")).toBe("::1");
    expect(clientAddressFrom(null)).toBeNull();
    expect(clientAddressFrom(" , ")).toBeNull();
  });
});

describe("throttleAddress", () => {
  it("counts an IPv4 address whole and an IPv6 address by its /64, however it is written", () => {
    expect(throttleAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(throttleAddress("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(throttleAddress("2001:DB8:0000:0001:ffff:1:2:3")).toBe("2001:db8:0:1::/64");
    expect(throttleAddress("[2001:db8:0:1::7]")).toBe("2001:db8:0:1::/64");
    expect(throttleAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(throttleAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttleAddress("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(throttleAddress("2001:db8:0:2::1")).not.toBe(throttleAddress("2001:db8:0:1::1"));
  });

  it("keeps what is not an address as it is, and no address as one key of its own", () => {
    expect(throttleAddress("2001:db8::1::2")).toBe("2001:db8::1::2");
    expect(throttleAddress("unix-socket")).toBe("unix-socket");
    expect(throttleAddress(null)).toBe("unknown");
  });
});

describe("signInDelayMs", () => {
  it("lets three attempts through at once, then doubles from 250 ms up to the cap", () => {
    const delays = Array.from({ length: 12 }, (_, i) => signInDelayMs(i + 1));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 3000, 3000, 3000, 3000, 3000]);
    expect(signInDelayMs(10_000)).toBe(MAX_SIGN_IN_DELAY_MS);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("lets the dev server evaluate code and open its websocket", () => {
    const csp = contentSecurityPolicy("n", true);
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("ws:");
  });
});

describe("minutesFrom", () => {
  it("rounds up and never says zero", () => {
    expect(minutesFrom(15 * 60_000)).toBe(15);
    expect(minutesFrom(14 * 60_000 + 1)).toBe(15);
    expect(minutesFrom(1)).toBe(1);
    expect(minutesFrom(0)).toBe(1);
  });
});

describe("greeting", () => {
  it("follows the user's time zone, not the server's", () => {
    const at = new Date("2026-06-01T07:30:00Z");
    expect(greeting(at, "UTC")).toBe("Good morning");
    expect(greeting(at, "America/Los_Angeles")).toBe("Good evening");
    expect(greeting(at, "Asia/Tokyo")).toBe("Good afternoon");
  });
});
