"use client";

import dynamic from "next/dynamic";
import { useEffect, useSyncExternalStore } from "react";
import { loadSonner, onSonnerWanted, sonnerWanted } from "./toast";

const SonnerToaster = dynamic(() => import("./sonner-toaster").then((m) => m.SonnerToaster), { ssr: false });

/**
 * Toasts for confirmations and undo. Sonner is not in the page's first scripts: it loads
 * on the first toast (./toast.ts), or on the first pointer or key press, since what the
 * user does next may well toast, and mounts then.
 */
export function Toaster() {
  const wanted = useSyncExternalStore(onSonnerWanted, sonnerWanted, () => false);
  useEffect(() => {
    if (wanted) return;
    const early = () => void loadSonner();
    const options = { once: true, capture: true, passive: true } as const;
    window.addEventListener("pointerdown", early, options);
    window.addEventListener("keydown", early, options);
    return () => {
      window.removeEventListener("pointerdown", early, options);
      window.removeEventListener("keydown", early, options);
    };
  }, [wanted]);
  return wanted ? <SonnerToaster /> : null;
}
