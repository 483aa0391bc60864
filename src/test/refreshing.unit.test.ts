import type { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refreshing } from "@/trpc/refreshing";

/** A query client that only records what was invalidated, in order with the caller's steps. */
function recorder() {
  const steps: string[] = [];
  const client = {
    invalidateQueries: async ({ queryKey }: { queryKey: unknown[] }) => {
      await Promise.resolve();
      steps.push(`invalidate ${JSON.stringify(queryKey)}`);
    },
  } as unknown as QueryClient;
  return { steps, client };
}

describe("refreshing (the mutations modules' one habit)", () => {
  it("refreshes every affected query before the caller's onSuccess, which gets the mutation's arguments", async () => {
    const { steps, client } = recorder();
    const options = refreshing(client, [["a"], ["b"]], {
      onSuccess: (data: number, vars: string) => void steps.push(`caller ${data} ${vars}`),
    });
    await options.onSuccess?.(1, "x");
    expect(steps).toEqual(['invalidate ["a"]', 'invalidate ["b"]', "caller 1 x"]);
  });

  it("refreshes after the caller when asked (a page that leaves the removed row first)", async () => {
    const { steps, client } = recorder();
    const options = refreshing(client, [["a"]], { onSuccess: () => void steps.push("caller leaves") }, "after");
    await options.onSuccess?.();
    expect(steps).toEqual(["caller leaves", 'invalidate ["a"]']);
  });

  it("refreshes with no options of the caller's, and keeps the caller's other callbacks", async () => {
    const { steps, client } = recorder();
    await refreshing(client, [["a"]]).onSuccess?.();
    expect(steps).toEqual(['invalidate ["a"]']);
    const onError = () => undefined;
    expect(refreshing<{ onSuccess?: () => void; onError: () => undefined }>(client, [["a"]], { onError }).onError).toBe(onError);
  });
});
