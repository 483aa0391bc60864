"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SignOutAction } from "@/lib/form-result";
import { changePasswordInput, PASSWORD_MIN, type ChangePasswordInput } from "@/lib/validators/account";
import { useChangePassword } from "./mutations";

/** `signOutAction` is the server action (src/server/auth/actions.ts), handed down by the page. */
export function ChangePasswordForm({ signOutAction }: { signOutAction: SignOutAction }) {
  const [leaving, startLeaving] = useTransition();
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const change = useChangePassword();
  const { submit, formError } = useSubmit(form, async (values) => {
    await change.mutateAsync(values);
    // Every session has ended on the server; clear this browser's cookie too and sign in again.
    startLeaving(() => signOutAction("/sign-in?notice=password-changed"));
  });
  const { errors, isSubmitting } = form.formState;
  const busy = isSubmitting || leaving;

  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
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
