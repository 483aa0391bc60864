import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LadderForm } from "@/components/account/ladder-form";
import { MembersSettings } from "@/components/members/members-settings";
import { OrganisationNameForm } from "@/components/members/organisation-name-form";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/server/auth/require-session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Organisation settings" };

/** The organisation's own settings, for its admins: its name, members and invitations, the ladder names. Anyone else: not found. */
export default async function OrganisationPage() {
  const { actor } = await requireSession();
  if (actor.role !== "admin") notFound();
  await Promise.all([
    prefetch(trpc.members.organisation.queryOptions()),
    prefetch(trpc.members.list.queryOptions()),
    prefetch(trpc.people.ladder.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader title="Organisation settings" description="For admins: who can sign in, and the names the whole organisation uses." />
      <div className="grid max-w-3xl gap-6">
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
      </div>
    </HydrateClient>
  );
}
