"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import type { Track } from "@/lib/people/ladder";
import { PICK_LIMIT } from "@/lib/validators/people";
import { useTRPC } from "@/trpc/react";

/** What a picker shows of a person. */
export type PickedPerson = { id: string; name: string; track: Track; level: string };

type Props = {
  /** From Field: the input is what the label names. */
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  /** The chosen person's id; null for the empty choice. */
  value: string | null;
  onChange: (next: string | null) => void;
  /** The empty choice's words ("Me", "No one yet"): the list's first option. */
  emptyLabel: string;
  /** Only people of this track. */
  track?: Track;
  /** Leave out this person and everyone below them. */
  notUnder?: string;
  /** How an option reads ("Sofia Alvarez · Staff Engineer"). */
  describe?: (person: PickedPerson) => string;
};

/** Waits for a pause in typing before asking the server. */
function useSettled(value: string, ms = 200): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A single-person picker that never loads the whole organisation: the ARIA
 * combobox pattern (an input over a listbox), asking `people.pick` for at most
 * PICK_LIMIT people whose name has what is typed, and for the chosen one's
 * name so the closed field reads it whoever it is.
 *
 * Keyboard: typing searches and opens the list; ↓/↑ move through it; Enter
 * picks the active option; Escape closes the list (the dialog around it stays
 * open) and puts the chosen name back. The empty choice is always first.
 */
export function PersonPicker({ id, value, onChange, emptyLabel, track, notUnder, describe = (p) => p.name, ...aria }: Props) {
  const trpc = useTRPC();
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const rootRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const query = useSettled(open ? typed : "");
  const { data, isFetching } = useQuery({
    ...trpc.people.pick.queryOptions({ query, track, notUnder, ids: value ? [value] : [] }),
    placeholderData: keepPreviousData,
  });

  // The last pick's label, until the server's answer for the new value arrives.
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const chosen = value ? data?.chosen.find((p) => p.id === value) : undefined;
  const chosenLabel = value ? (chosen ? describe(chosen) : picked?.id === value ? picked.label : "") : emptyLabel;
  const options: { value: string | null; label: string }[] = [
    { value: null, label: emptyLabel },
    ...(data?.matches ?? []).map((p) => ({ value: p.id, label: describe(p) })),
  ];
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${ownId}-option-${i}`;
  const more = (data?.matches.length ?? 0) >= PICK_LIMIT;

  const close = () => {
    setOpen(false);
    setTyped("");
  };
  const choose = (next: string | null, label: string) => {
    if (next) setPicked({ id: next, label });
    onChange(next);
    close();
  };

  // Escape with the list open closes the list, not the dialog (which listens on the document in the capture phase).
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !rootRef.current?.contains(event.target as Node)) return;
      event.preventDefault();
      close();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [open]);

  useEffect(() => {
    if (open) document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeIndex]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.min(activeIndex + 1, options.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setOpen(true);
        setActive(Math.max(activeIndex - 1, 0));
        break;
      case "Enter":
        // With the list open, Enter picks (and does not submit the form); closed, it submits as in any field.
        if (!open) return;
        event.preventDefault();
        choose(options[activeIndex]!.value, options[activeIndex]!.label);
        break;
    }
  };

  return (
    <div
      ref={rootRef}
      className="grid gap-1"
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node)) close();
      }}
    >
      <input
        {...aria}
        id={inputId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        autoComplete="off"
        className={cn(
          "h-9 w-full rounded-md border bg-surface px-2.5 text-sm text-fg",
          "focus:border-accent focus:outline-2 focus:outline-offset-0",
          aria["aria-invalid"] ? "border-danger" : "border-border",
        )}
        placeholder={open ? "Type a name…" : undefined}
        value={open ? typed : chosenLabel}
        onFocus={() => setActive(0)}
        onClick={() => setOpen(true)}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(e.target.value ? 1 : 0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      {/* Rendered always (aria-controls names it), shown only when open. */}
      <ul
        id={listId}
        role="listbox"
        aria-label="People"
        aria-busy={isFetching}
        hidden={!open}
        className="max-h-56 overflow-y-auto rounded-md border border-border bg-surface p-1 shadow-sm"
      >
        {options.map((option, i) => (
          <li
            key={option.value ?? ""}
            id={optionId(i)}
            role="option"
            aria-selected={option.value === value}
            className={cn(
              "cursor-pointer rounded px-2 py-1.5 text-sm break-words",
              i === activeIndex ? "bg-surface-2" : "hover:bg-surface-2",
              option.value === value && "font-medium",
            )}
            // Keep the focus in the input (a mouse-down would blur it and close the list).
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(option.value, option.label)}
          >
            {option.label}
          </li>
        ))}
      </ul>
      {open && (more || (options.length === 1 && typed && !isFetching)) ? (
        <p role="status" className="text-xs text-muted">
          {more ? `Showing the first ${PICK_LIMIT}: type more of the name.` : "Nobody by that name."}
        </p>
      ) : null}
    </div>
  );
}

/** A person's name by id, for text that names a picker's value outside the picker (a version conflict's row). */
export function usePersonName(personId: string | null | undefined): string | undefined {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.people.pick.queryOptions({ ids: personId ? [personId] : [], limit: 1 }),
    enabled: Boolean(personId),
  });
  return data?.chosen[0]?.name;
}
