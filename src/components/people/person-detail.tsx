"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ChevronRight, Pencil, RotateCcw } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { cadenceLabel } from "@/lib/people/ladder";
import { PersonOneOnOneSummary } from "@/components/one-on-ones";
import { TargetsFor } from "@/components/targets";
import type { CreatePersonInput } from "@/lib/validators/people";
import { useTRPC } from "@/trpc/react";
import { AddPersonDialog } from "./add-person-dialog";
import { ArchivePersonDialog } from "./archive-person-dialog";
import { useRestorePerson, useUpdatePerson } from "./mutations";
import { PersonForm } from "./person-form";
import { TrackBadge } from "@/components/ui/track-badge";
import { InvitationBadge, InviteButton } from "@/components/members";
import { HandoverLink } from "@/components/handovers";
import { useLevelLabel } from "./use-ladder";

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm">{children || <span className="text-muted">—</span>}</dd>
    </div>
  );
}

type PersonRow = Omit<CreatePersonInput, "email" | "title" | "leads" | "startDate" | "notes" | "cadenceDays"> & {
  email: string | null;
  title: string | null;
  leads: string | null;
  cadenceDays: number | null;
  startDate: string | null;
  notes: string | null;
};

/** A person as the edit form's values. */
function personValues(p: PersonRow): CreatePersonInput {
  return {
    name: p.name,
    email: p.email ?? "",
    title: p.title ?? "",
    track: p.track,
    level: p.level,
    managerId: p.managerId,
    leads: p.leads ?? "",
    cadence: p.cadence,
    cadenceDays: p.cadenceDays,
    startDate: p.startDate ?? "",
    notes: p.notes ?? "",
  };
}

export function PersonDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const levelName = useLevelLabel();
  const { data } = useSuspenseQuery(trpc.people.get.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const update = useUpdatePerson();
  const restore = useRestorePerson();
  const { person, managers, directReports, areas, totalReports } = data;
  const archived = person.archivedAt !== null;
  const activeReports = directReports.filter((r) => !r.archived);

  return (
    <>
      <PageHeader
        title={person.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackBadge track={person.track} />
            <span>{levelName(person.level)}</span>
            {person.title ? <span>· {person.title}</span> : null}
            {archived ? <Badge tone="warning">Archived</Badge> : null}
            <InvitationBadge personId={id} />
          </span>
        }
        actions={
          archived ? (
            <Button
              variant="secondary"
              onClick={() =>
                restore.mutate(
                  { id },
                  {
                    onSuccess: (row) =>
                      toast.success(
                        row.movedToMe ? `${row.name} restored, reporting to you (their manager is archived).` : `${row.name} restored.`,
                      ),
                  },
                )
              }
              disabled={restore.isPending}
            >
              <RotateCcw aria-hidden="true" /> Restore
            </Button>
          ) : (
            <>
              <InviteButton personId={id} personName={person.name} email={person.email ?? null} />
              <Dialog open={editing} onOpenChange={setEditing}>
                <DialogTrigger asChild>
                  <Button variant="secondary">
                    <Pencil aria-hidden="true" /> Edit
                  </Button>
                </DialogTrigger>
                <DialogContent title={`Edit ${person.name}`}>
                  <PersonForm
                    personId={id}
                    defaults={personValues(person)}
                    version={person.version}
                    loadSaved={async () => {
                      const latest = await queryClient.fetchQuery({ ...trpc.people.get.queryOptions({ id }), staleTime: 0 });
                      return { version: latest.person.version, values: personValues(latest.person) };
                    }}
                    submitLabel="Save changes"
                    onCancel={() => setEditing(false)}
                    onSubmit={async (values, version) => {
                      const saved = await update.mutateAsync({ ...values, id, version });
                      setEditing(false);
                      toast.success("Saved.");
                      return saved;
                    }}
                  />
                </DialogContent>
              </Dialog>
              <ArchivePersonDialog person={person} activeReports={activeReports} />
            </>
          )
        }
      />

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Reporting line</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-4">
              <nav aria-label="Reporting line up">
                <ol className="flex flex-wrap items-center gap-1 text-sm">
                  <li className="text-muted">Me</li>
                  {[...managers].reverse().map((m) => (
                    <li key={m.id} className="flex items-center gap-1">
                      <ChevronRight aria-hidden="true" className="size-3 text-muted" />
                      <Link href={`/people/${m.id}`} className="hover:underline">
                        {m.name}
                      </Link>
                    </li>
                  ))}
                  <li className="flex items-center gap-1 font-medium" aria-current="page">
                    <ChevronRight aria-hidden="true" className="size-3 text-muted" />
                    {person.name}
                  </li>
                </ol>
              </nav>
              <div>
                <div className="mb-2 flex items-center justify-between gap-2">
                  <h3 className="text-sm font-medium">
                    Direct reports{" "}
                    <span className="text-muted">
                      ({activeReports.length}; {totalReports} in total below)
                    </span>
                  </h3>
                  {!archived ? <AddPersonDialog managerId={id} label="Add report" /> : null}
                </div>
                {directReports.length === 0 ? (
                  <p className="text-sm text-muted">No one reports to {person.name}.</p>
                ) : (
                  <ul className="divide-y divide-border rounded-md border border-border">
                    {directReports.map((r) => (
                      <li key={r.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                        <span className="flex items-center gap-2">
                          <Link href={`/people/${r.id}`} className="font-medium hover:underline">
                            {r.name}
                          </Link>
                          <TrackBadge track={r.track} />
                          {r.archived ? <Badge>Archived</Badge> : null}
                        </span>
                        <span className="text-muted">
                          {levelName(r.level)}
                          {r.totalReports ? ` · ${r.totalReports} below` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Targets</CardTitle>
            </CardHeader>
            <CardBody>
              <TargetsFor personId={id} emptyText={`${person.name} owns no target yet.`} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Delegation and 1:1s</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-2 text-sm">
              <Link href={`/delegation/${id}`} className="text-accent hover:underline">
                Review {person.name}&apos;s delegated tasks and levels →
              </Link>
              <HandoverLink personId={id} />
              <PersonOneOnOneSummary personId={id} />
            </CardBody>
          </Card>
        </div>

        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Area and partner</CardTitle>
            </CardHeader>
            <CardBody>
              {areas.length === 0 ? (
                <p className="text-sm text-muted">
                  Not part of a pair.{" "}
                  <Link href="/people/areas" className="text-accent underline underline-offset-2">
                    Set up areas
                  </Link>
                </p>
              ) : (
                <ul className="grid gap-3">
                  {areas.map((a) => (
                    <li key={a.id} className="text-sm">
                      <Link href={`/people/areas/${a.id}`} className="font-medium hover:underline">
                        {a.name}
                      </Link>
                      <div className="text-muted">
                        {a.role === "em" ? "EM" : "Senior IC"} of the pair
                        {a.partner ? (
                          <>
                            , with{" "}
                            <Link href={`/people/${a.partner.id}`} className="text-fg underline underline-offset-2">
                              {a.partner.name}
                            </Link>
                          </>
                        ) : (
                          ", no partner yet"
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardBody>
              <dl className="grid gap-3">
                <Detail label={person.track === "manager" ? "Organisation they lead" : "Technical area or initiative"}>
                  {person.leads}
                </Detail>
                <Detail label="Email">{person.email}</Detail>
                <Detail label="1:1 cadence">{cadenceLabel(person.cadence, person.cadenceDays)}</Detail>
                <Detail label="Start date">{person.startDate}</Detail>
                <Detail label="Private notes">{person.notes ? <span className="whitespace-pre-wrap">{person.notes}</span> : null}</Detail>
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
