import { AppShell } from "@/components/shell/app-shell";
import { requireSession } from "@/server/auth/require-session";
import { TRPCReactProvider } from "@/trpc/react";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireSession();
  return (
    <TRPCReactProvider userId={user.id}>
      <AppShell user={user}>{children}</AppShell>
    </TRPCReactProvider>
  );
}
