"use client";

import { Slot } from "radix-ui";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * The app's modal dialog: `Dialog` (open / onOpenChange), `DialogTrigger asChild`, `DialogContent`
 * (title, description, focus kept inside until it closes, Esc closes) and `DialogClose`, with
 * Radix's dialog under them (./dialog-radix.tsx). Radix loads when a dialog first opens, or
 * when the pointer or focus reaches a trigger, not with the page: until then the trigger is
 * its own child, marked as Radix marks it, and nothing else renders (a closed dialog shows
 * nothing). Once loaded, the dialog is Radix's and behaves as it always did.
 */
type Radix = typeof import("./dialog-radix");

let radixModule: Promise<Radix> | null = null;
const loadRadix = () => (radixModule ??= import("./dialog-radix"));

type Context = { radix: Radix | null; open: boolean; setOpen: (open: boolean) => void; want: () => void };
const DialogContext = createContext<Context | null>(null);

function useDialog(part: string): Context {
  const context = useContext(DialogContext);
  if (!context) throw new Error(`${part} must be inside a Dialog.`);
  return context;
}

export function Dialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  modal,
  children,
}: {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  modal?: boolean;
  children?: ReactNode;
}) {
  const [radix, setRadix] = useState<Radix | null>(null);
  const [openState, setOpenState] = useState(defaultOpen);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setOpenState(next);
    onOpenChange?.(next);
  };
  // Opened (by its trigger, or by the page): Radix takes over from then on.
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!radix && (open || wanted)) void loadRadix().then((m) => setRadix(() => m));
  }, [radix, open, wanted]);
  const context: Context = { radix, open, setOpen, want: () => setWanted(true) };
  const parts = <DialogContext.Provider value={context}>{children}</DialogContext.Provider>;
  if (!radix) return parts;
  return (
    <radix.Dialog open={open} onOpenChange={setOpen} modal={modal}>
      {parts}
    </radix.Dialog>
  );
}

export function DialogTrigger({ children, asChild, ...props }: React.ComponentProps<"button"> & { asChild?: boolean }) {
  const { radix, setOpen, want } = useDialog("DialogTrigger");
  if (radix)
    return (
      <radix.DialogTrigger asChild={asChild} {...props}>
        {children}
      </radix.DialogTrigger>
    );
  const Element = asChild ? Slot.Root : "button";
  return (
    <Element
      type="button"
      aria-haspopup="dialog"
      aria-expanded={false}
      data-state="closed"
      {...props}
      onPointerEnter={(e: React.PointerEvent<HTMLButtonElement>) => {
        props.onPointerEnter?.(e);
        void loadRadix();
      }}
      onFocus={(e: React.FocusEvent<HTMLButtonElement>) => {
        props.onFocus?.(e);
        void loadRadix();
      }}
      onClick={(e: React.MouseEvent<HTMLButtonElement>) => {
        props.onClick?.(e);
        if (e.defaultPrevented) return;
        want();
        setOpen(true);
      }}
    >
      {children}
    </Element>
  );
}

export function DialogContent(props: React.ComponentProps<Radix["DialogContent"]>) {
  const { radix } = useDialog("DialogContent");
  return radix ? <radix.DialogContent {...props} /> : null;
}

export function DialogClose(props: React.ComponentProps<Radix["DialogClose"]>) {
  const { radix } = useDialog("DialogClose");
  return radix ? <radix.DialogClose {...props} /> : null;
}

/** The buttons at the foot of a dialog: kept in view while the body scrolls (see DialogContent). */
export function DialogFooter({ className, children }: { className?: string; children: React.ReactNode }) {
  return (
    <div data-dialog-footer className={cn("flex flex-wrap justify-end gap-2", className)}>
      {children}
    </div>
  );
}
