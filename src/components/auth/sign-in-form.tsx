"use client";

import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CredentialsAction } from "@/lib/form-result";
import type { SignInInput } from "@/lib/validators/account";
import { useActionForm } from "./use-action-form";

/** `signInAction` is the server action (src/server/auth/actions.ts), handed down by the page. */
export function SignInForm({
  signInAction,
  callbackUrl,
  notice,
}: {
  signInAction: CredentialsAction<SignInInput>;
  callbackUrl?: string;
  notice?: string;
}) {
  const { onSubmit, fieldErrors, formError, pending } = useActionForm((values) => signInAction(values as SignInInput, callbackUrl));
  const signUpHref = callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up";

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Email" error={fieldErrors.email}>
        {(a) => <Input {...a} name="email" type="email" autoComplete="email" autoFocus />}
      </Field>
      <Field label="Password" error={fieldErrors.password}>
        {(a) => <Input {...a} name="password" type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-muted">
        New to Intersect?{" "}
        <Link href={signUpHref} className="font-medium text-accent underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
