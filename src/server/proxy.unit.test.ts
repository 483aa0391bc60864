import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import proxy from "@/proxy";

// Auth.js does not load outside Next; the proxy only needs its wrapper, here one with no session.
vi.mock("next-auth", () => ({
  default: () => ({ auth: (handler: (req: unknown) => unknown) => (req: object) => handler(Object.assign(req, { auth: null })) }),
}));

// The proxy runs before Next handles a page request, server actions included.
const post = (path: string, headers: Record<string, string>) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers },
    body: "[]",
  });

describe("proxy: server actions from another site", () => {
  it.each(["/sign-in", "/sign-up", "/"])("POST %s with a foreign Origin answers 403 before Next sees it", async (path) => {
    const response = await proxy(post(path, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), {} as never);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/cannot change data/);
  });

  it("passes the app's own action on", async () => {
    const response = await proxy(post("/sign-in", { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }), {} as never);
    expect(response.status).not.toBe(403);
  });
});
