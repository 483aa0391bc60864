"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { useLevelLabel } from "@/components/people";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { TargetsFor } from "@/components/targets";
import { useTRPC } from "@/trpc/react";
import { AreaForm } from "./area-form";
import { useDeleteArea, useUpdateArea } from "./mutations";

export function AreaDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const levelName = useLevelLabel();
  const { data: area } = useSuspenseQuery(trpc.areas.get.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const update = useUpdateArea();
  const remove = useDeleteArea();
  return (
    <>
      <PageHeader
        title={area.name}
        description={area.description ?? undefined}
        actions={
          <>
            <Dialog open={editing} onOpenChange={setEditing}>
              <DialogTrigger asChild>
                <Button variant="secondary">
                  <Pencil aria-hidden="true" /> Edit
                </Button>
              </DialogTrigger>
              <DialogContent title={`Edit ${area.name}`}>
                <AreaForm
                  draftId={area.id}
                  defaults={{
                    name: area.name,
                    description: area.description ?? "",
                    emPersonId: area.emPersonId,
                    icPersonId: area.icPersonId,
                  }}
                  submitLabel="Save changes"
                  onCancel={() => setEditing(false)}
                  onSubmit={async (values) => {
                    await update.mutateAsync({ ...values, id });
                    setEditing(false);
                    toast.success("Saved.");
                  }}
                />
              </DialogContent>
            </Dialog>
            <ConfirmDialog
              trigger={
                <Button variant="secondary">
                  <Trash2 aria-hidden="true" /> Delete
                </Button>
              }
              title={`Delete ${area.name}?`}
              description="The area and its pairing are removed. The people stay."
              confirmLabel="Delete area"
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutate(
                  { id },
                  {
                    onSuccess: () => {
                      router.push("/people/areas");
                      toast.success(`${area.name} deleted.`);
                    },
                  },
                )
              }
            />
          </>
        }
      />
      <div className="grid gap-6 md:grid-cols-2">
        {(
          [
            ["Engineering manager", area.em, "Leads the organisation: the team, people and processes."],
            ["Senior IC", area.ic, "Leads the technical direction: the solution and how it is built."],
          ] as const
        ).map(([role, p, what]) => (
          <Card key={role}>
            <CardHeader>
              <CardTitle>{role}</CardTitle>
            </CardHeader>
            <CardBody>
              {p ? (
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <Link href={`/people/${p.id}`} className="font-medium hover:underline">
                    {p.name}
                  </Link>
                  <TrackBadge track={p.track} />
                  <span className="text-muted">{levelName(p.level)}</span>
                </div>
              ) : (
                <p className="text-sm text-muted">Not set: edit the area to choose.</p>
              )}
              <p className="mt-2 text-xs text-muted">{what}</p>
            </CardBody>
          </Card>
        ))}
        <Card className="md:col-span-2">
          <CardHeader>
            <CardTitle>Shared targets</CardTitle>
          </CardHeader>
          <CardBody>
            <TargetsFor areaId={id} emptyText="No target for this area yet: create one on the Targets page and choose this area." />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
