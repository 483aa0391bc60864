"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

/** Links between the pages of one section, styled as tabs; the current one is marked for screen readers. */
export function SectionTabs({ label, tabs }: { label: string; tabs: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-border">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => {
          const active = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block whitespace-nowrap border-b-2 px-1 pb-2 text-sm",
                  active ? "border-accent font-medium text-fg" : "border-transparent text-muted hover:text-fg",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
