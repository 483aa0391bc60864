import { DraftsProvider } from "@/components/forms/drafts";
import { AppShell } from "@/components/shell/app-shell";
import { signOutAction } from "@/server/auth/actions";
import { TimeZoneProvider } from "@/components/ui/today";
import { requireSession } from "@/server/auth/require-session";
import { Toaster } from "@/components/ui/toaster";
import { TRPCReactProvider } from "@/trpc/react";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireSession();
  return (
    <TRPCReactProvider userId={user.id}>
      <TimeZoneProvider timeZone={user.timeZone}>
        {/* Drafts of long text per user, and the ask before leaving a page with unsaved text. */}
        <DraftsProvider userId={user.id}>
          <AppShell user={user} signOutAction={signOutAction}>
            {children}
          </AppShell>
        </DraftsProvider>
      </TimeZoneProvider>
      {/* Here rather than in the root layout: the sign-in pages toast nothing and skip its script. */}
      <Toaster />
    </TRPCReactProvider>
  );
}
