import { HEALTH_LABELS, type Health } from "@/lib/targets/status";
import { formatValue, sharedDecimals } from "@/lib/format";
import { escapeMarkdown } from "@/lib/markdown/escape";
import { inertMarkdown } from "@/lib/markdown/inert-markdown";
import { TOPIC_LABELS, type Topic } from "./agenda";
import type { Suggestion } from "./suggestions";

/** The parts of the prep page the markdown export needs. */
export type PrepForExport = {
  person: { name: string };
  today: string;
  since: Date | null;
  targets: {
    title: string;
    health: { then: Health | null; now: Health | null; direction: string };
    metrics: {
      name: string;
      unit: string | null;
      then: { value: number } | null;
      latest: { value: number } | null;
      movement: { delta: number | null };
    }[];
  }[];
  levelChanges: { taskTitle: string; fromLabel: string | null; toLabel: string; reason: string | null }[];
  reviewsDue: { title: string; reviewDate: string | null }[];
  actions: { mine: ExportAction[]; theirs: ExportAction[] };
  agenda: { topic: Topic; body: string; raisedBy: "me" | "them"; carriedOver: number; author?: { label: string; you: boolean } | null }[];
  /** What the report added to the agenda since the last 1:1 (the shared 1:1); absent: not shown. */
  addedByThem?: { topic: Topic; body: string }[];
  lastNotes: { kind: string; body: string; situation: string | null; behaviour: string | null; impact: string | null; private: boolean }[];
  goals: { title: string; status: string }[];
  suggestions: Suggestion[];
};
type ExportAction = { title: string; dueDate: string | null; overdue: boolean };

export { escapeMarkdown };

/** A number with its unit, the unit being user text. */
function value(v: number | null | undefined, unit: string | null, decimals?: number) {
  return formatValue(v, unit && escapeMarkdown(unit), decimals);
}

function signed(delta: number, unit: string | null, decimals?: number) {
  return `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${value(Math.abs(delta), unit, decimals)}`;
}

/**
 * The prep page as markdown, to paste into a shared doc or keep. Private notes
 * never leave the account, so they are left out (and the export says so).
 */
export function prepMarkdown(prep: PrepForExport): string {
  const e = escapeMarkdown;
  const lines: string[] = [
    `# 1:1 prep: ${e(prep.person.name)}`,
    "",
    `Prepared ${prep.today}${prep.since ? `; changes since the last 1:1 on ${prep.since.toISOString().slice(0, 10)}` : "; no earlier 1:1"}.`,
    "",
  ];
  const section = (title: string, items: string[], empty: string) => {
    lines.push(`## ${title}`, "", ...(items.length ? items : [`_${empty}_`]), "");
  };
  section(
    "Agenda",
    prep.agenda.map(
      (p) =>
        `- [ ] **${TOPIC_LABELS[p.topic]}**: ${e(p.body)}${p.author && !p.author.you ? ` (added by ${e(p.author.label)})` : p.raisedBy === "them" ? " (theirs)" : ""}${p.carriedOver ? ` _(carried over${p.carriedOver > 1 ? ` ${p.carriedOver}×` : ""})_` : ""}`,
    ),
    "Nothing on the agenda yet.",
  );
  if (prep.addedByThem)
    section(
      `What ${e(prep.person.name.split(" ")[0] ?? prep.person.name)} added since the last 1:1`,
      prep.addedByThem.map((p) => `- **${TOPIC_LABELS[p.topic]}**: ${e(p.body)}`),
      "Nothing added since.",
    );
  section(
    "Suggested talking points",
    prep.suggestions.map((s) => `- ${e(s.body)}: ${e(s.why)}`),
    "No suggestions.",
  );
  section(
    "Targets",
    prep.targets.flatMap((t) => [
      `- **${e(t.title)}**: ${t.health.now ? HEALTH_LABELS[t.health.now] : "not judged"}${t.health.direction !== "same" && t.health.then ? ` (was ${HEALTH_LABELS[t.health.then]})` : ""}`,
      ...t.metrics.map(
        (m) =>
          `  - ${e(m.name)}: ${value(m.latest?.value, m.unit, sharedDecimals([m.then?.value, m.latest?.value]))}${m.movement.delta !== null ? ` (${signed(m.movement.delta, m.unit, sharedDecimals([m.then?.value, m.latest?.value]))} since last 1:1)` : ""}`,
      ),
    ]),
    "No targets.",
  );
  section(
    "Delegation",
    [
      ...prep.levelChanges.map(
        (c) => `- ${e(c.taskTitle)}: ${e(c.fromLabel ?? "new")} → ${e(c.toLabel)}${c.reason ? `: ${e(c.reason)}` : ""}`,
      ),
      ...prep.reviewsDue.map((t) => `- Review due: ${e(t.title)} (${t.reviewDate})`),
    ],
    "No delegation changes or reviews due.",
  );
  const action = (a: ExportAction) => `- [ ] ${e(a.title)}${a.dueDate ? ` (due ${a.dueDate}${a.overdue ? ", overdue" : ""})` : ""}`;
  section("My open actions", prep.actions.mine.map(action), "None.");
  section("Their open actions", prep.actions.theirs.map(action), "None.");
  const shared = prep.lastNotes.filter((n) => !n.private);
  const kept = prep.lastNotes.length - shared.length;
  section(
    "Last 1:1's notes",
    [
      ...shared.flatMap((n) => [
        `### ${e(n.kind[0]!.toUpperCase() + n.kind.slice(1))}`,
        ...(n.situation ? [`**Situation:** ${e(n.situation)}`, ""] : []),
        ...(n.behaviour ? [`**Behaviour:** ${e(n.behaviour)}`, ""] : []),
        ...(n.impact ? [`**Impact:** ${e(n.impact)}`, ""] : []),
        // A note is markdown already: kept, with raw HTML and links the app would not render made inert.
        ...(n.body ? [inertMarkdown(n.body), ""] : []),
      ]),
      ...(kept ? [`_${kept} private note${kept === 1 ? "" : "s"} not exported._`] : []),
    ],
    "No notes from the last 1:1.",
  );
  section(
    "Growth goals",
    prep.goals.filter((g) => g.status === "active").map((g) => `- ${e(g.title)}`),
    "No active growth goals.",
  );
  return `${lines.join("\n").trimEnd()}\n`;
}
