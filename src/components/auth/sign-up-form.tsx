"use client";

import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CredentialsAction } from "@/lib/form-result";
import type { SignUpInput } from "@/lib/validators/account";
import { PASSWORD_MIN } from "@/lib/validators/password-rules";
import { useActionForm } from "./use-action-form";

/** `signUpAction` is the server action (src/server/auth/actions.ts), handed down by the page. */
export function SignUpForm({ signUpAction, callbackUrl }: { signUpAction: CredentialsAction<SignUpInput>; callbackUrl?: string }) {
  const { onSubmit, fieldErrors, formError, pending } = useActionForm((values) => signUpAction(values as SignUpInput, callbackUrl));

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError && !fieldErrors.email ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Name" error={fieldErrors.name}>
        {(a) => <Input {...a} name="name" autoComplete="name" autoFocus />}
      </Field>
      <Field label="Email" error={fieldErrors.email}>
        {(a) => <Input {...a} name="email" type="email" autoComplete="email" />}
      </Field>
      <Field label="Password" error={fieldErrors.password} hint={`At least ${PASSWORD_MIN} characters.`}>
        {(a) => <Input {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-accent underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
