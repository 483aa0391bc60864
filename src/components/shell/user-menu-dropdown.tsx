"use client";

import { Building2, LogOut, Monitor, Moon, Settings, Sun } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
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
import { useMyOrganisations, useSwitchOrganisation } from "@/components/members";
import { USER_MENU_TRIGGER_CLASS } from "./user-menu-face";

/**
 * The account menu once wanted (user-menu.tsx loads it on first use). `signOutAction` is the server
 * action (src/server/auth/actions.ts), handed down by the layout; `face` is what the button shows.
 */
export default function UserMenuDropdown({
  signOutAction,
  face,
  defaultOpen,
}: {
  signOutAction: SignOutAction;
  face: React.ReactNode;
  defaultOpen?: boolean;
}) {
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
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger className={USER_MENU_TRIGGER_CLASS}>{face}</DropdownMenuTrigger>
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
