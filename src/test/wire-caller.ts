/**
 * Test callers that send every input and answer through the wire format, as
 * the browser and the tRPC route do. A procedure whose answer holds something
 * the format cannot carry (a Map, a bigint, a class instance) fails the test
 * that calls it here, instead of answering 500 in the app.
 */
import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { wireFormat } from "@/lib/wire-format";

/** `value` as the other side reads it: serialised, stringified, parsed and deserialised. */
export function acrossTheWire<T>(value: T): T {
  const text = JSON.stringify(wireFormat.serialize(value));
  return wireFormat.deserialize(text === undefined ? undefined : JSON.parse(text)) as T;
}

// tRPC's caller is a tree of function proxies (`caller.targets.list`); this
// wraps each node so that calling one sends its input and answer across.
export function overTheWire<T>(node: T): T {
  return new Proxy(node as object, {
    get: (target, key) => overTheWire((target as Record<PropertyKey, unknown>)[key]),
    apply: async (target, _this, args: unknown[]) =>
      acrossTheWire(await (target as (...a: unknown[]) => Promise<unknown>)(...args.map(acrossTheWire))),
  }) as T;
}

/** createCaller's caller, with inputs and answers crossing the wire format. */
export function wireCaller(context: Context): ReturnType<typeof createCaller> {
  return overTheWire(createCaller(context));
}
