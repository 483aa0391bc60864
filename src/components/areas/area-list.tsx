"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/trpc/react";
import { AreaForm } from "./area-form";
import { useCreateArea } from "./mutations";

export function NewAreaButton() {
  const [open, setOpen] = useState(false);
  const create = useCreateArea();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> New area
        </Button>
      </DialogTrigger>
      <DialogContent title="New area" description="An area of your org that an EM and a senior IC oversee together.">
        <AreaForm
          defaults={{ name: "", description: "", emPersonId: null, icPersonId: null }}
          submitLabel="Create area"
          onCancel={() => setOpen(false)}
          onSubmit={async (values) => {
            const area = await create.mutateAsync(values);
            setOpen(false);
            toast.success(`${area.name} created.`);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

export function AreaList() {
  const trpc = useTRPC();
  const { data: areas } = useSuspenseQuery(trpc.areas.list.queryOptions());
  if (areas.length === 0) {
    return (
      <EmptyState
        title="No areas yet"
        body="An area pairs an engineering manager with a staff engineer who oversee it together, and share its targets."
        actions={<NewAreaButton />}
      />
    );
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {areas.map((a) => (
        <li key={a.id}>
          <Card className="h-full">
            <CardBody className="grid gap-3">
              <div>
                <Link href={`/people/areas/${a.id}`} className="font-semibold hover:underline">
                  {a.name}
                </Link>
                {a.description ? <p className="mt-1 text-sm text-muted">{a.description}</p> : null}
              </div>
              <dl className="grid gap-1.5 text-sm">
                {[
                  ["EM", a.em],
                  ["Senior IC", a.ic],
                ].map(([role, p]) => (
                  <div key={role as string} className="flex items-center gap-2">
                    <dt className="w-20 text-muted">{role as string}</dt>
                    <dd className="flex items-center gap-2">
                      {p && typeof p === "object" ? (
                        <>
                          <Link href={`/people/${p.id}`} className="hover:underline">
                            {p.name}
                          </Link>
                          <TrackBadge track={p.track} />
                        </>
                      ) : (
                        <span className="text-muted">Not set</span>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
        </li>
      ))}
    </ul>
  );
}
