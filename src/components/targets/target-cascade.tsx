"use client";

import { useQuery } from "@tanstack/react-query";
import { GitBranchPlus, MoveRight, Unlink } from "lucide-react";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormLoading } from "@/components/forms/form-loading";
import { flatten } from "@/lib/targets/tree";
import { useTRPC } from "@/trpc/react";
import { useCreateTarget, useSetTargetParent } from "./mutations";
import { TargetForm } from "./lazy-forms";
import { defaultTargetValues } from "./target-defaults";
import { TargetBreadcrumb, TargetTreeList, TroubleLine } from "./target-tree";

// The move form (with its list of targets to choose from) loads when the dialog first opens.
const MoveTargetForm = lazy(() => import("./move-target-form"));

/**
 * The targets above this one: the breadcrumb to its root. For its controller:
 * Detach (it becomes top-level, its own sub-targets stay under it) and Move
 * (under another target they set or own; the server refuses a loop or a tree
 * too deep, and says so).
 */
export function TargetLineage({ id, title, canEdit, version }: { id: string; title: string; canEdit: boolean; version: number }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.targets.tree.queryOptions({ id }));
  const detach = useSetTargetParent();
  if (!data || (data.ancestors.length === 0 && !canEdit)) return null;
  const parent = data.ancestors.at(-1);
  return (
    <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
      <TargetBreadcrumb ancestors={data.ancestors} current={title} />
      {canEdit ? (
        <div className="ml-auto flex flex-wrap gap-1">
          <MoveTarget id={id} title={title} version={version} below={flatten(data.tree).map((n) => n.id)} />
          {parent ? (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" aria-label={`Detach from “${parent.title}”`}>
                  <Unlink aria-hidden="true" /> Detach
                </Button>
              }
              title={`Detach “${title}”?`}
              description={`It stops being part of “${parent.title}” and becomes a top-level target; its own sub-targets stay under it. You can put it under a target again later.`}
              confirmLabel="Detach"
              pending={detach.isPending}
              onConfirm={() =>
                detach.mutate(
                  { id, parentId: null, version },
                  {
                    onSuccess: () => toast.success(`“${title}” is a top-level target now.`),
                    onError: (e) => toast.error(e.message),
                  },
                )
              }
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Puts a target under another one the actor set or owns (not itself or one of its own sub-targets, `below`). */
function MoveTarget({ id, title, version, below }: { id: string; title: string; version: number; below: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <MoveRight aria-hidden="true" /> Move under…
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Move “${title}”`}
        description="Put it under a target you set or own: it becomes one of its sub-targets, with its own below it."
      >
        <Suspense fallback={<FormLoading />}>
          <MoveTargetForm id={id} version={version} below={below} onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}

/**
 * The sub-targets under a target: the tree with each branch's health and
 * roll-up, which branch is off track, and, for its controller and owners,
 * "Add sub-target" (owned by people below them, who see it as part of this one).
 */
export function SubTargets({ id, title }: { id: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data, isPending } = useQuery(trpc.targets.tree.queryOptions({ id }));
  const [open, setOpen] = useState(false);
  const create = useCreateTarget();
  if (isPending || !data) return null;
  const { tree, canSplit, truncated } = data;
  if (tree.below === 0 && !canSplit) return null;
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>
          <span id="sub-targets-heading">Sub-targets</span>
        </CardTitle>
        {canSplit ? (
          <Dialog open={open} onOpenChange={setOpen}>
            <DialogTrigger asChild>
              <Button variant="secondary" size="sm">
                <GitBranchPlus aria-hidden="true" /> Add sub-target
              </Button>
            </DialogTrigger>
            <DialogContent
              title="New sub-target"
              description="Split this target for people below you: you set what they hit, they choose how, and everyone above sees how it rolls up."
            >
              <TargetForm
                partOf={title}
                defaults={{ ...defaultTargetValues(), parentId: id }}
                submitLabel="Create sub-target"
                onCancel={() => setOpen(false)}
                onSubmit={async (values) => {
                  const target = await create.mutateAsync({ ...values, parentId: id });
                  setOpen(false);
                  toast.success("Sub-target created. Now add the metrics that measure it.");
                  router.push(`/targets/${target.id}`);
                }}
              />
            </DialogContent>
          </Dialog>
        ) : null}
      </CardHeader>
      <CardBody className="grid gap-3">
        {tree.below === 0 ? (
          <p className="text-sm text-muted">
            No sub-targets yet. Split this target for the people below you (a pair&apos;s part, a team&apos;s part): the tree shows which
            branch is off track.
          </p>
        ) : (
          <>
            <TroubleLine tree={tree} />
            <TargetTreeList tree={tree} />
            {truncated ? (
              <p className="text-xs text-muted">This tree is larger than a page shows: the first 500 targets are here.</p>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}
