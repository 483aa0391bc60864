import { afterEach, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("once the client's zod config is loaded, building and parsing schemas never evaluates code (no CSP report)", async () => {
  let evaluations = 0;
  const RealFunction = Function;
  vi.stubGlobal(
    "Function",
    new Proxy(RealFunction, {
      construct(target, args) {
        evaluations++;
        return Reflect.construct(target, args);
      },
    }),
  );
  await import("../instrumentation-client");
  const { z } = await import("zod");
  const schema = z.object({ name: z.string().min(1), level: z.number().int(), tags: z.array(z.object({ key: z.string() })) });
  for (let i = 0; i < 3; i++)
    expect(schema.parse({ name: "Ada", level: 3, tags: [{ key: "a" }] })).toEqual({ name: "Ada", level: 3, tags: [{ key: "a" }] });
  expect(schema.safeParse({ name: "", level: 1.5, tags: [] }).success).toBe(false);
  expect(evaluations).toBe(0);
});

it("sets zod's global configuration without importing zod, and zod reads it", async () => {
  await import("./zod-jitless");
  const { config } = await import("zod/v4/core");
  expect(config().jitless).toBe(true);
});
