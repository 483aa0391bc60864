"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import {
  ArrowLeft,
  CalendarPlus,
  ChevronRight,
  ClipboardList,
  FileText,
  Gauge,
  Keyboard,
  Layers,
  ListChecks,
  MessageSquare,
  MessageSquarePlus,
  Plus,
  Search,
  Settings,
  Target,
  TrendingUp,
  Users,
  type LucideIcon,
} from "lucide-react";
import { useRouter } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { useAddPoint } from "@/components/one-on-ones";
import { Snippet } from "@/components/ui/snippet";
import type { PaletteActionId } from "@/lib/search/palette-actions";
import { notesSearchQuery } from "@/lib/one-on-ones/search-query";
import { NAV_ITEMS } from "./nav-items";
import { paletteGroups, type PaletteResult, type ResultKind } from "./palette-results";

const SHORTCUTS = [
  ["Ctrl K  /  ⌘ K", "Open the command palette: find a person, target, area, note, talking point, action or page, or run a quick action"],
  [
    "→  /  Tab",
    "In the palette: the actions on the selected result (prep, book a 1:1, check in, new target for an area); ← or Esc goes back",
  ],
  ["?", "Show these shortcuts"],
  ["/", "Search the people list (on People)"],
  ["Enter", "Add a talking point or action, save an inline edit"],
  ["Esc", "Close a dialog, cancel an inline edit"],
] as const;

/**
 * Every word typed appears in the keywords (a page's name, a quick action's):
 * the palette's own entries, filtered here; what the organisation holds is
 * searched on the server (home.search), typos tolerated, and shown as ranked.
 */
