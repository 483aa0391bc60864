import { formatBytes } from "@/lib/request-limits";

/**
 * Request bodies are counted while they stream in and refused past a limit,
 * so one client cannot make the server buffer and parse megabytes it will
 * refuse anyway (`request.json()` reads everything first). Content-Length is
 * only a hint: a larger declared length is refused at once, but a missing or
 * lying one is caught by the count.
 */

export function bodyTooLargeMessage(limit: number): string {
  return `The request body is larger than this server accepts here (${formatBytes(limit)}).`;
}

export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; limit: number };

/** A body counted within its limit, as the chunks it arrived in. */
export type LimitedChunks = { ok: true; chunks: Uint8Array[]; size: number } | { ok: false; limit: number };

/**
 * The body of `request` as the chunks it arrived in, or `{ ok: false }` as
 * soon as more than `limit` bytes have arrived (the rest is not read: the
 * stream is cancelled).
 */
export async function readChunksWithin(request: Request, limit: number): Promise<LimitedChunks> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, limit };
  }
  if (!request.body) return { ok: true, chunks: [], size: 0 };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, limit };
    }
    chunks.push(value);
  }
  return { ok: true, chunks, size };
}

/** The whole body of `request` in one run of bytes, or `{ ok: false }` past `limit` (see readChunksWithin). */
export async function readBodyWithin(request: Request, limit: number): Promise<LimitedBody> {
  const read = await readChunksWithin(request, limit);
  if (!read.ok) return read;
  const bytes = new Uint8Array(read.size);
  let at = 0;
  for (const chunk of read.chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * The same request with its (already counted) body in memory, for a handler
 * that reads it again: served as the chunks it arrived in. Joined into one
 * array here, a 16 MiB import was copied twice on the event loop (the join,
 * then the Request's own copy of a byte body): 80 ms of one block in
 * bench:fairness's profile.
 */
export function withBody(request: Request, chunks: readonly Uint8Array[]): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? body : undefined,
    signal: request.signal,
    // A stream body must say so (the fetch standard's `duplex`; Node's Request refuses it otherwise).
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}
