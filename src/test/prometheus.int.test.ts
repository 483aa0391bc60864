/**
 * The test Prometheus itself: history written by promtool is queryable, the
 * exporter's live value is scraped, and stop/start keeps the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prometheusSkip, startTestPrometheus, type TestPrometheus } from "./prometheus";

const DAY = 86_400;

async function instant(url: string, query: string, timeSeconds?: number) {
  const params = new URLSearchParams({ query });
  if (timeSeconds !== undefined) params.set("time", String(timeSeconds));
  const body = (await (await fetch(`${url}/api/v1/query?${params}`)).json()) as {
    status: string;
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result;
}

describe.skipIf(prometheusSkip !== null)(`test Prometheus ${prometheusSkip ?? ""}`, () => {
  let prom: TestPrometheus;
  // Midnight UTC three days ago and before: safely older than the head block.
  const day0 = Math.floor(Date.now() / 1000 / DAY) * DAY - 3 * DAY;

  beforeAll(async () => {
    prom = await startTestPrometheus({
      history: [
        { metric: "harness_history", value: 11, atSeconds: day0 - DAY },
        { metric: "harness_history", value: 12, atSeconds: day0 },
      ],
      live: [{ metric: "harness_live", labels: { team: "core" }, value: 7 }],
    });
  }, 60_000);
  afterAll(async () => prom?.dispose());

  it("answers the history written by promtool", async () => {
    expect((await instant(prom.url, "harness_history", day0 - DAY))[0]?.value[1]).toBe("11");
    expect((await instant(prom.url, "harness_history", day0))[0]?.value[1]).toBe("12");
  });

  it("scrapes the live exporter and sees a changed value", async () => {
    await prom.waitForScrape();
    expect((await instant(prom.url, "harness_live"))[0]).toMatchObject({ metric: { team: "core" }, value: [expect.any(Number), "7"] });
    prom.live[0]!.value = 9;
    await prom.waitForScrape();
    expect((await instant(prom.url, "harness_live"))[0]?.value[1]).toBe("9");
  });

  it("refuses connections while stopped and keeps its data after start", async () => {
    await prom.stop();
    await expect(fetch(`${prom.url}/-/ready`)).rejects.toThrow();
    await prom.start();
    expect((await instant(prom.url, "harness_history", day0))[0]?.value[1]).toBe("12");
  }, 60_000);
});
