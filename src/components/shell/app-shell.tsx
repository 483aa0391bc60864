import { Link } from "@/components/ui/link";
import { AppNav } from "./app-nav";
import { CommandPalette, PaletteButton } from "./command-palette";
import { Logo } from "./logo";
import type { SignOutAction } from "@/lib/form-result";
import { UserMenu } from "./user-menu";

/** The frame of every signed-in page: navigation and account on the left (fixed, full height however long the page), the page on the right. */
export function AppShell({
  user,
  signOutAction,
  children,
}: {
  user: { name: string; email: string };
  signOutAction: SignOutAction;
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-dvh md:pl-60 print:block print:pl-0">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden print:!hidden border-r border-border bg-surface md:fixed md:inset-y-0 md:left-0 md:z-20 md:flex md:w-60 md:flex-col md:gap-6 md:overflow-y-auto md:p-3">
        <Link href="/" className="px-2 pt-2">
          <Logo />
        </Link>
        <PaletteButton />
        <AppNav orientation="vertical" />
        <div className="mt-auto">
          <UserMenu name={user.name} email={user.email} signOutAction={signOutAction} />
        </div>
      </aside>
      <header className="sticky top-0 z-30 flex print:hidden flex-col gap-2 border-b border-border bg-surface px-3 py-2 md:hidden">
        <div className="flex items-center justify-between gap-3">
          <Link href="/">
            <Logo />
          </Link>
          <div className="max-w-[60%]">
            <UserMenu name={user.name} email={user.email} signOutAction={signOutAction} />
          </div>
        </div>
        <AppNav orientation="horizontal" />
      </header>
      <CommandPalette />
      <main id="main" className="min-w-0 px-4 py-6 md:px-10 md:py-8 print:p-0">
        {children}
      </main>
    </div>
  );
}
