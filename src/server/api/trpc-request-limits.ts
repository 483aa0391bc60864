import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { serialize } from "@/lib/wire-format";
import { MAX_BATCH_CALLS, trpcBodyLimit } from "@/lib/request-limits";
import { bodyTooLargeMessage, readChunksWithin, withBody } from "./body-limit";

type Refusal = { code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE"; status: 400 | 413; message: string };

/**
 * A refusal in the shape tRPC's client reads (in the wire format, one entry per
 * call of a batch), so the page shows the message as it shows any other error.
 */
function refusalResponse(paths: string[], batch: boolean, refusal: Refusal): Response {
  const error = (path: string) => ({
    error: serialize({
      message: refusal.message,
      code: TRPC_ERROR_CODES_BY_KEY[refusal.code],
      data: { code: refusal.code, httpStatus: refusal.status, path },
    }),
  });
  return Response.json(batch ? paths.map(error) : error(paths[0] ?? ""), { status: refusal.status });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // tRPC answers an unknown path with 404
  }
}

/**
 * Checks a tRPC request before tRPC reads it: at most MAX_BATCH_CALLS calls,
 * and a body within the limit of what it calls (counted while it streams in).
 * Answers the request to pass on to tRPC (its body in memory), or the refusal.
 */
export async function limitTrpcRequest(req: Request, endpoint: string): Promise<Request | Response> {
  const url = new URL(req.url);
  const batch = url.searchParams.get("batch") === "1";
  const path = safeDecode(url.pathname.slice(url.pathname.indexOf(endpoint) + endpoint.length).replace(/^\//, ""));
  const paths = batch ? path.split(",") : [path];
  if (paths.length > MAX_BATCH_CALLS) {
    return refusalResponse(paths, batch, {
      code: "BAD_REQUEST",
      status: 400,
      message: `A request may make at most ${MAX_BATCH_CALLS} calls at once; this one makes ${paths.length}.`,
    });
  }
  if (req.method === "GET" || req.method === "HEAD") return req;
  const limit = trpcBodyLimit(paths);
  const body = await readChunksWithin(req, limit);
  if (!body.ok) return refusalResponse(paths, batch, { code: "PAYLOAD_TOO_LARGE", status: 413, message: bodyTooLargeMessage(limit) });
  return withBody(req, body.chunks);
}
