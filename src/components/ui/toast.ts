import type { toast as sonnerToast } from "sonner";

/**
 * `toast()` with sonner's own signature, but sonner (about 13 kB compressed, with its
 * toaster) loads on the first toast or the first pointer or key press, not with every
 * page. The toaster (./toaster.tsx) mounts once sonner is wanted, and sonner replays
 * the toasts created before it subscribed, so none is lost.
 */
type Sonner = typeof import("sonner");
type Message = Parameters<typeof sonnerToast>[0];
type Options = Parameters<typeof sonnerToast>[1];

let sonner: Promise<Sonner> | null = null;
const wantedListeners = new Set<() => void>();

/** Starts loading sonner (once) and tells the toaster to mount. */
export function loadSonner(): Promise<Sonner> {
  if (!sonner) {
    sonner = import("sonner");
    wantedListeners.forEach((listener) => listener());
  }
  return sonner;
}

/** Whether sonner has been asked for: the toaster mounts from then on. */
export const sonnerWanted = () => sonner !== null;

/** For the toaster's useSyncExternalStore: called once, when sonner is first asked for. */
export function onSonnerWanted(listener: () => void) {
  wantedListeners.add(listener);
  return () => void wantedListeners.delete(listener);
}

const show =
  (kind: "success" | "error" | "warning" | null) =>
  (message: Message, options?: Options): void => {
    void loadSonner().then(({ toast }) => (kind ? toast[kind](message, options) : toast(message, options)));
  };

export const toast = Object.assign(show(null), { success: show("success"), error: show("error"), warning: show("warning") });
