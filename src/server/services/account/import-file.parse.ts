/**
 * An uploaded export file (the browser sends its bytes as they are) parsed off
 * the request's thread: JSON.parse of 16 MiB holds a thread for a second or
 * more on a busy machine, and on the event loop every other organisation's
 * requests would wait for it (bench:fairness). A worker parses it and hands
 * it back a slice of rows at a time, each asked for in turn, so that taking
 * each slice in (structured clone) is a short piece of work on the event
 * loop too, with other requests between.
 */

import { Worker } from "node:worker_threads";
import { inThisWork } from "../../event-loop/give-way";
import { turnBetweenTransactions, turnTaker } from "../../event-loop/turns";
import { AppError } from "../kernel/errors";

/** Rows per message from the worker: a few milliseconds to take in. */
export const FILE_SLICE_ROWS = 500;

/**
 * The worker, as source (run with `eval`: no file of its own to find in the
 * server's bundle). It answers each "next" with the next message: the file's
 * head (everything but the tables' rows), then the rows in slices, then the end.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const plain = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function* messages() {
  let value;
  try {
    value = JSON.parse(new TextDecoder().decode(workerData.bytes));
  } catch {
    yield { kind: "notJson" };
    return;
  }
  if (!plain(value) || !plain(value.tables)) {
    yield { kind: "whole", value };
    return;
  }
  const { tables, ...head } = value;
  const shapes = {};
  for (const [name, rows] of Object.entries(tables)) shapes[name] = Array.isArray(rows) ? { rows: rows.length } : { value: rows };
  yield { kind: "head", head, tables: shapes };
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows)) continue;
    for (let i = 0; i < rows.length; i += workerData.sliceRows) yield { kind: "rows", name, rows: rows.slice(i, i + workerData.sliceRows) };
  }
  yield { kind: "end" };
}
const queue = messages();
parentPort.on("message", () => {
  const next = queue.next();
  parentPort.postMessage(next.done ? { kind: "end" } : next.value);
});
`;

type Message =
  | { kind: "notJson" }
  | { kind: "whole"; value: unknown }
  | { kind: "head"; head: Record<string, unknown>; tables: Record<string, { rows: number } | { value: unknown }> }
  | { kind: "rows"; name: string; rows: unknown[] }
  | { kind: "end" };

export const NOT_JSON = "This file is not JSON: choose a file exported from Intersect. Nothing was imported.";

/**
 * The whole body of an upload, as bytes, read and joined in turns: the
 * request's chunks are already in memory (the route counted them), so
 * reading them never waits, and 16 MiB joined in one go was a block of its own.
 */
export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const clock = turnTaker();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (clock.due()) await clock.turn();
  }
  // A body that came as one chunk is handed back as it is: 16 MiB copied again was 8 ms of the event loop.
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
    if (clock.due()) await clock.turn();
  }
  return bytes;
}

/**
 * The file's JSON value, as JSON.parse would give it, or a 400 if the bytes
 * are not JSON. The bytes are handed to the worker (they are not usable here after).
 */
export async function parseImportFile(bytes: Uint8Array, { sliceRows = FILE_SLICE_ROWS } = {}): Promise<unknown> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes, sliceRows },
    transferList: whole ? [bytes.buffer as ArrayBuffer] : [],
  });
  const nextTurn = inThisWork(turnBetweenTransactions);
  try {
    return await new Promise<unknown>((resolve, reject) => {
      let file: Record<string, unknown> | null = null;
      let tables: Record<string, unknown> = {};
      worker.on("error", reject);
      worker.on("exit", () => reject(new Error("The import file's parser stopped before it answered.")));
      worker.on("message", (message: Message) => {
        switch (message.kind) {
          case "notJson":
            return reject(new AppError("BAD_REQUEST", NOT_JSON));
          case "whole":
            return resolve(message.value);
          case "head":
            tables = Object.fromEntries(Object.entries(message.tables).map(([name, s]) => [name, "rows" in s ? [] : s.value]));
            file = { ...message.head, tables };
            break;
          case "rows": {
            const rows = tables[message.name] as unknown[];
            for (const row of message.rows) rows.push(row);
            break;
          }
          case "end":
            return resolve(file);
        }
        // Each slice on its own turn of the event loop, and after any person's request in flight (no transaction is
        // open yet): the next is asked for only once this one is in.
        void nextTurn().then(() => worker.postMessage("next"));
      });
      worker.postMessage("next");
    });
  } finally {
    await worker.terminate();
  }
}
