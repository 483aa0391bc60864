"use client";

import { X } from "lucide-react";
import { Dialog as Primitive } from "radix-ui";
import { cn } from "@/lib/cn";

// Radix's dialog (with its focus trap, portal and scroll lock, about 11 kB compressed): loaded by
// ./dialog.tsx when a dialog first opens. Use ./dialog.tsx, not this file.

export const Dialog = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

/**
 * A modal with a title, an optional description, and focus kept inside until it closes (Esc closes).
 *
 * It never grows past the window (1rem of margin each side): the title stays at the top, the body
 * scrolls, and the body's footer (`DialogFooter`, or the forms' FormActions, both marked
 * `data-dialog-footer`) sticks to the bottom of the visible part, so "Save" is always in view on a
 * 900 px-tall screen however long the form is.
 */
export function DialogContent({
  title,
  description,
  className,
  children,
  ...props
}: Primitive.DialogContentProps & { title: string; description?: React.ReactNode }) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40 backdrop-blur-[1px]" />
      <Primitive.Content
        className={cn(
          "fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] base:max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-lg border border-border bg-surface text-fg shadow-xl",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <div className="flex shrink-0 items-start justify-between gap-4 px-5 pb-4 pt-5">
          <div className="min-w-0">
            <Primitive.Title className="text-base font-semibold">{title}</Primitive.Title>
            {description ? <Primitive.Description className="mt-1 text-sm text-muted">{description}</Primitive.Description> : null}
          </div>
          <Primitive.Close className="rounded p-1 text-muted hover:bg-surface-2 hover:text-fg" aria-label="Close">
            <X className="size-4" aria-hidden="true" />
          </Primitive.Close>
        </div>
        {/* The body scrolls; its footer sticks to the bottom edge (with the dialog's own background, so rows pass under it). */}
        <div
          data-dialog-body
          className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 pb-5 [&_[data-dialog-footer]]:sticky [&_[data-dialog-footer]]:bottom-0 [&_[data-dialog-footer]]:z-10 [&_[data-dialog-footer]]:border-t [&_[data-dialog-footer]]:border-border [&_[data-dialog-footer]]:bg-surface [&_[data-dialog-footer]]:py-3"
        >
          {children}
        </div>
      </Primitive.Content>
    </Primitive.Portal>
  );
}
