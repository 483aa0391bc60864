"use client";

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Gauge, Keyboard, Layers, MessageSquarePlus, Plus, Search, Settings, Target, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { useAddPoint } from "@/components/one-on-ones";
import { NAV_ITEMS } from "./nav-items";

const SHORTCUTS = [
  ["Ctrl K  /  ⌘ K", "Open the command palette: jump to a person, target, area or page, or run a quick action"],
  ["?", "Show these shortcuts"],
  ["/", "Search the people list (on People)"],
  ["Enter", "Add a talking point or action, save an inline edit"],
  ["Esc", "Close a dialog, cancel an inline edit"],
] as const;

/** Every word typed appears in the item's keywords (a name, a title): predictable, unlike fuzzy matching. */
function matchWords(_value: string, search: string, keywords?: string[]) {
  const haystack = (keywords ?? []).join(" ").toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
    ? 1
    : 0;
}

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
 * The command palette's dialog and the shortcuts help. Jumps to any person,
 * target, area or page; quick actions: new target, log energy, add a talking
 * point for a person (typed right here). Loaded on first use by
 * command-palette.tsx, so cmdk is not in every page's scripts.
 */
export default function PalettePanels({ open, setOpen, help, setHelp }: PalettePanelsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [search, setSearch] = useState("");
  // Adding a talking point: first the person, then the text.
  const [pointFor, setPointFor] = useState<{ id: string; name: string } | null>(null);
  const [choosingPerson, setChoosingPerson] = useState(false);
  const { data } = useQuery({ ...trpc.home.palette.queryOptions(), enabled: open });
  const addPoint = useAddPoint({
    onSuccess: () => {
      toast.success(`Talking point added for ${pointFor?.name}.`);
      close();
    },
    onError: (e) => toast.error(e.data?.fieldErrors?.body ?? e.message),
  });

  function close() {
    setOpen(false);
    setSearch("");
    setPointFor(null);
    setChoosingPerson(false);
  }
  const go = (href: string) => {
    close();
    router.push(href);
  };

  return (
    <>
      <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
        <DialogContent
          title="Command palette"
          description="Type to jump to a person, target, area or page, or run a quick action."
          className="max-w-xl p-0 [&>div:first-child]:px-5 [&>div:first-child]:pt-5"
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
          ) : (
            <Command label="Command palette" className="grid" loop filter={matchWords}>
              <div className="flex items-center gap-2 border-y border-border px-4">
                <Search aria-hidden="true" className="size-4 text-muted" />
                <Command.Input
                  autoFocus
                  value={search}
                  onValueChange={setSearch}
                  placeholder={choosingPerson ? "Whose 1:1 agenda? Type a name…" : "Search people, targets, areas, pages, actions…"}
                  className="h-11 flex-1 bg-transparent text-sm outline-none focus-visible:outline-none"
                />
              </div>
              <Command.List className="max-h-[60vh] overflow-y-auto p-2">
                <Command.Empty className="px-2 py-6 text-center text-sm text-muted">Nothing matches.</Command.Empty>
                {choosingPerson ? (
                  <Command.Group heading="Add a talking point for" className={groupClass}>
                    {data?.people.map((p) => (
                      <Command.Item
                        key={p.id}
                        value={`point:${p.id}`}
                        keywords={[p.name]}
                        className={itemClass}
                        onSelect={() => {
                          setPointFor(p);
                          setSearch("");
                        }}
                      >
                        <Users aria-hidden="true" className="size-4 text-muted" /> {p.name}
                      </Command.Item>
                    ))}
                  </Command.Group>
                ) : (
                  <>
                    <Command.Group heading="Quick actions" className={groupClass}>
                      <Command.Item
                        value="action:new-target"
                        keywords={["new target", "create target"]}
                        className={itemClass}
                        onSelect={() => go("/targets?new=target")}
                      >
                        <Plus aria-hidden="true" className="size-4 text-muted" /> New target
                      </Command.Item>
                      <Command.Item
                        value="action:log-energy"
                        keywords={["log energy", "capacity"]}
                        className={itemClass}
                        onSelect={() => go("/capacity")}
                      >
                        <Gauge aria-hidden="true" className="size-4 text-muted" /> Log energy
                      </Command.Item>
                      <Command.Item
                        value="action:talking-point"
                        keywords={["add talking point", "agenda", "1:1"]}
                        className={itemClass}
                        onSelect={() => {
                          setChoosingPerson(true);
                          setSearch("");
                        }}
                      >
                        <MessageSquarePlus aria-hidden="true" className="size-4 text-muted" /> Add a talking point for…
                      </Command.Item>
                      <Command.Item
                        value="action:shortcuts"
                        keywords={["keyboard shortcuts", "help"]}
                        className={itemClass}
                        onSelect={() => {
                          close();
                          setHelp(true);
                        }}
                      >
                        <Keyboard aria-hidden="true" className="size-4 text-muted" /> Keyboard shortcuts
                      </Command.Item>
                    </Command.Group>
                    {data?.people.length ? (
                      <Command.Group heading="People" className={groupClass}>
                        {data.people.map((p) => (
                          <Command.Item
                            key={p.id}
                            value={`person:${p.id}`}
                            keywords={[p.name, p.title ?? ""]}
                            className={itemClass}
                            onSelect={() => go(`/people/${p.id}`)}
                          >
                            <Users aria-hidden="true" className="size-4 text-muted" /> {p.name}
                            {p.title ? (
                              <span className="truncate text-xs text-muted" title={p.title}>
                                {p.title}
                              </span>
                            ) : null}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    ) : null}
                    {data?.targets.length ? (
                      <Command.Group heading="Targets" className={groupClass}>
                        {data.targets.map((t) => (
                          <Command.Item
                            key={t.id}
                            value={`target:${t.id}`}
                            keywords={[t.title, "target"]}
                            className={itemClass}
                            onSelect={() => go(`/targets/${t.id}`)}
                          >
                            <Target aria-hidden="true" className="size-4 text-muted" /> {t.title}
                            {t.status !== "active" ? <span className="text-xs text-muted">{t.status}</span> : null}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    ) : null}
                    {data?.areas.length ? (
                      <Command.Group heading="Areas" className={groupClass}>
                        {data.areas.map((a) => (
                          <Command.Item
                            key={a.id}
                            value={`area:${a.id}`}
                            keywords={[a.name, "area"]}
                            className={itemClass}
                            onSelect={() => go(`/people/areas/${a.id}`)}
                          >
                            <Layers aria-hidden="true" className="size-4 text-muted" /> {a.name}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    ) : null}
                    <Command.Group heading="Pages" className={groupClass}>
                      {[
                        ...NAV_ITEMS,
                        { href: "/people/org", label: "Org chart", icon: Users },
                        { href: "/capacity/plan", label: "Capacity plan", icon: Gauge },
                        { href: "/delegation/spectrum", label: "Delegation spectrum", icon: Layers },
                        { href: "/delegation/mine", label: "Delegated to me", icon: Layers },
                        { href: "/delegation/poker", label: "Delegation poker", icon: Layers },
                        { href: "/settings", label: "Account settings", icon: Settings },
                      ].map((item) => (
                        <Command.Item
                          key={item.href}
                          value={`page:${item.href}`}
                          keywords={[item.label, "page"]}
                          className={itemClass}
                          onSelect={() => go(item.href)}
                        >
                          <item.icon aria-hidden="true" className="size-4 text-muted" /> {item.label}
                        </Command.Item>
                      ))}
                    </Command.Group>
                  </>
                )}
              </Command.List>
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
