"use client";

import { useState, useTransition } from "react";
import { useActionForm } from "./use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormResult, SignOutAction } from "@/lib/form-result";
import type { AcceptWithNewAccountValues, AcceptWithPasswordValues } from "@/lib/validators/members";
import { PASSWORD_MIN } from "@/lib/validators/password-rules";

// The invite page's three ways on (src/app/(auth)/invite/[token]/page.tsx).

/** Signed out: a new account with the invited email (shown, fixed), a name and a password. The server action signs in. */
export function AcceptNewAccountForm({
  email,
  acceptAction,
}: {
  email: string;
  acceptAction: (values: AcceptWithNewAccountValues) => Promise<FormResult>;
}) {
  const { onSubmit, fieldErrors, formError, pending } = useActionForm((values) => acceptAction(values as AcceptWithNewAccountValues));
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Email" hint="The invitation is for this address.">
        {(a) => <Input {...a} value={email} readOnly aria-readonly="true" autoComplete="username" className="bg-surface-2" />}
      </Field>
      <Field label="Name" error={fieldErrors.name}>
        {(a) => <Input {...a} name="name" autoComplete="name" autoFocus />}
      </Field>
      <Field label="Password" error={fieldErrors.password} hint={`At least ${PASSWORD_MIN} characters.`}>
        {(a) => <Input {...a} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}

/** Signed out, with an existing account for the invited email: its password joins (and signs in). */
export function AcceptWithPasswordForm({
  email,
  acceptAction,
}: {
  email: string;
  acceptAction: (values: AcceptWithPasswordValues) => Promise<FormResult>;
}) {
  const { onSubmit, fieldErrors, formError, pending } = useActionForm((values) => acceptAction(values as AcceptWithPasswordValues));
  return (
    <details className="rounded-md border border-border px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium">I already have an account with {email}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3">
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <Field label="Password of your account" error={fieldErrors.password}>
          {(a) => <Input {...a} name="password" type="password" autoComplete="current-password" />}
        </Field>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Joining…" : "Sign in and join"}
        </Button>
      </form>
    </details>
  );
}

/** Signed in with the invited email: one button joins (a server action), then Home opens in the organisation joined. */
export function JoinAsMeButton({
  joinAction,
  name,
  email,
  orgName,
}: {
  joinAction: () => Promise<FormResult>;
  name: string;
  email: string;
  orgName: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="grid gap-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <p className="text-sm">
        You are signed in as {name} ({email}).
      </p>
      <Button
        size="lg"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await joinAction();
            if (result?.error) setError(result.error);
          })
        }
      >
        {pending ? "Joining…" : `Join ${orgName} as ${name}`}
      </Button>
    </div>
  );
}

/** Signed in as someone else: sign out, then come back to the link. */
export function SignOutToAccept({ signOutAction, callbackPath }: { signOutAction: SignOutAction; callbackPath: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() => start(() => signOutAction(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`))}
    >
      {pending ? "Signing out…" : "Sign out to accept it"}
    </Button>
  );
}
