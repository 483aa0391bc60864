"use client";

import { Check, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { matchesQuery } from "@/lib/duplicates/match-key";

export type MultiSelectOption = {
  value: string;
  /** What the option reads and is searched by. */
  label: string;
  /** Shown after the label in the list (a badge, say); not searched. */
  detail?: React.ReactNode;
};

type Props = {
  /** What is chosen ("Owners"): names the list of options for a screen reader. */
  label: string;
  options: MultiSelectOption[];
  value: string[];
  onChange: (next: string[]) => void;
  /** From Field: the input is what the label names. */
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  placeholder?: string;
  /** Said in the list when nothing matches what was typed. */
  noMatches?: string;
  /** For the chips' list and their remove buttons: "Remove Sofia Petrova". */
  chipsLabel?: string;
  /** The chip of a chosen value that is no longer among the options (an owner since archived, say). */
  missingLabel?: string;
};

/**
 * A searchable multi-select, the ARIA combobox pattern: a text input that
 * filters a listbox (aria-multiselectable), and the chosen options as chips
 * with remove buttons before it.
 *
 * Keyboard: typing filters and opens the list; ↓/↑ move through it (Home/End
 * to the ends); Enter picks or unpicks the active option and keeps the list
 * open for the next; Backspace in an empty input removes the last chip;
 * Escape closes the list (and only a second Escape closes the dialog around
 * it). The list opens in the flow of the page (not floating), so a scrolling
 * dialog body never clips it, and it is as wide as the field at 390 px.
 */
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  id,
  placeholder = "Type to search…",
  noMatches = "Nobody matches.",
  chipsLabel = "Chosen",
  missingLabel = "No longer listed",
  ...aria
}: Props) {
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const optionId = (v: string) => `${ownId}-option-${v}`;
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const shown = options.filter((o) => matchesQuery(o.label, query));
  const activeOption = open ? shown[Math.min(active, shown.length - 1)] : undefined;
  const chosen = value.map((v) => options.find((o) => o.value === v) ?? { value: v, label: missingLabel });

  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  const remove = (v: string) => {
    onChange(value.filter((x) => x !== v));
    inputRef.current?.focus();
  };

  // Escape with the list open closes the list, not the dialog: the dialog listens on the document in the
  // capture phase, so the refusal has to come first, from the window's capture phase.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !rootRef.current?.contains(event.target as Node)) return;
      event.preventDefault();
      setOpen(false);
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [open]);

  // The active option stays in view as the arrows move through a long list.
  useEffect(() => {
    if (activeOption) document.getElementById(optionId(activeOption.value))?.scrollIntoView?.({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeOption?.value]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => Math.min(i + 1, last));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive((i) => Math.max(i - 1, 0));
        break;
      case "Home":
      case "End":
        if (!open) return;
        event.preventDefault();
        setActive(event.key === "Home" ? 0 : last);
        break;
      case "Enter":
        // With the list open, Enter picks (and does not submit the form); closed, it submits as in any field.
        if (!open) return;
        event.preventDefault();
        if (activeOption) {
          toggle(activeOption.value);
          setQuery("");
        }
        break;
      case "Backspace":
        if (query === "" && value.length > 0) onChange(value.slice(0, -1));
        break;
    }
  };

  return (
    <div ref={rootRef} className="grid gap-1">
      <div
        className={cn(
          "flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border bg-surface px-1.5 py-1 text-sm text-fg",
          "focus-within:border-accent focus-within:outline-2 focus-within:outline-offset-0",
          aria["aria-invalid"] ? "border-danger" : "border-border",
        )}
        // A click on the box (not a chip's button) goes to the input, as in a text field.
        onMouseDown={(e) => {
          if (e.target === e.currentTarget) {
            e.preventDefault();
            inputRef.current?.focus();
            setOpen(true);
          }
        }}
      >
        {chosen.length ? (
          <ul aria-label={chipsLabel} className="contents">
            {chosen.map((o) => (
              <li key={o.value} className="inline-flex max-w-full items-center gap-0.5 rounded bg-accent-soft py-0.5 pl-2 pr-0.5 text-fg">
                <span className="truncate">{o.label}</span>
                <button
                  type="button"
                  className="rounded p-0.5 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2"
                  aria-label={`Remove ${o.label}`}
                  onClick={() => remove(o.value)}
                >
                  <X className="size-3.5" aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(activeOption.value) : undefined}
          aria-invalid={aria["aria-invalid"]}
          aria-describedby={aria["aria-describedby"]}
          autoComplete="off"
          placeholder={value.length ? "" : placeholder}
          className="h-7 min-w-[8rem] flex-1 bg-transparent px-1.5 text-sm text-fg outline-none placeholder:text-muted"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={(e) => {
            if (!rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {/* Rendered always (aria-controls names it), shown only when open and something matches. */}
      <ul
        id={listId}
        role="listbox"
        aria-multiselectable="true"
        aria-label={label}
        hidden={!open || shown.length === 0}
        className="max-h-56 overflow-y-auto rounded-md border border-border bg-surface p-1 shadow-sm"
      >
        {shown.map((o) => {
          const selected = value.includes(o.value);
          return (
            <li
              key={o.value}
              id={optionId(o.value)}
              role="option"
              aria-selected={selected}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm",
                activeOption?.value === o.value ? "bg-surface-2" : "hover:bg-surface-2",
              )}
              // Keep the focus in the input (a mouse-down would blur it and close the list).
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(shown.indexOf(o))}
              onClick={() => {
                toggle(o.value);
                setQuery("");
                inputRef.current?.focus();
              }}
            >
              <Check className={cn("size-4 shrink-0 text-accent", selected ? "visible" : "invisible")} aria-hidden="true" />
              <span className="min-w-0 break-words">{o.label}</span>
              {o.detail}
            </li>
          );
        })}
      </ul>
      {open && shown.length === 0 ? (
        <p role="status" className="rounded-md border border-border px-2 py-1.5 text-sm text-muted">
          {noMatches}
        </p>
      ) : null}
    </div>
  );
}
