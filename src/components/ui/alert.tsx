import { cn } from "@/lib/cn";

const tones = {
  info: "border-accent/30 bg-accent-soft text-fg",
  success: "border-success/30 bg-success-soft text-fg",
  danger: "border-danger/30 bg-danger-soft text-fg",
  warning: "border-warning/40 bg-warning-soft text-fg",
} as const;

/** A message in the flow of the page, announced to screen readers. */
export function Alert({ tone = "info", className, ...props }: React.ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm", tones[tone], className)}
      {...props}
    />
  );
}
