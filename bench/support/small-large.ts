import { performance } from "node:perf_hooks";
import { median } from "./median";

/**
 * p50s of one request on the small and the large account, measured side by side: one warm-up
 * each, then `rounds` rounds that alternate which side goes first (this machine is shared, so a
 * slow moment falls on both). The ratio large ÷ small is the scale benches' measure (issue #20).
 */
export async function smallLargeP50s<A>(run: (account: A) => Promise<unknown>, small: A, large: A, rounds: number) {
  await run(small);
  await run(large);
  const times = { small: [] as number[], large: [] as number[] };
  for (let r = 0; r < rounds; r++)
    for (const which of r % 2 ? (["small", "large"] as const) : (["large", "small"] as const)) {
      const s = performance.now();
      await run(which === "small" ? small : large);
      times[which].push(performance.now() - s);
    }
  const [a, b] = [median(times.small), median(times.large)];
  return { small: a, large: b, ratio: b / a, line: `small ${a.toFixed(2)} ms, large ${b.toFixed(2)} ms, ratio ${(b / a).toFixed(2)}` };
}
