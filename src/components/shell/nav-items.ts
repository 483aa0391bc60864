import { CalendarClock, Gauge, Home, Inbox, Layers, Target, Users, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

/** The app's sections, in the order of the left navigation. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Home", icon: Home },
  { href: "/inbox", label: "Inbox", icon: Inbox },
  { href: "/people", label: "People", icon: Users },
  { href: "/targets", label: "Targets", icon: Target },
  { href: "/delegation", label: "Delegation", icon: Layers },
  { href: "/one-on-ones", label: "1:1s", icon: CalendarClock },
  { href: "/capacity", label: "Capacity", icon: Gauge },
];

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
