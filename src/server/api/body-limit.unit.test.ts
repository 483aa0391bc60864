import { describe, expect, it } from "vitest";
import { readBodyWithin, readChunksWithin, withBody } from "./body-limit";

/** A body that streams `chunks` chunks of `size` bytes, counting how many were pulled and whether it was cancelled. */
function streamingBody(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readBodyWithin", () => {
  it("reads a body within the limit whole", async () => {
    const result = await readBodyWithin(post('{"a":1}'), 100);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('{"a":1}');
  });

  it("accepts a body of exactly the limit and refuses one byte more", async () => {
    expect((await readBodyWithin(post("x".repeat(100)), 100)).ok).toBe(true);
    expect(await readBodyWithin(post("x".repeat(101)), 100)).toEqual({ ok: false, limit: 100 });
  });

  it("stops reading a stream without Content-Length as soon as it passes the limit, and cancels the rest", async () => {
    const { stream, seen } = streamingBody(1_000, 64 * 1024); // 64 MB offered
    const result = await readBodyWithin(post(stream), 1024 * 1024);
    expect(result).toEqual({ ok: false, limit: 1024 * 1024 });
    expect(seen.pulled).toBeLessThan(25); // about 1 MB read, not 64
    expect(seen.cancelled).toBe(true);
  });

  it("a Content-Length that lies low does not let a larger body through", async () => {
    const { stream, seen } = streamingBody(100, 1024);
    const result = await readBodyWithin(post(stream, { "content-length": "10" }), 10 * 1024);
    expect(result.ok).toBe(false);
    expect(seen.pulled).toBeLessThan(100);
  });

  it("a declared Content-Length past the limit is refused before a byte is read", async () => {
    const { stream, seen } = streamingBody(10, 1024);
    expect((await readBodyWithin(post(stream, { "content-length": "999999" }), 1024)).ok).toBe(false);
    expect(seen.pulled).toBeLessThanOrEqual(1); // the stream's own read-ahead
    expect(seen.cancelled).toBe(true);
  });

  it("no body is an empty one", async () => {
    const result = await readBodyWithin(new Request("http://localhost/x"), 10);
    expect(result.ok && result.bytes.byteLength).toBe(0);
  });

  it("withBody gives a request whose body reads again, without the client's Content-Length", async () => {
    const original = post("ignored", { "content-type": "application/json", "content-length": "3" });
    const copy = withBody(original, [new TextEncoder().encode('{"b":'), new TextEncoder().encode("2}")]);
    expect(copy.headers.get("content-type")).toBe("application/json");
    expect(copy.headers.get("content-length")).toBeNull();
    expect(await copy.json()).toEqual({ b: 2 });
  });

  it("withBody hands the chunks on as they are, without copying them into one", async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
    const reader = withBody(post("ignored"), chunks).body!.getReader();
    const seen: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) seen.push(read.value);
    expect(seen.map((c) => Array.from(c))).toEqual([[1, 2], [3]]);
    expect(seen[0]!.buffer).toBe(chunks[0]!.buffer);
  });

  it("readChunksWithin keeps the chunks as they came, and their size", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(3));
        controller.enqueue(new Uint8Array(4));
        controller.close();
      },
    });
    const result = await readChunksWithin(post(stream), 10);
    expect(result.ok && result.chunks.map((c) => c.byteLength)).toEqual([3, 4]);
    expect(result.ok && result.size).toBe(7);
    expect(await readChunksWithin(post("x".repeat(11)), 10)).toEqual({ ok: false, limit: 10 });
  });
});
