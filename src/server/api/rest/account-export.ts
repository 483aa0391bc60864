import type { Db } from "../../db/types";
import { asBulk, bulkWorkStarting } from "../../event-loop/give-way";
import { giveTurn, turnTaker } from "../../event-loop/turns";
import { jsonPieces } from "../../http/json-pieces";
import type { Actor } from "../../services/kernel/actor";
import { exportAccount } from "../../services/account/export.read";

/** Bytes per chunk of the download: small enough to encode in a moment, large enough not to be thousands of writes. */
const CHUNK_CHARS = 64 * 1024;

/** The export's file name, by the day it was made (the name the download has always had). */
export const exportFileName = (exportedAt: string) => `intersect-export-${exportedAt.slice(0, 10)}.json`;

/**
 * GET /api/account/export: the account's export as the file the browser saves,
 * exactly `JSON.stringify(file, null, 2)` of `account.export`'s answer, written
 * as a stream a piece at a time with turns between (bench:fairness: built and
 * serialised in one piece, with superjson, 66,000 rows held every other
 * organisation's requests for most of a second). The rows are read as before.
 * Reading and writing are bulk work: both give way to people's requests.
 */
export async function accountExportResponse(db: Db, actor: Actor, includePrivate: boolean): Promise<Response> {
  const bulk = bulkWorkStarting(db);
  const file = await asBulk(bulk, () => exportAccount(db, actor, { includePrivate }));
  const pieces = jsonPieces(file, 2);
  const encoder = new TextEncoder();
  const clock = turnTaker();
  const body = new ReadableStream<Uint8Array>({
    // Each read is its own call from the stream, so each is run as the same bulk work.
    pull: (controller) => asBulk(bulk, () => writePiece(controller)),
  });
  async function writePiece(controller: ReadableStreamDefaultController<Uint8Array>) {
    let chunk = "";
    for (;;) {
      const next = pieces.next();
      if (next.done) {
        if (chunk) controller.enqueue(encoder.encode(chunk));
        controller.close();
        return;
      }
      chunk += next.value;
      if (chunk.length >= CHUNK_CHARS || clock.due()) break;
    }
    controller.enqueue(encoder.encode(chunk));
    if (clock.due()) await clock.turn();
    else await giveTurn();
  }
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(file.exportedAt)}"`,
    },
  });
}
