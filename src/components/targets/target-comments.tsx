"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useForm, useWatch } from "@/components/forms/light-form";
import { toast } from "@/components/ui/toast";
import { DraftNotice, useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { MAX_COMMENT_LENGTH } from "@/lib/targets/labels";
import type { CommentFormValues } from "@/lib/validators/targets";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { useAddComment, useDeleteComment } from "./mutations";
import { useFormatDateTime } from "@/components/ui/today";

type Comment = RouterOutputs["targets"]["comments"]["items"][number];

// The shared schema, loaded with zod on the first submit rather than with the page.
const commentResolver = lazyZodResolver(() => import("@/lib/validators/targets").then((m) => m.commentForm));

/**
 * A target's thread: its controller and owners write, everyone who sees the
 * target reads. Newest at the bottom, earlier ones on demand (a keyset page at
 * a time); each comment with its author and time; the author deletes their
 * own after confirming.
 */
export function TargetComments({ targetId, controllerName }: { targetId: string; controllerName: string | null }) {
  const trpc = useTRPC();
  const thread = useInfiniteQuery(
    trpc.targets.comments.infiniteQueryOptions({ targetId }, { getNextPageParam: (page) => page.olderCursor ?? undefined }),
  );
  const pages = thread.data?.pages ?? [];
  // Page 0 is the newest; earlier pages go above it.
  const comments = [...pages].reverse().flatMap((p) => p.items);
  const canWrite = pages[0]?.canWrite ?? false;
  const headingId = "target-comments-heading";

  return (
    <Card aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>Comments</CardTitle>
        <CardDescription>
          {canWrite
            ? "For the pair and the controller: what changed, what is in the way, what comes next."
            : "The owners and the controller write here; you read along."}
        </CardDescription>
      </CardHeader>
      <CardBody className="grid gap-4">
        {thread.isPending ? (
          <div role="status" className="h-16 animate-pulse rounded bg-surface-2" aria-label="Loading comments" />
        ) : thread.isError ? (
          <Alert tone="danger">The comments could not be loaded: {thread.error.message}</Alert>
        ) : (
          <>
            {thread.hasNextPage ? (
              <div>
                <Button variant="ghost" size="sm" disabled={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
                  {thread.isFetchingNextPage ? "Loading…" : "Show earlier comments"}
                </Button>
              </div>
            ) : null}
            {comments.length === 0 ? (
              <p className="text-sm text-muted" data-testid="comments-empty">
                No comments yet.
                {canWrite
                  ? " Start the thread: a note on this week's numbers, a blocker, a question for your partner."
                  : ` The owners${controllerName ? ` and ${controllerName}` : ""} have not written here yet.`}
              </p>
            ) : (
              <ol className="grid gap-3" aria-label="Comments, oldest first">
                {comments.map((c) => (
                  <CommentItem key={c.id} comment={c} />
                ))}
              </ol>
            )}
            {canWrite ? <AddCommentForm targetId={targetId} /> : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}

function CommentItem({ comment: c }: { comment: Comment }) {
  const formatDateTime = useFormatDateTime();
  const remove = useDeleteComment({ onSuccess: () => toast.success("Comment deleted.") });
  const when = formatDateTime(c.createdAt);
  return (
    <li className="grid gap-1 rounded-md border border-border p-3" data-testid="comment">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        <span>
          <Link href={`/people/${c.authorPersonId}`} className="font-medium text-fg hover:underline">
            {c.authorName}
          </Link>{" "}
          · <time dateTime={c.createdAt.toISOString()}>{when}</time>
        </span>
        {c.mine ? (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" aria-label={`Delete your comment of ${when}`}>
                <Trash2 aria-hidden="true" />
              </Button>
            }
            title="Delete your comment?"
            description="It goes from the thread for everyone who reads it. This cannot be undone."
            confirmLabel="Delete comment"
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ id: c.id })}
          />
        ) : null}
      </div>
      <p className="whitespace-pre-wrap break-words text-sm">{c.body}</p>
    </li>
  );
}

const EMPTY: CommentFormValues = { body: "" };

function AddCommentForm({ targetId }: { targetId: string }) {
  const add = useAddComment();
  const form = useForm({ resolver: commentResolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const draft = useFormDraft(form, { kind: "comment", id: targetId, fields: ["body"] });
  const { submit, formError } = useSubmit(form, async (values) => {
    await add.mutateAsync({ ...values, targetId });
    draft.clear();
    form.reset(EMPTY);
  });
  const length = (useWatch({ control: form.control, name: "body" }) ?? "").length;
  return (
    <form noValidate className="grid gap-2" onSubmit={submit}>
      <DraftNotice draft={draft} />
      <Field
        label="Add a comment"
        error={errors.body?.message ?? formError ?? undefined}
        hint={`Ctrl+Enter to send · ${length.toLocaleString("en")}/${MAX_COMMENT_LENGTH.toLocaleString("en")}`}
      >
        {(a) => (
          <Textarea
            {...a}
            rows={3}
            maxLength={MAX_COMMENT_LENGTH}
            {...form.register("body")}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
        )}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Comment"}
        </Button>
      </div>
    </form>
  );
}
