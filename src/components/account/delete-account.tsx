"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SignOutAction } from "@/lib/form-result";
import { useTRPC } from "@/trpc/react";

/** Deletes the account and everything in it, after the password; then signs out (`signOutAction`, from the page). */
export function DeleteAccount({ signOutAction }: { signOutAction: SignOutAction }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [leaving, startLeaving] = useTransition();
  const remove = useMutation(trpc.account.delete.mutationOptions({ onSuccess: () => startLeaving(() => signOutAction("/sign-in?notice=account-deleted")) }));
  const error = remove.error?.data?.fieldErrors?.password ?? remove.error?.message;
  return (
    <div className="grid gap-2">
      <p className="text-sm">Deletes your account and everything in it, for good. Export your data first if you want to keep it.</p>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          setPassword("");
          remove.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="danger" className="w-fit">Delete my account…</Button>
        </DialogTrigger>
        <DialogContent title="Delete your account?" description="Every person, target, note and log in it is deleted, and you are signed out. This cannot be undone.">
          <form
            noValidate
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              remove.mutate({ password });
            }}
          >
            <Field label="Your password" error={error}>
              {(a) => <Input {...a} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>Keep my account</Button>
              <Button type="submit" variant="danger" disabled={remove.isPending || leaving}>{remove.isPending || leaving ? "Deleting…" : "Delete everything"}</Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