function matchesWords(search: string, keywords: string[]) {
  const haystack = keywords.join(" ").toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const KIND_ICONS: Record<ResultKind, LucideIcon> = {
  person: Users,
  target: Target,
  area: Layers,
  note: FileText,
  point: MessageSquare,
  action: ListChecks,
};
const ACTION_ICONS: Record<PaletteActionId, LucideIcon> = {
  open: ChevronRight,
  prep: ClipboardList,
  schedule: CalendarPlus,
  "check-in": TrendingUp,
  "new-target": Plus,
};

const PAGES = [
  ...NAV_ITEMS,
  { href: "/people/org", label: "Org chart", icon: Users },
  { href: "/capacity/plan", label: "Capacity plan", icon: Gauge },
  { href: "/delegation/spectrum", label: "Delegation spectrum", icon: Layers },
  { href: "/delegation/mine", label: "Delegated to me", icon: Layers },
  { href: "/delegation/poker", label: "Delegation poker", icon: Layers },
  { href: "/settings", label: "Account settings", icon: Settings },
];

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm aria-selected:bg-accent-soft aria-selected:text-fg";
const groupClass =
  "[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted";

export type PalettePanelsProps = {
  open: boolean;
  setOpen: (open: boolean) => void;
  help: boolean;
  setHelp: (help: boolean) => void;
};

/**
 * The command palette's dialog and the shortcuts help. Finds people, targets,
 * areas, notes, talking points and actions (home.search, as you type) and
 * pages; quick actions: new target, log energy, add a talking point for a
 * person (typed right here). On a result, → or Tab lists what can be done on
 * it (prep for a report, book a 1:1, check in on a target, a new target for
 * an area); ← or Esc goes back. Loaded on first use by command-palette.tsx, so
 * cmdk is not in every page's scripts.
 */
export default function PalettePanels({ open, setOpen, help, setHelp }: PalettePanelsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [search, setSearch] = useState("");
  // The highlighted item (cmdk's value), to offer the actions on it.
  const [selected, setSelected] = useState("");
  // The result whose actions are listed, and the search to come back to.
  const [actionsOf, setActionsOf] = useState<{ result: PaletteResult; search: string } | null>(null);
  // Adding a talking point: first the person, then the text.
  const [pointFor, setPointFor] = useState<{ id: string; name: string } | null>(null);
  const [choosingPerson, setChoosingPerson] = useState(false);
  // The same rule as the notes search: two characters or more (the procedure refuses fewer).
  const query = notesSearchQuery(useDeferredValue(search));
  const searching = open && !choosingPerson && !pointFor && !actionsOf && query !== null;
  // The person chooser (add a talking point for…) asks the same bounded search for names as they are
  // typed, rather than loading everyone in the organisation with the palette.
  const choosing = open && choosingPerson && !pointFor && query !== null;
  const found = useQuery({
    ...trpc.home.search.queryOptions({ query: query ?? "" }),
    enabled: searching || choosing,
    placeholderData: keepPreviousData,
  });
  // Not the previous query's people while the next answer loads: Enter would add the point for one of them.
  const chooserPeople = choosing && !found.isPlaceholderData ? (found.data?.people ?? []) : [];
  const addPoint = useAddPoint({
    onSuccess: () => {
      toast.success(`Talking point added for ${pointFor?.name}.`);
      close();
    },
    onError: (e) => toast.error(e.data?.fieldErrors?.body ?? e.message),
  });

  const groups = searching ? paletteGroups(found.data) : [];
  const results = groups.flatMap((g) => g.results);
  const current = results.find((r) => r.value === selected);
  const withActions = current && current.actions.length > 1 ? current : undefined;

  function close() {
    setOpen(false);
    setSearch("");
    setPointFor(null);
    setChoosingPerson(false);
    setActionsOf(null);
  }
  const go = (href: string) => {
    close();
    router.push(href);
  };
  const showActions = (result: PaletteResult) => {
    setActionsOf({ result, search });
    setSearch("");
  };
  const back = () => {
    if (!actionsOf) return;
    setSearch(actionsOf.search);
    setSelected(actionsOf.result.value);
    setActionsOf(null);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (!actionsOf && withActions && ((e.key === "ArrowRight" && atEnd) || (e.key === "Tab" && !e.shiftKey))) {
      e.preventDefault();
      showActions(withActions);
    } else if (actionsOf && ((e.key === "ArrowLeft" && input.value === "") || (e.key === "Backspace" && input.value === ""))) {
      e.preventDefault();
      back();
    }
  };
  const pages = PAGES.filter((page) => matchesWords(search, [page.label, "page"]));
  const quick = [
    {
      value: "action:new-target",
      label: "New target",
      keywords: ["new target", "create target"],
      icon: Plus,
      run: () => go("/targets?new=target"),
    },
    { value: "action:log-energy", label: "Log energy", keywords: ["log energy", "capacity"], icon: Gauge, run: () => go("/capacity") },
    {
      value: "action:talking-point",
      label: "Add a talking point for…",
      keywords: ["add talking point", "agenda", "1:1"],
      icon: MessageSquarePlus,
      run: () => {
        setChoosingPerson(true);
        setSearch("");
      },
    },
    {
      value: "action:shortcuts",
      label: "Keyboard shortcuts",
      keywords: ["keyboard shortcuts", "help"],
      icon: Keyboard,
      run: () => {
        close();
        setHelp(true);
      },
    },
  ].filter((q) => matchesWords(search, q.keywords));
  const actionItems = actionsOf ? actionsOf.result.actions.filter((a) => matchesWords(search, [a.label])) : [];

  return (
    <>
      <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
        <DialogContent
          title="Command palette"
          description="Type to find a person, target, area, note, talking point, action or page; → or Tab on a result for its actions."
          className="max-w-xl p-0 [&>div:first-child]:px-5 [&>div:first-child]:pt-5"
          // In a result's actions, Esc goes back to the results rather than closing.
          onEscapeKeyDown={(e) => {
            if (actionsOf) {
              e.preventDefault();
              back();
            }
          }}
        >
          {/* Not the react-hook-form recipe, on purpose: the palette's one text box is cmdk's search and then
              the point's text (what was typed to find the action carries over), and its errors go to a toast. */}
          {pointFor ? (
            <form
              className="grid gap-2 px-5 pb-5"
              onSubmit={(e) => {
                e.preventDefault();
                addPoint.mutate({ personId: pointFor.id, topic: "other", body: search });
              }}
            >
              <label htmlFor="palette-point" className="text-sm font-medium">
                Talking point for {pointFor.name}
              </label>
              <input
                id="palette-point"
                autoFocus
                className="h-10 rounded-md border border-border bg-surface px-3 text-sm"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder="What to talk about… (Enter adds it)"
              />
            </form>
          ) : choosingPerson ? (
            // Filtered by the server (typos tolerated), as the main search.
            <Command label="Command palette" className="grid" loop shouldFilter={false}>
              <div className="flex items-center gap-2 border-y border-border px-4">
                <Search aria-hidden="true" className="size-4 text-muted" />
                <Command.Input
                  autoFocus
                  value={search}
                  onValueChange={setSearch}
                  placeholder="Whose 1:1 agenda? Type a name…"
                  className="h-11 flex-1 bg-transparent text-sm outline-none focus-visible:outline-none"
                />
              </div>
              <Command.List className="max-h-[60vh] overflow-y-auto p-2">
                <Command.Empty className="px-2 py-6 text-center text-sm text-muted">
                  {query === null ? "Type two letters or more of their name." : found.isFetching ? "Searching…" : "Nothing matches."}
                </Command.Empty>
                <Command.Group heading="Add a talking point for" className={groupClass}>
                  {chooserPeople.map((p) => (
                    <Command.Item
                      key={p.id}
                      value={`point:${p.id}`}
                      className={itemClass}
                      onSelect={() => {
                        setPointFor({ id: p.id, name: p.name });
                        setSearch("");
                      }}
                    >
                      <Users aria-hidden="true" className="size-4 text-muted" /> {p.name}
                    </Command.Item>
                  ))}
                </Command.Group>
              </Command.List>
            </Command>
          ) : (
            // Filtered here, not by cmdk: the server's results come ranked, typos included, and cmdk would drop them.
            <Command label="Command palette" className="grid" loop shouldFilter={false} value={selected} onValueChange={setSelected}>
              <div className="flex items-center gap-2 border-y border-border px-4">
                {actionsOf ? (
                  <button
                    type="button"
                    onClick={back}
                    className="rounded p-1 text-muted hover:bg-surface-2 hover:text-fg"
                    aria-label="Back to the results"
                  >
                    <ArrowLeft aria-hidden="true" className="size-4" />
                  </button>
                ) : (
                  <Search aria-hidden="true" className="size-4 text-muted" />
                )}
                <Command.Input
                  autoFocus
                  value={search}
                  onValueChange={setSearch}
                  onKeyDown={onKeyDown}
                  placeholder={actionsOf ? `Actions for ${actionsOf.result.label}…` : "Search people, targets, notes, pages, actions…"}
                  className="h-11 flex-1 bg-transparent text-sm outline-none focus-visible:outline-none"
                />
              </div>
              {/* Busy while a search is in flight (the previous results stay shown meanwhile); data-results-for names the search shown. */}
              <Command.List
                className="max-h-[60vh] overflow-y-auto p-2"
                aria-busy={searching && found.isFetching}
                data-results-for={searching && found.data && !found.isPlaceholderData ? query : ""}
              >
                {actionsOf ? (
                  <Command.Group heading={`Actions for ${actionsOf.result.label}`} className={groupClass}>
                    {actionItems.map((action) => {
                      const Icon = ACTION_ICONS[action.id];
                      return (
                        <Command.Item key={action.id} value={`do:${action.id}`} className={itemClass} onSelect={() => go(action.href)}>
                          <Icon aria-hidden="true" className="size-4 text-muted" /> {action.label}
                        </Command.Item>
                      );
                    })}
                  </Command.Group>
                ) : (
                  <>
                    <Command.Empty className="px-2 py-6 text-center text-sm text-muted">
                      {searching && found.isFetching ? "Searching…" : "Nothing matches."}
                    </Command.Empty>
                    {quick.length ? (
                      <Command.Group heading="Quick actions" className={groupClass}>
                        {quick.map((q) => (
                          <Command.Item key={q.value} value={q.value} className={itemClass} onSelect={q.run}>
                            <q.icon aria-hidden="true" className="size-4 text-muted" /> {q.label}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    ) : null}
                    {groups.map((group) => (
                      <Command.Group key={group.heading} heading={group.heading} className={groupClass}>
                        {group.results.map((result) => (
                          <ResultItem key={result.value} result={result} query={query ?? ""} onSelect={() => go(result.actions[0]!.href)} />
                        ))}
                      </Command.Group>
                    ))}
                    {pages.length ? (
                      <Command.Group heading="Pages" className={groupClass}>
                        {pages.map((item) => (
                          <Command.Item key={item.href} value={`page:${item.href}`} className={itemClass} onSelect={() => go(item.href)}>
                            <item.icon aria-hidden="true" className="size-4 text-muted" /> {item.label}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    ) : null}
                  </>
                )}
              </Command.List>
              {/* The actions on the highlighted result, for the pointer and for phones too (outside the list: no button inside an option). */}
              {!actionsOf && withActions ? (
                <div className="flex items-center justify-between gap-2 border-t border-border px-4 py-2 text-xs text-muted">
                  <span className="truncate">{withActions.label}</span>
                  <button
                    type="button"
                    onClick={() => showActions(withActions)}
                    className="inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 hover:bg-surface-2 hover:text-fg"
                  >
                    Actions <kbd className="rounded border border-border px-1 text-[10px]">→</kbd>
                  </button>
                </div>
              ) : null}
            </Command>
          )}
        </DialogContent>
      </Dialog>
      <Dialog open={help} onOpenChange={setHelp}>
        <DialogContent title="Keyboard shortcuts">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-border bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
                </dt>
                <dd className="text-muted">{what}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** A search result: its kind's icon, its name or title (the match highlighted), what it is, and the rendered text around the match. */
function ResultItem({ result, query, onSelect }: { result: PaletteResult; query: string; onSelect: () => void }) {
  const Icon = KIND_ICONS[result.kind];
  return (
    <Command.Item value={result.value} className={`${itemClass} items-start`} onSelect={onSelect}>
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" />
      <span className="grid min-w-0 flex-1">
        <span className="flex min-w-0 items-baseline gap-2">
          <Snippet text={result.label} query={query} width={200} className="truncate" />
          {result.detail ? <span className="shrink-0 truncate text-xs text-muted">{result.detail}</span> : null}
        </span>
        {result.snippet ? <Snippet text={result.snippet} query={query} width={200} className="line-clamp-2 text-xs text-muted" /> : null}
      </span>
      {result.actions.length > 1 ? <ChevronRight aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" /> : null}
    </Command.Item>
  );
}
