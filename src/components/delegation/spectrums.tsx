"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ButtonRow } from "@/components/ui/button-row";
import { Card, CardBody } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { useActivateSpectrum, useCreateSpectrum, useUpdateSpectrum } from "./mutations";
import { SpectrumEditor, type EditableLevel } from "./spectrum-editor";

function SwitchDialog({ spectrum }: { spectrum: { id: string; name: string } }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const preview = useQuery({ ...trpc.delegation.previewSwitch.queryOptions({ id: spectrum.id }), enabled: open });
  const activate = useActivateSpectrum({
    onSuccess: () => {
      setOpen(false);
      toast.success(`${spectrum.name} is now the organisation’s spectrum.`);
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Switch to this…
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Switch to ${spectrum.name}?`}
        description="Every task moves to the level nearest its current autonomy. Each move is kept in the task's history."
      >
        {preview.isPending ? <p className="text-sm text-muted">Working out the moves…</p> : null}
        {preview.data ? (
          preview.data.tasks.length ? (
            <ul className="mb-4 max-h-64 divide-y divide-border overflow-y-auto rounded-md border border-border text-sm">
              {preview.data.tasks.map((t) => (
                <li key={t.id} className="flex justify-between gap-3 px-3 py-1.5">
                  <span>{t.title}</span>
                  <span className="text-muted">
                    {t.from} → <span className="text-fg">{t.to}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4 text-sm text-muted">No tasks to move.</p>
          )
        ) : null}
        <div data-dialog-footer className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={() => activate.mutate({ id: spectrum.id })} disabled={!preview.data || activate.isPending}>
            Switch
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

function EditDialog({ spectrum }: { spectrum: { id: string; name: string; version: number; levels: EditableLevel[] } }) {
  const [open, setOpen] = useState(false);
  // The spectrum's version when the editor opened: a stale editor's save is refused (it would
  // remove levels added elsewhere since), with its message in the editor and the levels typed kept.
  const [version, setVersion] = useState(spectrum.version);
  const update = useUpdateSpectrum({
    onSuccess: () => {
      setOpen(false);
      toast.success("Spectrum saved.");
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setVersion(spectrum.version);
          update.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          Edit levels
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${spectrum.name}`} className="max-w-2xl">
        <SpectrumEditor
          initialName={spectrum.name}
          initialLevels={spectrum.levels.map(({ id, label, meaning, autonomy }) => ({ id, label, meaning, autonomy }))}
          submitLabel="Save spectrum"
          onCancel={() => setOpen(false)}
          onSubmit={(values) => update.mutateAsync({ id: spectrum.id, version, ...values })}
        />
      </DialogContent>
    </Dialog>
  );
}

function Levels({ levels }: { levels: { id: string; label: string; meaning: string; autonomy: number }[] }) {
  return (
    <ol className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {levels.map((l) => (
        <li key={l.id} className="flex gap-2">
          <span className="w-10 shrink-0 text-right tabular-nums text-muted">{Math.round(l.autonomy * 100)}%</span>
          <span>
            <span className="font-medium">{l.label}</span> <span className="text-muted">{l.meaning}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The spectrum in use, for everyone who delegates (Delegation › Spectrum):
 * its levels, read only. Which presets are offered, and the switch, are the
 * admins' (Organisation settings).
 */
export function ActiveSpectrum({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.delegation.activeSpectrum.queryOptions());
  return (
    <Card>
      <CardBody className="grid gap-3">
        <h2 className="font-semibold">
          {data.name}{" "}
          <Badge tone="accent" className="ml-1">
            In use
          </Badge>
        </h2>
        <Levels levels={data.levels} />
        <p className="text-sm text-muted">
          Every manager in the organisation delegates on these levels.{" "}
          {isAdmin ? (
            <>
              Add a preset, edit the levels or switch in{" "}
              <Link href="/organisation#spectrum" className="text-accent underline-offset-2 hover:underline">
                Organisation settings
              </Link>
              .
            </>
          ) : (
            "An admin of the organisation chooses them."
          )}
        </p>
      </CardBody>
    </Card>
  );
}

/** The spectrums offered to the organisation, for its admins (Organisation settings): presets, custom ones, edit and switch. */
export function Spectrums() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.delegation.spectrums.queryOptions());
  const [customOpen, setCustomOpen] = useState(false);
  const create = useCreateSpectrum({
    onSuccess: (s) => {
      setCustomOpen(false);
      toast.success(`${s.name} added. Switch to it when you are ready.`);
    },
  });
  const has = (kind: string) => data.some((s) => s.kind === kind);
  return (
    <div className="grid gap-4">
      {data.map((s) => (
        <Card key={s.id}>
          <CardBody className="grid gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="font-semibold">
                {s.name}{" "}
                {s.active ? (
                  <Badge tone="accent" className="ml-1">
                    Active
                  </Badge>
                ) : null}
              </h2>
              <span className="flex gap-1">
                <EditDialog spectrum={s} />
                {!s.active ? <SwitchDialog spectrum={s} /> : null}
              </span>
            </div>
            <Levels levels={s.levels} />
          </CardBody>
        </Card>
      ))}
      <ButtonRow>
        {!has("m30") ? (
          <Button variant="secondary" onClick={() => create.mutate({ kind: "m30" })}>
            Add Management 3.0 (7 levels)
          </Button>
        ) : null}
        {!has("situational") ? (
          <Button variant="secondary" onClick={() => create.mutate({ kind: "situational" })}>
            Add Situational Leadership (4 styles)
          </Button>
        ) : null}
        <Dialog open={customOpen} onOpenChange={setCustomOpen}>
          <DialogTrigger asChild>
            <Button variant="secondary">New custom spectrum</Button>
          </DialogTrigger>
          <DialogContent title="New custom spectrum" className="max-w-2xl">
            <SpectrumEditor
              initialName="Our levels"
              initialLevels={[
                { label: "I decide", meaning: "", autonomy: 0 },
                { label: "We decide", meaning: "", autonomy: 0.5 },
                { label: "You decide", meaning: "", autonomy: 1 },
              ]}
              submitLabel="Create spectrum"
              onCancel={() => setCustomOpen(false)}
              onSubmit={(values) => create.mutateAsync({ kind: "custom", ...values })}
            />
          </DialogContent>
        </Dialog>
      </ButtonRow>
    </div>
  );
}
