"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useForm, useWatch } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { isStaleVersion } from "@/components/forms/version-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StaleSavePanel } from "@/components/ui/stale-save-panel";
import { useStaleText } from "@/components/ui/use-stale-text";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { formatDay } from "@/lib/format";
import { MAX_STATUS_LENGTH } from "@/lib/targets/labels";
import type { StatusFormValues } from "@/lib/validators/targets";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { useSaveStatus } from "./mutations";
import { useFormatDateTime } from "@/components/ui/today";

type Statuses = RouterOutputs["targets"]["statusUpdates"];
type Status = Statuses["items"][number];

const weekOf = (weekStart: string) => `Week of ${formatDay(weekStart)}`;

// The shared schema, loaded with zod on the first submit rather than with the page.
const statusResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.statusForm));

/**
 * The weekly status beside the numbers: once a week the owners (and the
 * controller) say in a sentence or two how it is going. This week's is
 * written here, and rewritten within the week; earlier weeks are the history.
 */
export function TargetStatus({ targetId }: { targetId: string }) {
  const trpc = useTRPC();
  const statuses = useQuery(trpc.targets.statusUpdates.queryOptions({ targetId }));
  const headingId = "target-status-heading";
  const data = statuses.data;
  const latest = data?.items[0] ?? null;
  const earlier = data ? data.items.filter((s) => s !== latest) : [];
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>Weekly status</CardTitle>
        <CardDescription>
          {data?.canWrite
            ? "Once a week, in a sentence or two: how it is going, beside the numbers."
            : "The owners' word on it, once a week."}
        </CardDescription>
      </CardHeader>
      <CardBody className="grid gap-4">
        {statuses.isPending ? (
          <div role="status" className="h-16 animate-pulse rounded bg-surface-2" aria-label="Loading the weekly status" />
        ) : statuses.isError ? (
          <Alert tone="danger">The weekly status could not be loaded: {statuses.error.message}</Alert>
        ) : (
          <>
            {latest ? (
              <StatusEntry status={latest} current={latest.weekStart === data!.weekStart} />
            ) : (
              <p className="text-sm text-muted" data-testid="status-empty">
                No status yet.{data!.canWrite ? " Write this week's below." : " The owners write one each week."}
              </p>
            )}
            {data!.canWrite ? <StatusForm targetId={targetId} statuses={data!} /> : null}
            {earlier.length ? (
              <details className="text-sm">
                <summary className="cursor-pointer text-muted">Earlier weeks ({earlier.length})</summary>
                <ol className="mt-2 grid gap-3" aria-label="Earlier weekly statuses, latest first">
                  {earlier.map((s) => (
                    <li key={s.id}>
                      <StatusEntry status={s} current={false} />
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}

function StatusEntry({ status: s, current }: { status: Status; current: boolean }) {
  const formatDateTime = useFormatDateTime();
  return (
    <figure className="grid gap-1" data-testid="status-entry">
      <blockquote className="whitespace-pre-wrap break-words text-sm">{s.body}</blockquote>
      <figcaption className="text-xs text-muted">
        {current ? "This week" : weekOf(s.weekStart)} · {s.authorName}, {formatDateTime(s.updatedAt)}
      </figcaption>
    </figure>
  );
}

/**
 * This week's status: a new one (version 0) or an edit of the one saved. A
 * save from elsewhere meanwhile (the partner's, another tab's) is refused as a
 * conflict; what was typed stays, beside the saved text, to save over it or take.
 */
function StatusForm({ targetId, statuses }: { targetId: string; statuses: Statuses }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: statusResolver, defaultValues: { body: statuses.thisWeek?.body ?? "" } as StatusFormValues });
  const version = useRef(statuses.thisWeek?.version ?? 0);
  const { saved, setSaved, waysOn } = useStaleText(version, form);
  // Per target and week: last week's unsent text is no draft of this week's status.
  const draft = useFormDraft(form, { kind: "status", id: `${targetId}:${statuses.weekStart}`, fields: ["body"] });
  const save = useSaveStatus({
    onSuccess: (row) => {
      draft.clear();
      version.current = row.version;
      setSaved(null);
      form.reset({ body: row.body });
      toast.success("Status saved.");
    },
  });
  const { submit, formError, clearError } = useSubmit(form, async (values) => {
    try {
      await save.mutateAsync({ ...values, targetId, version: version.current });
    } catch (error) {
      if (isStaleVersion(error)) {
        const latest = await queryClient
          .fetchQuery({ ...trpc.targets.statusUpdates.queryOptions({ targetId }), staleTime: 0 })
          .catch(() => null);
        const week = latest?.thisWeek;
        setSaved(week ? { body: week.body, version: week.version } : null);
        // A new week began since the form was opened: the next save is this week's first.
        if (!week) version.current = 0;
      }
      throw error;
    }
  });
  const { errors, isSubmitting } = form.formState;
  const length = (useWatch({ control: form.control, name: "body" }) ?? "").length;
  return (
    <form noValidate className="grid gap-2" onSubmit={submit}>
      <DraftNotice draft={draft} />
      <Field
        label="This week's status"
        error={errors.body?.message ?? formError ?? undefined}
        hint={`${weekOf(statuses.weekStart)} · ${length}/${MAX_STATUS_LENGTH}${statuses.thisWeek ? " · saving again edits it" : ""}`}
      >
        {(a) => <Textarea {...a} rows={2} maxLength={MAX_STATUS_LENGTH} {...form.register("body")} />}
      </Field>
      {saved ? (
        <StaleSavePanel
          label="The saved status"
          heading="Saved meanwhile:"
          useSavedLabel="Use the saved status"
          saveMineDisabled={isSubmitting}
          {...waysOn(saved, clearError, submit)}
        >
          <p className="whitespace-pre-wrap break-words">{saved.body}</p>
        </StaleSavePanel>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : statuses.thisWeek ? "Update status" : "Save status"}
        </Button>
      </div>
    </form>
  );
}
