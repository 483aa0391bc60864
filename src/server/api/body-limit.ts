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

/**
 * The whole body of `request`, or `{ ok: false }` as soon as more than `limit`
 * bytes have arrived (the rest is not read: the stream is cancelled).
 */
export async function readBodyWithin(request: Request, limit: number): Promise<LimitedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, limit };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

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
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The same request with its (already counted) body in memory, for a handler that reads it again. */
export function withBody(request: Request, bytes: Uint8Array): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? (bytes as BodyInit) : undefined,
    signal: request.signal,
  });
}
