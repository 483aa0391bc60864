"use client";

import { useId, useMemo, useRef } from "react";
import { useForm, useWatch } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { isStaleVersion } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { reviewSuggestions } from "@/lib/energy/suggestions";
import { energyWord } from "@/lib/energy/weekly";
import type { weeklyReviewInput } from "@/lib/validators/capacity";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import type { RouterOutputs } from "@/trpc/types";
import { LevelBadge, levelBar } from "@/components/ui/level-badge";
import { useSaveWeeklyReview } from "./mutations";
import { DISPLAY_LOCALE } from "@/lib/format";
import { ProductiveHoursChart } from "./productive-hours-chart";
import { EnergyFigure } from "./energy-figure";

type Week = RouterOutputs["energy"]["week"];

/** Activities from most draining to most energising, each with its average and how many entries it rests on. */
function ByActivity({ tags }: { tags: Week["stats"]["tags"] }) {
  if (tags.length === 0)
    return (
      <p className="text-sm text-muted">Tag your entries with what you did to see which activities drain you and which restore you.</p>
    );
  return (
    <ol className="grid gap-2" aria-label="Energy by activity, most draining first">
      {tags.map((t) => (
        <li key={t.tag} className="grid grid-cols-[8rem_1fr_auto] items-center gap-3 text-sm">
          <span className="truncate font-medium" title={t.tag}>
            {t.tag}
          </span>
          <span className="h-2 rounded-full bg-surface-2" aria-hidden="true">
            <span className={`block h-2 rounded-full ${levelBar(t.average)}`} style={{ width: `${(t.average / 10) * 100}%` }} />
          </span>
          <span className="whitespace-nowrap text-xs text-muted tabular-nums">
            {t.average.toFixed(1)} {energyWord(t.average)} · {t.entries} entr{t.entries === 1 ? "y" : "ies"}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Trend({ trend }: { trend: Week["trend"] }) {
  return (
    <ol className="flex items-end gap-1 sm:gap-2" aria-label="Average energy by week, oldest first">
      {trend.map((w) => (
        <li key={w.weekStart} className="grid min-w-0 flex-1 justify-items-center gap-1 text-[10px] text-muted sm:text-xs">
          <span className="tabular-nums">{w.average === null ? "—" : w.average.toFixed(1)}</span>
          <span className="flex h-16 w-full items-end rounded bg-surface-2" aria-hidden="true">
            {w.average !== null ? (
              <span className={`block w-full rounded ${levelBar(w.average)}`} style={{ height: `${(w.average / 10) * 100}%` }} />
            ) : null}
          </span>
          <span className="max-w-full truncate">
            {new Date(`${w.weekStart}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { day: "numeric", month: "short", timeZone: "UTC" })}
          </span>
        </li>
      ))}
    </ol>
  );
}

const QUESTIONS = [
  { key: "drains", label: "Which activities consistently drained your energy?" },
  { key: "restores", label: "Which activities increased it?" },
  { key: "change", label: "What can you do next week to improve your capacity?" },
] as const;

/** The answers; the week and the version the text started from travel beside them. */
type Answers = Omit<z.input<typeof weeklyReviewInput>, "version">;
// The shared schema without the version, loaded with zod on the first save: the page shows the form from the start.
const answersResolver = lazyZodResolver(() => import("@/lib/validators/capacity").then((m) => m.weeklyReviewInput.omit({ version: true })));

/**
 * A suggested answer from the week's log, marked as one. "Use suggestion" puts
 * it in the field only while the field is empty: typed, restored or saved text
 * is never replaced, and the text put in is the user's to change before saving.
 */
function Suggestion({ id, text, canUse, onUse }: { id: string; text: string; canUse: boolean; onUse: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-md border border-dashed border-border bg-surface-2 px-3 py-2 text-xs">
      <p id={id} className="min-w-0 flex-1 text-muted">
        <span className="font-medium text-fg">Suggestion from your log: </span>
        {text}
      </p>
      {canUse ? (
        <Button size="sm" variant="secondary" onClick={onUse} aria-describedby={id}>
          Use suggestion
        </Button>
      ) : null}
    </div>
  );
}

/** Keyed by the week: another week's answers mount afresh, while a refetch never replaces what is being typed. */
function ReviewAnswers({ week }: { week: Week }) {
  const form = useForm<Answers>({
    resolver: answersResolver,
    defaultValues: {
      weekStart: week.weekStart,
      drains: week.review?.drains ?? "",
      restores: week.review?.restores ?? "",
      change: week.review?.change ?? "",
    },
  });
  // The answers' version the text here started from (0: none saved yet), sent with the save;
  // a save from another tab meanwhile is refused as a conflict.
  const version = useRef(week.review?.version ?? 0);
  const draft = useFormDraft(form, { kind: "weekly-review", id: week.weekStart, fields: ["drains", "restores", "change"] });
  const save = useSaveWeeklyReview({
    onSuccess: (row) => {
      draft.clear();
      version.current = row.version;
      toast.success("Review saved.");
    },
  });
  const { submit, formError } = useSubmit(form, (answers) => save.mutateAsync({ ...answers, version: version.current }));
  const { errors, isSubmitting } = form.formState;
  // From the week as it is now: logging another entry updates them, never the text in the fields.
  const suggestions = useMemo(() => reviewSuggestions(week.stats), [week.stats]);
  const values = useWatch({ control: form.control, name: ["drains", "restores", "change"] });
  const empty = { drains: !values[0]?.trim(), restores: !values[1]?.trim(), change: !values[2]?.trim() };
  const idBase = useId();
  return (
    <form noValidate className="grid gap-3" onSubmit={submit}>
      <DraftNotice draft={draft} />
      {formError ? (
        <Alert tone="danger">
          {formError}
          {isStaleVersion(save.error) ? " Copy it, reload the page to see the saved answers, then save again." : null}
        </Alert>
      ) : null}
      {QUESTIONS.map((q) => {
        const suggestion = suggestions[q.key];
        const suggestionId = `${idBase}-${q.key}-suggestion`;
        return (
          <div key={q.key} className="grid gap-1.5">
            <Field label={q.label} error={errors[q.key]?.message}>
              {(a) => (
                <Textarea
                  {...a}
                  aria-describedby={[a["aria-describedby"], suggestion ? suggestionId : null].filter(Boolean).join(" ") || undefined}
                  rows={2}
                  {...form.register(q.key)}
                />
              )}
            </Field>
            {suggestion ? (
              <Suggestion
                id={suggestionId}
                text={suggestion}
                canUse={empty[q.key]}
                onUse={() => {
                  // Dirty, like typing: the draft keeps it and leaving the page asks.
                  form.setValue(q.key, suggestion, { shouldDirty: true });
                  form.setFocus(q.key);
                }}
              />
            ) : null}
          </div>
        );
      })}
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save review"}
        </Button>
      </div>
    </form>
  );
}

/** The weekly review: the three daily points, productive hours, activities ranked, the trend, and the questions. */
export function WeeklyReview({ week }: { week: Week }) {
  const { stats } = week;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Energy across the week</CardTitle>
          <CardDescription>
            {stats.average === null ? (
              "Nothing logged this week yet."
            ) : (
              <span className="flex flex-wrap items-center gap-2">
                Average <LevelBadge level={stats.average} /> from {stats.logged} entr{stats.logged === 1 ? "y" : "ies"}
                {stats.missing ? `, ${stats.missing} slot${stats.missing === 1 ? "" : "s"} not logged` : ""} ·{" "}
                {stats.productiveHours === null ? "no productive hours logged" : `${stats.productiveHours} productive hours`}
              </span>
            )}
          </CardDescription>
        </CardHeader>
        {stats.logged || stats.productiveHours !== null ? (
          <CardBody className="grid gap-4">
            {stats.logged ? <EnergyFigure days={stats.days} /> : null}
            {stats.productiveHours !== null ? <ProductiveHoursChart days={stats.days} /> : null}
          </CardBody>
        ) : null}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>What drains and what restores</CardTitle>
          <CardDescription>Average energy by activity this week, most draining first.</CardDescription>
        </CardHeader>
        <CardBody>
          <ByActivity tags={stats.tags} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Trend</CardTitle>
          <CardDescription>Average energy over the last {week.trend.length} weeks.</CardDescription>
        </CardHeader>
        <CardBody>
          <Trend trend={week.trend} />
        </CardBody>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Your review of the week</CardTitle>
          <CardDescription>What patterns do you see? Answer for yourself; only you see this.</CardDescription>
        </CardHeader>
        <CardBody>
          <ReviewAnswers key={week.weekStart} week={week} />
        </CardBody>
      </Card>
    </div>
  );
}
