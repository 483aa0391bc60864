import { ArrowRight } from "lucide-react";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { HealthBadge } from "@/components/ui/health-badge";
import { formatChange, formatValue, relativeDay, sharedDecimals } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/types";

/**
 * The prep's read-only parts: targets then and now, and delegation. No client state, so the
 * prep page renders them on the server (no script for them there); the report's prep and the
 * 1:1's folded context, client components, use them too.
 */

type Prep = RouterOutputs["oneOnOnes"]["prep"];

function Delta({ metric }: { metric: Prep["targets"][number]["metrics"][number] }) {
  const { delta, better } = metric.movement;
  if (delta === null) return <span className="text-muted">{metric.then ? "no change" : "—"}</span>;
  if (delta === 0) return <span className="text-muted">no change</span>;
  // The change is written with the precision of the two values it is between (one rule: lib/format).
  const text = formatChange(delta, metric.unit, sharedDecimals([metric.then?.value, metric.latest?.value]));
  // Better or worse in words as well as colour.
  const tone = better === true ? "text-success" : better === false ? "text-danger" : "text-muted";
  return (
    <span className={`font-medium tabular-nums ${tone}`}>
      {text} <span className="sr-only">({better === true ? "better" : better === false ? "worse" : "moved"})</span>
      <span aria-hidden="true">{better === true ? "▲ better" : better === false ? "▼ worse" : ""}</span>
    </span>
  );
}

/** Targets with each metric then (at the last 1:1), now, and the change: on both prep pages. */
export function Targets({ targets, empty }: { targets: Prep["targets"]; empty: string }) {
  if (targets.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="grid gap-4">
      {targets.map((t) => (
        <li key={t.id} className="grid gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/targets/${t.id}`} className="font-medium hover:underline">
              {t.title}
            </Link>
            {t.health.direction !== "same" && t.health.then ? (
              <span className="flex items-center gap-1 text-xs text-muted">
                <HealthBadge health={t.health.then} /> <ArrowRight role="img" aria-label="became" className="size-3" />{" "}
                <HealthBadge health={t.health.now} />
              </span>
            ) : t.status === "active" ? (
              <HealthBadge health={t.health.now} />
            ) : (
              <Badge>{t.status[0]!.toUpperCase() + t.status.slice(1)}</Badge>
            )}
          </div>
          {t.metrics.length ? (
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Metric
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    At last 1:1
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Latest
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {t.metrics.map((m) => (
                  <tr key={m.id} className="border-t border-border">
                    <td className="py-1 pr-2">{m.name}</td>
                    <td className="py-1 pr-2 tabular-nums text-muted">
                      {m.kind === "milestone" ? "—" : formatValue(m.then?.value, m.unit, sharedDecimals([m.then?.value, m.latest?.value]))}
                    </td>
                    <td className="py-1 pr-2 tabular-nums">
                      {m.kind === "milestone"
                        ? "Milestone"
                        : formatValue(m.latest?.value, m.unit, sharedDecimals([m.then?.value, m.latest?.value]))}
                    </td>
                    <td className="py-1">{m.kind === "milestone" ? null : <Delta metric={m} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function Delegation({ prep }: { prep: Prep }) {
  const empty = prep.levelChanges.length === 0 && prep.reviewsDue.length === 0 && prep.tightHeld.length === 0;
  if (empty)
    return <p className="text-sm text-muted">No level changes since the last 1:1, no reviews due, nothing held tighter than suggested.</p>;
  return (
    <div className="grid gap-3 text-sm">
      {prep.levelChanges.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Level changes since the last 1:1</h3>
          <ul className="mt-1 grid gap-1">
            {prep.levelChanges.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.taskTitle}</span>: {c.fromLabel ?? "new"} →{" "}
                <span className="font-medium">{c.toLabel}</span>
                {c.fromAutonomy !== null ? (
                  <Badge className="ml-2" tone={c.toAutonomy > c.fromAutonomy ? "success" : "warning"}>
                    {c.toAutonomy > c.fromAutonomy ? "More autonomy" : "Less autonomy"}
                  </Badge>
                ) : null}
                {c.reason ? <span className="text-muted">: {c.reason}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {prep.reviewsDue.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Reviews due</h3>
          <ul className="mt-1 grid gap-1">
            {prep.reviewsDue.map((t) => (
              <li key={t.id}>
                {t.title} <span className="text-muted">(review {t.reviewDate ? relativeDay(t.reviewDate, prep.today) : ""})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {prep.tightHeld.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Held tighter than suggested</h3>
          <ul className="mt-1 grid gap-1">
            {prep.tightHeld.map((t) => (
              <li key={t.id}>
                {t.title}: {t.level}, suggested {t.suggested}{" "}
                <span className="text-muted">(since {relativeDay(t.levelSinceDay, prep.today)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Link href={`/delegation/${prep.person.id}`} className="text-accent hover:underline print:hidden">
        Delegation review
      </Link>
    </div>
  );
}
