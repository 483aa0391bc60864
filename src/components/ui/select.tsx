import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/cn";

/** A native select (best for keyboards, screen readers and long lists), styled like Input. */
export function Select({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <div className="relative">
      <select
        className={cn(
          "h-9 base:w-full appearance-none rounded-md border border-border bg-surface pl-3 pr-8 text-sm text-fg",
          "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 aria-invalid:border-danger",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown aria-hidden="true" className="pointer-events-none absolute right-2.5 top-2.5 size-4 text-muted" />
    </div>
  );
}
