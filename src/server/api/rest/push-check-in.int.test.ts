import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "@/lib/request-limits";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { pushCheckIn } from "./push-check-in";

const database = useTestDatabase();

async function setup() {
  const user = await createUser(database.current.db);
  const person = await user.caller.people.create({ name: "Em", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const today = new Date().toISOString().slice(0, 10);
  const target = await user.caller.targets.create({
    title: "Uptime",
    kind: "reliability",
    ownerIds: [person.id],
    startDate: today,
    dueDate: today,
  });
  const metric = await user.caller.targets.addMetric({
    targetId: target.id,
    name: "Uptime",
    direction: "higher",
    baseline: 99,
    goal: 99.9,
  });
  const { token } = await user.caller.apiTokens.create({ name: "CI" });
  return { metric, token };
}

/** A JSON body of `bytes` bytes, streamed with no Content-Length (or a lying one). */
function bigBody(bytes: number) {
  const text = `{"value": 1, "note": "${"x".repeat(bytes)}"}`;
  const data = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.byteLength) return controller.close();
      controller.enqueue(data.subarray(at, at + 16 * 1024));
      at += 16 * 1024;
    },
  });
}

describe("REST body limit", () => {
  it("413 with a clear message for a body past 64 KiB, whatever its Content-Length says; nothing stored", async () => {
    const { metric, token } = await setup();
    for (const headers of [{}, { "content-length": "20" }]) {
      const request = new Request(`http://localhost/api/v1/metrics/${metric.id}/check-ins`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
        body: bigBody(BODY_LIMITS.rest + 1),
        duplex: "half",
      } as RequestInit);
      const response = await pushCheckIn(database.current.db, request, metric.id);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: "The request body is larger than this server accepts here (64 KiB)." });
    }
    expect(await database.current.query("select id from check_ins where metric_id = $1", [metric.id])).toEqual([]);
  });

  it("a body within the limit is stored as before", async () => {
    const { metric, token } = await setup();
    const response = await pushCheckIn(
      database.current.db,
      new Request(`http://localhost/api/v1/metrics/${metric.id}/check-ins`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ value: 99.5, note: "n".repeat(2_000) }),
      }),
      metric.id,
    );
    expect(response.status).toBe(201);
  });
});
