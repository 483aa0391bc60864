"use client";

import { DropdownMenu as Primitive } from "radix-ui";
import { cn } from "@/lib/cn";

export const DropdownMenu = Primitive.Root;
export const DropdownMenuTrigger = Primitive.Trigger;
export const DropdownMenuGroup = Primitive.Group;
export const DropdownMenuRadioGroup = Primitive.RadioGroup;

export function DropdownMenuContent({ className, sideOffset = 6, ...props }: Primitive.DropdownMenuContentProps) {
  return (
    <Primitive.Portal>
      <Primitive.Content
        sideOffset={sideOffset}
        className={cn("z-50 min-w-52 rounded-md border border-border bg-surface p-1 text-sm text-fg shadow-lg", className)}
        {...props}
      />
    </Primitive.Portal>
  );
}

const itemClass =
  "flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-surface-2 data-[disabled]:opacity-50 [&_svg]:size-4 [&_svg]:text-muted";

export function DropdownMenuItem({ className, ...props }: Primitive.DropdownMenuItemProps) {
  return <Primitive.Item className={cn(itemClass, className)} {...props} />;
}

export function DropdownMenuRadioItem({ className, children, ...props }: Primitive.DropdownMenuRadioItemProps) {
  return (
    <Primitive.RadioItem className={cn(itemClass, "pl-7 relative", className)} {...props}>
      <Primitive.ItemIndicator className="absolute left-2 inline-flex size-3 items-center justify-center">
        <span className="size-1.5 rounded-full bg-accent" />
      </Primitive.ItemIndicator>
      {children}
    </Primitive.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: Primitive.DropdownMenuLabelProps) {
  return <Primitive.Label className={cn("px-2 py-1.5 text-xs text-muted", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: Primitive.DropdownMenuSeparatorProps) {
  return <Primitive.Separator className={cn("my-1 h-px bg-border", className)} {...props} />;
}
