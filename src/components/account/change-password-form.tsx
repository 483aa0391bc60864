"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SignOutAction } from "@/lib/form-result";
import { changePasswordInput, PASSWORD_MIN, type ChangePasswordInput } from "@/lib/validators/account";
import { useTRPC } from "@/trpc/react";

/** `signOutAction` is the server action (src/server/auth/actions.ts), handed down by the page. */
export function ChangePasswordForm({ signOutAction }: { signOutAction: SignOutAction }) {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, startLeaving] = useTransition();
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      // Every session has ended on the server; clear this browser's cookie too and sign in again.
      onSuccess: () => startLeaving(() => signOutAction("/sign-in?notice=password-changed")),
      onError: (error) => setFormError(applyServerErrors(form, error)),
    }),
  );
  const { errors } = form.formState;
  const busy = change.isPending || leaving;

  return (
    <form
      onSubmit={form.handleSubmit((values) => {
        setFormError(null);
        change.mutate(values);
      })}
      noValidate
      className="grid max-w-md gap-4"
    >
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Current password" error={errors.currentPassword?.message}>
        {(a) => <Input {...a} type="password" autoComplete="current-password" {...form.register("currentPassword")} />}
      </Field>
      <Field label="New password" error={errors.newPassword?.message} hint={`At least ${PASSWORD_MIN} characters.`}>
        {(a) => <Input {...a} type="password" autoComplete="new-password" {...form.register("newPassword")} />}
      </Field>
      <Field label="Repeat the new password" error={errors.confirmPassword?.message}>
        {(a) => <Input {...a} type="password" autoComplete="new-password" {...form.register("confirmPassword")} />}
      </Field>
      <p className="text-sm text-muted">Changing your password signs you out everywhere, here included.</p>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
