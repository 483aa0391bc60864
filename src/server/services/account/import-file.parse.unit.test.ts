import { describe, expect, it } from "vitest";
import { NOT_JSON, bytesOf, parseImportFile } from "./import-file.parse";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("an import file parsed in a worker, handed back in slices", () => {
  it("gives what JSON.parse gives, whatever the slice size", async () => {
    const file = {
      format: "intersect-export",
      version: 2,
      account: { name: "Zoë", timeZone: "Europe/Berlin" },
      tables: {
        people: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, name: `Person ${i} ✓`, managerId: i ? "p0" : null })),
        check_ins: [],
        notes: "not a list",
      },
    };
    for (const sliceRows of [1, 2, 500]) {
      expect(await parseImportFile(bytes(JSON.stringify(file)), { sliceRows })).toEqual(file);
    }
  });

  it("a value that is not a file's shape comes back whole, for the checks to refuse", async () => {
    expect(await parseImportFile(bytes("[1, 2]"))).toEqual([1, 2]);
    expect(await parseImportFile(bytes('"text"'))).toBe("text");
    expect(await parseImportFile(bytes('{"format": "x", "tables": null}'))).toEqual({ format: "x", tables: null });
  });

  it("bytes that are not JSON are a BAD_REQUEST saying so", async () => {
    await expect(parseImportFile(bytes("{"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: NOT_JSON });
    await expect(parseImportFile(new Uint8Array(0))).rejects.toMatchObject({ message: NOT_JSON });
  });

  it("reads a stream's chunks into one run of bytes", async () => {
    const stream = new Blob(["ab", "cd"]).stream();
    expect(new TextDecoder().decode(await bytesOf(stream))).toBe("abcd");
    const parts = [new Uint8Array([97, 98]), new Uint8Array([99, 100])];
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    });
    expect(Array.from(await bytesOf(chunked))).toEqual([97, 98, 99, 100]);
  });

  it("hands a body that came in one chunk back as it is, not copied", async () => {
    const whole = new TextEncoder().encode('{"format": "x"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(whole);
        controller.close();
      },
    });
    expect(await bytesOf(stream)).toBe(whole);
  });
});
