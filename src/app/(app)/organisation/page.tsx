import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LadderForm } from "@/components/account/ladder-form";
import { Spectrums } from "@/components/delegation/spectrums";
import { DataSources } from "@/components/integrations/data-sources";
import { MembersSettings } from "@/components/members/members-settings";
import { OrganisationNameForm } from "@/components/members/organisation-name-form";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/server/auth/require-session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Organisation settings" };

/** The organisation's own settings, for its admins: its name, members and invitations, the ladder names, the delegation spectrum, the data sources. Anyone else: not found. */
export default async function OrganisationPage() {
  const { actor } = await requireSession();
  if (actor.role !== "admin") notFound();
  await Promise.all([
    prefetch(trpc.members.organisation.queryOptions()),
    prefetch(trpc.members.list.queryOptions()),
    prefetch(trpc.people.ladder.queryOptions()),
    prefetch(trpc.delegation.spectrums.queryOptions()),
    prefetch(trpc.integrations.dataSources.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader title="Organisation settings" description="For admins: who can sign in, and the names the whole organisation uses." />
      <div className="grid max-w-3xl grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Name</CardTitle>
          </CardHeader>
          <CardBody>
            <OrganisationNameForm />
          </CardBody>
        </Card>
        <MembersSettings currentUserId={actor.userId} />
        <Card>
          <CardHeader>
            <CardTitle>Career ladders</CardTitle>
            <CardDescription>The names of the levels on each track, as your company calls them.</CardDescription>
          </CardHeader>
          <CardBody>
            <LadderForm />
          </CardBody>
        </Card>
        <section id="spectrum" aria-labelledby="spectrum-title" className="grid scroll-mt-20 gap-3">
          <div>
            <h2 id="spectrum-title" className="text-lg font-semibold">
              Delegation spectrum
            </h2>
            <p className="text-sm text-muted">
              The levels every manager delegates on: the presets offered, your own, and the one in use. Switching moves every task to its
              nearest level, with the move in its history.
            </p>
          </div>
          <Spectrums />
        </section>
        <section id="data-sources" aria-labelledby="data-sources-title" className="grid scroll-mt-20 gap-3">
          <div>
            <h2 id="data-sources-title" className="text-lg font-semibold">
              Data sources
            </h2>
            <p className="text-sm text-muted">
              Prometheus servers that number metrics can pull their values from. Credentials are stored encrypted and never shown again.
            </p>
          </div>
          <DataSources />
        </section>
      </div>
    </HydrateClient>
  );
}
