"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useSubmit } from "@/components/forms/use-submit";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SignOutAction } from "@/lib/form-result";
import { deleteAccountInput } from "@/lib/validators/account";
import { useDeleteAccount } from "./mutations";

/**
 * Deletes the account after the password (with each organisation it is the only member of; from the others it leaves),
 * then signs out (`signOutAction`, from the page).
 */
export function DeleteAccount({ signOutAction }: { signOutAction: SignOutAction }) {
  const [open, setOpen] = useState(false);
  const [leaving, startLeaving] = useTransition();
  const remove = useDeleteAccount();
  const form = useForm({ resolver: zodResolver(deleteAccountInput), defaultValues: { password: "" } });
  const { submit, formError, clearError } = useSubmit(form, async (values) => {
    await remove.mutateAsync(values);
    startLeaving(() => signOutAction("/sign-in?notice=account-deleted"));
  });
  // The dialog's one field: an error of the account as a whole shows under it too.
  const error = form.formState.errors.password?.message ?? formError ?? undefined;
  const busy = form.formState.isSubmitting || leaving;
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        Deletes your account for good, with every organisation you are the only member of. From an organisation with other members you
        leave: it keeps its people and shared history, your private notes there are deleted. Export your data first if you want to keep it.
      </p>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          form.reset();
          clearError();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="danger" className="w-fit">
            Delete my account…
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Delete your account?"
          description="Your energy log, plans and private notes are deleted, with every organisation you alone are in, and you are signed out. This cannot be undone."
        >
          <form noValidate className="grid gap-4" onSubmit={submit}>
            <Field label="Your password" error={error}>
              {(a) => <Input {...a} type="password" autoComplete="current-password" autoFocus {...form.register("password")} />}
            </Field>
            <div data-dialog-footer className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Keep my account
              </Button>
              <Button type="submit" variant="danger" disabled={busy}>
                {busy ? "Deleting…" : "Delete everything"}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
