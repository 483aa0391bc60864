import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signInAction } from "@/server/auth/actions";
import { getCurrentSession } from "@/server/auth/session";
import { safeCallbackPath } from "@/lib/validators/account";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed and every session was signed out. Sign in with the new password.",
  "signed-out": "You are signed out.",
  "account-deleted": "Your account and everything in it were deleted.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const { callbackUrl, notice } = await searchParams;
  if (await getCurrentSession()) redirect(safeCallbackPath(callbackUrl));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-lg">
          Sign in
        </CardTitle>
        <CardDescription>Welcome back.</CardDescription>
      </CardHeader>
      <CardBody>
        <SignInForm signInAction={signInAction} callbackUrl={callbackUrl} notice={notice ? NOTICES[notice] : undefined} />
      </CardBody>
    </Card>
  );
}
