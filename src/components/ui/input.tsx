import { cn } from "@/lib/cn";

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "base:h-9 base:w-full rounded-md border border-border base:bg-surface px-3 text-sm text-fg placeholder:text-muted",
        "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0",
        "aria-invalid:border-danger disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
