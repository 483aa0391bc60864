import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signUpAction } from "@/server/auth/actions";
import { getCurrentSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentSession()) redirect("/");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-lg">
          Create your account
        </CardTitle>
        <CardDescription>Your data stays in your account, visible to no one else.</CardDescription>
      </CardHeader>
      <CardBody>
        <SignUpForm signUpAction={signUpAction} callbackUrl={callbackUrl} />
      </CardBody>
    </Card>
  );
}
