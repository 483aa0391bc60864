"use client";

import { lazy, Suspense, useState } from "react";
import { useMyOrganisations } from "@/components/members";
import type { SignOutAction } from "@/lib/form-result";
import { USER_MENU_TRIGGER_CLASS, UserMenuFace } from "./user-menu-face";

// The menu itself (Radix's dropdown with its popper, about 25 kB of compressed
// script) loads the first time it is opened, or when the pointer or focus
// reaches its button, not with every page. Until then the button is a plain one
// that looks the same, and a click on it opens the menu once the menu is there.
const loadDropdown = () => import("./user-menu-dropdown");
const UserMenuDropdown = lazy(loadDropdown);
const prefetch = () => void loadDropdown();

type Props = { name: string; email: string; signOutAction: SignOutAction };

/** The account menu: organisation, theme, settings and sign out. `signOutAction` comes from the layout. */
export function UserMenu(props: Props) {
  const [wanted, setWanted] = useState(false);
  const { organisations, current } = useMyOrganisations();
  const organisation = current && organisations.length > 1 ? current.name : null;
  const face = <UserMenuFace name={props.name} email={props.email} organisation={organisation} />;
  const button = (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      className={USER_MENU_TRIGGER_CLASS}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={() => setWanted(true)}
      onKeyDown={(e) => {
        // Radix's trigger opens on ArrowDown too (Enter and Space click).
        if (e.key === "ArrowDown") {
          e.preventDefault();
          setWanted(true);
        }
      }}
    >
      {face}
    </button>
  );
  if (!wanted) return button;
  // Opened by that first click: from then on Radix's trigger toggles it.
  return (
    <Suspense fallback={button}>
      <UserMenuDropdown signOutAction={props.signOutAction} face={face} defaultOpen />
    </Suspense>
  );
}
