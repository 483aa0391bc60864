import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ApiTokens } from "@/components/account/api-tokens";
import { CalendarFeed } from "@/components/account/calendar-feed";
import { DeleteAccount } from "@/components/account/delete-account";
import { DigestSetting } from "@/components/account/digest-setting";
import { YourData } from "@/components/account/your-data";
import { ProfileForm } from "@/components/account/profile-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { signOutAction } from "@/server/auth/actions";
import { tokenRequestsPerMinute } from "@/server/api/rest/token-allowance";

export const metadata: Metadata = { title: "Account settings" };

export default async function SettingsPage() {
  await Promise.all([
    prefetch(trpc.account.me.queryOptions()),
    prefetch(trpc.inbox.digest.queryOptions()),
    prefetch(trpc.calendar.feedStatus.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader title="Account settings" />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Profile</CardTitle>
            <CardDescription>How Intersect greets you, and the time zone your days follow.</CardDescription>
          </CardHeader>
          <CardBody>
            <ProfileForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Email digest</CardTitle>
            <CardDescription>What others did that concerns you, by email, for this organisation.</CardDescription>
          </CardHeader>
          <CardBody>
            <DigestSetting />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Calendar feed</CardTitle>
            <CardDescription>Your 1:1s in Google Calendar, Outlook or Apple Calendar, through a private URL.</CardDescription>
          </CardHeader>
          <CardBody>
            <CalendarFeed />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>API tokens</CardTitle>
            <CardDescription>For pushing metric values from monitoring or CI.</CardDescription>
          </CardHeader>
          <CardBody>
            <ApiTokens requestsPerMinute={tokenRequestsPerMinute()} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
          </CardHeader>
          <CardBody>
            <ChangePasswordForm signOutAction={signOutAction} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Your data</CardTitle>
            <CardDescription>
              Yours to take away, or to move to another account. CSV exports of people, targets and tasks are on their pages.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <YourData />
          </CardBody>
        </Card>
        <Card className="border-danger/40">
          <CardHeader>
            <CardTitle>Delete account</CardTitle>
          </CardHeader>
          <CardBody>
            <DeleteAccount signOutAction={signOutAction} />
          </CardBody>
        </Card>
      </div>
    </HydrateClient>
  );
}
