import { cn } from "@/lib/cn";

/**
 * A row of action buttons that wraps in whole, even rows: on a phone one
 * button per row, each the full width (no ragged row of one button beside an
 * empty space); from `sm` up, one row (aligned to the end with `end`).
 * Wrappers around buttons (a dialog's trigger is the button itself) are fine:
 * the children are the grid's items.
 */
export function ButtonRow({ end, className, ...props }: React.ComponentProps<"div"> & { end?: boolean }) {
  return (
    <div
      className={cn("grid gap-2 max-sm:[&>*]:w-full sm:flex sm:flex-wrap sm:items-center", end && "sm:justify-end", className)}
      {...props}
    />
  );
}
