"use client";

import { Building2, LogOut, Monitor, Moon, Settings, Sun } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTheme } from "next-themes";
import { useTransition } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { SignOutAction } from "@/lib/form-result";
import { initials } from "@/lib/initials";
import { useMyOrganisations, useSwitchOrganisation } from "@/components/members";

/** `signOutAction` is the server action (src/server/auth/actions.ts), handed down by the layout. */
export function UserMenu({ name, email, signOutAction }: { name: string; email: string; signOutAction: SignOutAction }) {
  const { theme, setTheme } = useTheme();
  const [signingOut, startSignOut] = useTransition();
  const { organisations, current } = useMyOrganisations();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Everything cached and server-rendered belongs to the organisation left: drop it all, then open Home.
  const switchTo = useSwitchOrganisation({
    onSuccess: () => {
      queryClient.clear();
      router.replace("/");
      router.refresh();
    },
  });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2">
        <span className="sr-only">Account menu:</span>
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent"
        >
          {initials(name)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium" title={name}>
            {name}
          </span>
          <span className="block truncate text-xs text-muted" title={current && organisations.length > 1 ? current.name : email}>
            {current && organisations.length > 1 ? current.name : email}
          </span>
        </span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" side="top" className="max-w-[calc(100vw-1rem)]">
        {organisations.length > 1 ? (
          <>
            <DropdownMenuLabel>Organisation</DropdownMenuLabel>
            <DropdownMenuRadioGroup
              value={current?.orgId}
              onValueChange={(orgId) => {
                if (orgId !== current?.orgId) switchTo.mutate({ orgId });
              }}
            >
              {organisations.map((o) => (
                <DropdownMenuRadioItem key={o.orgId} value={o.orgId} disabled={switchTo.isPending}>
                  <span className="truncate" title={o.name}>
                    {o.name}
                  </span>
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
            <DropdownMenuSeparator />
          </>
        ) : null}
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme ?? "system"} onValueChange={setTheme}>
          <DropdownMenuRadioItem value="light">
            <Sun aria-hidden="true" /> Light
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <Moon aria-hidden="true" /> Dark
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system">
            <Monitor aria-hidden="true" /> System
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden="true" /> Account settings
          </Link>
        </DropdownMenuItem>
        {current?.role === "admin" ? (
          <DropdownMenuItem asChild>
            <Link href="/organisation">
              <Building2 aria-hidden="true" /> Organisation settings
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuItem disabled={signingOut} onSelect={() => startSignOut(() => signOutAction("/sign-in?notice=signed-out"))}>
          <LogOut aria-hidden="true" /> {signingOut ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
