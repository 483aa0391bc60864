"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { signUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN, signUpInput, type SignUpInput } from "@/lib/validators/account";
import { useServerForm } from "./use-server-form";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { onSubmit, formError, pending } = useServerForm(form, (values) => signUpAction(values, callbackUrl));
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError && !errors.email ? <Alert tone="danger">{formError}</Alert> : null}
      <Field label="Name" error={errors.name?.message}>
        {(a) => <Input {...a} autoComplete="name" autoFocus {...form.register("name")} />}
      </Field>
      <Field label="Email" error={errors.email?.message}>
        {(a) => <Input {...a} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN} characters.`}>
        {(a) => <Input {...a} type="password" autoComplete="new-password" {...form.register("password")} />}
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
