import { cn } from "@/lib/cn";

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "min-h-20 base:w-full rounded-md border border-border bg-surface px-3 py-2 base:text-sm text-fg placeholder:text-muted",
        "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 aria-invalid:border-danger",
        className,
      )}
      {...props}
    />
  );
}
