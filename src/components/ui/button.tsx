import { cva, type VariantProps } from "class-variance-authority";
import { Slot } from "radix-ui";
import { cn } from "@/lib/cn";

const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        primary: "bg-accent base:text-accent-fg hover:opacity-90",
        secondary: "border border-border bg-surface base:text-fg hover:bg-surface-2",
        ghost: "base:text-fg hover:bg-surface-2",
        danger: "bg-danger base:text-white hover:opacity-90 dark:text-bg",
      },
      size: {
        sm: "base:h-8 px-3",
        md: "base:h-9 px-4",
        lg: "base:h-10 px-5",
        icon: "base:size-9",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonProps = React.ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { asChild?: boolean };

export function Button({ className, variant, size, asChild, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot.Root : "button";
  return (
    <Component className={cn(buttonVariants({ variant, size }), className)} type={asChild ? undefined : (type ?? "button")} {...props} />
  );
}

export { buttonVariants };
