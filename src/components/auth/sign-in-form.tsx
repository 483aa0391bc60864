"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { signInAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInInput, type SignInInput } from "@/lib/validators/account";
import { useServerForm } from "./use-server-form";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInInput),
    defaultValues: { email: "", password: "" },
  });
  const { onSubmit, formError, pending } = useServerForm(form, (values) => signInAction(values, callbackUrl));
  const { errors } = form.formState;
  const signUpHref = callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up";

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Email" error={errors.email?.message}>
        {(a) => <Input {...a} type="email" autoComplete="email" autoFocus {...form.register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(a) => <Input {...a} type="password" autoComplete="current-password" {...form.register("password")} />}
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
