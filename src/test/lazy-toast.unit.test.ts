import { describe, expect, it, vi } from "vitest";

// sonner as the lazy toast module sees it: each call recorded.
const calls: unknown[][] = [];
vi.mock("sonner", () => {
  const toast = Object.assign((...args: unknown[]) => calls.push(["toast", ...args]), {
    success: (...args: unknown[]) => calls.push(["success", ...args]),
    error: (...args: unknown[]) => calls.push(["error", ...args]),
    warning: (...args: unknown[]) => calls.push(["warning", ...args]),
  });
  return { toast };
});

describe("toast() loads sonner on first use (src/components/ui/toast.ts)", () => {
  it("tells the toaster to mount once, and hands every toast to sonner with its options", async () => {
    const { toast, onSonnerWanted, sonnerWanted, loadSonner } = await import("@/components/ui/toast");
    const wanted = vi.fn();
    onSonnerWanted(wanted);
    expect(sonnerWanted()).toBe(false);

    const action = { label: "Undo", onClick: () => {} };
    toast.success("Saved.");
    toast("Talking point removed.", { action });
    toast.error("No.");
    toast.warning("Careful.");
    await loadSonner();
    await Promise.resolve();

    expect(sonnerWanted()).toBe(true);
    expect(wanted).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([
      ["success", "Saved.", undefined],
      ["toast", "Talking point removed.", { action }],
      ["error", "No.", undefined],
      ["warning", "Careful.", undefined],
    ]);
  });
});
