import { describe, expect, it } from "vitest";
import { wireFormat } from "@/lib/wire-format";
import { POST, GET } from "@/app/api/trpc/[trpc]/route";
import { BODY_LIMITS, MAX_BATCH_CALLS } from "@/lib/request-limits";
import { limitTrpcRequest } from "./trpc-request-limits";

const MIB = 1024 * 1024;

/** `bytes` bytes of a JSON-looking body, streamed in 64 KiB chunks with no Content-Length; counts what was pulled. */
function streamOf(bytes: number) {
  const seen = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(32);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled * chunk.byteLength >= bytes) return controller.close();
      seen.pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, seen };
}

function trpcPost(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000/api/trpc/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      host: "localhost:3000",
      origin: "http://localhost:3000",
      "sec-fetch-site": "same-origin",
      ...headers,
    },
    body,
    duplex: "half",
  } as RequestInit);
}

async function errorOf(response: Response) {
  const json = (await response.json()) as { error: { json: unknown; meta?: unknown } } | { error: { json: unknown } }[];
  const first = Array.isArray(json) ? json[0]! : json;
  return wireFormat.deserialize(first.error as never) as { message: string; data: { code: string; httpStatus: number } };
}

describe("the tRPC route refuses what one request may not ask", () => {
  it("413 for a 20 MB body without Content-Length, after reading little more than the limit", async () => {
    const { stream, seen } = streamOf(20 * MIB);
    const response = await POST(trpcPost("people.create?batch=1", stream));
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.message).toBe("The request body is larger than this server accepts here (1 MiB).");
    expect(error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    expect(seen.pulled * 64 * 1024).toBeLessThan(BODY_LIMITS.trpc + 3 * 64 * 1024);
  });

  it("413 at once for a declared Content-Length past the limit, even if the body is small", async () => {
    const response = await POST(trpcPost("people.create", '{"json":{}}', { "content-length": String(50 * MIB) }));
    expect(response.status).toBe(413);
  });

  it("account.import alone gets the larger import limit; batched with anything else it does not", async () => {
    const alone = await limitTrpcRequest(trpcPost("account.import", streamOf(3 * MIB).stream), "/api/trpc");
    expect(alone).toBeInstanceOf(Request);
    expect((await (alone as Request).arrayBuffer()).byteLength).toBeGreaterThanOrEqual(3 * MIB);
    const batched = await POST(trpcPost("account.import,people.create?batch=1", streamOf(3 * MIB).stream));
    expect(batched.status).toBe(413);
    const tooLarge = await POST(trpcPost("account.import", streamOf(BODY_LIMITS.import + MIB).stream));
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).message).toContain("16 MiB");
  });

  it(`a batch of more than ${MAX_BATCH_CALLS} calls is refused with 400 (GET and POST), before any call runs`, async () => {
    const paths = Array.from({ length: MAX_BATCH_CALLS + 1 }, () => "account.export").join(",");
    const get = await GET(
      new Request(`http://localhost:3000/api/trpc/${paths}?batch=1&input=%7B%7D`, { headers: { host: "localhost:3000" } }),
    );
    expect(get.status).toBe(400);
    const body = (await get.clone().json()) as unknown[];
    expect(body).toHaveLength(MAX_BATCH_CALLS + 1);
    expect((await errorOf(get)).message).toBe(
      `A request may make at most ${MAX_BATCH_CALLS} calls at once; this one makes ${MAX_BATCH_CALLS + 1}.`,
    );
    const post = await POST(trpcPost(`${paths}?batch=1`, "{}"));
    expect(post.status).toBe(400);
  });

  it(`a batch of ${MAX_BATCH_CALLS} calls with a small body passes the limits`, async () => {
    const paths = Array.from({ length: MAX_BATCH_CALLS }, () => "people.create").join(",");
    expect(await limitTrpcRequest(trpcPost(`${paths}?batch=1`, "{}"), "/api/trpc")).toBeInstanceOf(Request);
  });
});
