"use client";

import { Search } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";

// The palette (cmdk, its dialog and its data) is about 27 kB of compressed
// script: it loads the first time it is asked for, or when the pointer or
// focus reaches the search button, not with every page.
const loadPanels = () => import("./command-palette-panels");
const PalettePanels = dynamic(loadPanels, { ssr: false });

const OPEN_EVENT = "intersect:palette";

/** True when a key press is typing into a field, where shortcuts must not fire. */
function typing(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** The command palette (Ctrl/Cmd-K) and the shortcuts help (?): the keys, and the panels once wanted. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setWanted(true);
        setOpen((o) => !o);
      } else if (e.key === "?" && !typing(e.target) && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        setWanted(true);
        setHelp(true);
      }
    };
    const onOpen = () => {
      setWanted(true);
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_EVENT, onOpen);
    };
  }, []);

  return wanted ? <PalettePanels open={open} setOpen={setOpen} help={help} setHelp={setHelp} /> : null;
}

/** A visible way into the palette, for the mouse and for phones. */
export function PaletteButton() {
  return (
    <button
      type="button"
      onClick={() => window.dispatchEvent(new Event(OPEN_EVENT))}
      // Start fetching the palette as the user heads for it.
      onPointerEnter={() => void loadPanels()}
      onFocus={() => void loadPanels()}
      className="flex w-full items-center gap-2 rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-muted hover:text-fg"
    >
      <Search aria-hidden="true" className="size-4" />
      <span className="flex-1 text-left">Search…</span>
      <kbd className="rounded border border-border px-1 text-[10px]">Ctrl K</kbd>
    </button>
  );
}
