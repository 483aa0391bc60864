import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";
import { greeting } from "./greeting";
import { contentSecurityPolicy } from "./security-headers";
import { minutesUntil, THROTTLE_WINDOW_MS } from "./sign-in-throttle";

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

describe("minutesUntil", () => {
  it("rounds up and never says zero", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    expect(minutesUntil(start, start)).toBe(15);
    expect(minutesUntil(start, new Date(start.getTime() + THROTTLE_WINDOW_MS - 1))).toBe(1);
    expect(minutesUntil(start, new Date(start.getTime() + THROTTLE_WINDOW_MS + 60_000))).toBe(1);
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
