"use client";

// next/link itself, not the app's Link: these seven links are used from every page, so they keep
// next/link's prefetching of what is in view (the app's Link waits for hover or focus).
import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { UnreadBadge } from "@/components/inbox";
import { isActive, NAV_ITEMS } from "./nav-items";

/** The section links: a column in the sidebar, rows on a phone (every section in sight, none scrolled off); Inbox carries the unread count. */
export function AppNav({ orientation }: { orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className={cn("flex gap-0.5", orientation === "vertical" ? "flex-col" : "flex-row flex-wrap")}>
        {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
          const active = isActive(pathname, href);
          return (
            <li key={href}>
              <NextLink
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm transition-colors",
                  active ? "bg-accent-soft font-medium text-fg" : "text-muted hover:bg-surface-2 hover:text-fg",
                )}
              >
                <Icon aria-hidden="true" className={cn("size-4", active ? "text-accent" : "")} />
                {label}
                {href === "/inbox" ? <UnreadBadge /> : null}
              </NextLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
