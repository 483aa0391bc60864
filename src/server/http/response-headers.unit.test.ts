import { afterEach, describe, expect, it, vi } from "vitest";
import { apiResponseHeaders, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { pageTransportHeaders, withApiHeaders } from "./response-headers";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the https decision", () => {
  it("believes the request's own scheme, and X-Forwarded-Proto only behind a trusted proxy", () => {
    expect(servedOverHttps("https://app.example/api/trpc/x", null, false)).toBe(true);
    expect(servedOverHttps("http://app.example/", "https", true)).toBe(true);
    expect(servedOverHttps("http://app.example/", "https, http", true)).toBe(true);
    expect(servedOverHttps("http://app.example/", "HTTPS", true)).toBe(true);
    expect(servedOverHttps("http://app.example/", "https", false)).toBe(false);
    expect(servedOverHttps("http://app.example/", "http", true)).toBe(false);
    expect(servedOverHttps("http://app.example/", null, true)).toBe(false);
  });
  it("API answers are never stored, and carry HSTS over https only", () => {
    expect(apiResponseHeaders(false)).toEqual({ "cache-control": "no-store" });
    expect(apiResponseHeaders(true)).toEqual({
      "cache-control": "no-store",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
  });
});

describe("withApiHeaders and pageTransportHeaders", () => {
  const behindProxy = new Request("http://app.internal/api/trpc/account.export", { headers: { "x-forwarded-proto": "https" } });
  it("sets no-store on any answer, and HSTS when a trusted proxy says https", () => {
    vi.stubEnv("TRUST_PROXY", "true");
    const response = withApiHeaders(behindProxy, Response.json({ secret: "isk_x" }, { status: 201 }));
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
    expect(pageTransportHeaders(behindProxy)).toEqual({ "strict-transport-security": STRICT_TRANSPORT_SECURITY });
  });
  it("sends no HSTS over plain http, nor on a forwarded header nobody vouches for", () => {
    vi.stubEnv("TRUST_PROXY", "");
    const response = withApiHeaders(behindProxy, new Response("x"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(pageTransportHeaders(behindProxy)).toEqual({});
  });
  it("overrides a cache header a handler set", () => {
    const response = withApiHeaders(
      new Request("https://app.example/api/x"),
      new Response("x", { headers: { "cache-control": "public, max-age=600" } }),
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the tRPC route handler", () => {
  it("answers with no-store and HSTS, even when it refuses the call", async () => {
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const response = await POST(
      new Request("https://app.example/api/trpc/apiTokens.create", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(415);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });
});
