import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AcceptNewAccountForm, AcceptWithPasswordForm, JoinAsMeButton, SignOutToAccept } from "@/components/auth/invite-accept";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDay } from "@/lib/format";
import { acceptInvitationAction, acceptInvitationWithPasswordAction, joinInvitationAction, signOutAction } from "@/server/auth/actions";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/** Why a closed link cannot be used, in the words of the page. */
const CLOSED: Record<"expired" | "revoked" | "used" | "not_found", { title: string; body: string }> = {
  expired: { title: "This invitation has expired", body: "Invitations work for a limited time." },
  revoked: { title: "This invitation was withdrawn", body: "A newer invitation may have replaced it." },
  used: { title: "This invitation was already used", body: "Each invitation link works once. If you accepted it, sign in." },
  not_found: { title: "This invitation link is not valid", body: "Check that the link was copied whole." },
};

/** The link's state; a token that is not even well-formed (control characters, too long) is a link that is not valid. */
async function stateOf(token: string) {
  try {
    return await getQueryClient().fetchQuery(trpc.members.invitation.queryOptions({ token }));
  } catch (error) {
    if ((error as { code?: string }).code === "BAD_REQUEST") return { state: "not_found" as const, orgName: undefined, inviterName: null };
    throw error;
  }
}

/**
 * An invitation link (public: the proxy lets it through without a session).
 * Signed out: create the account (the invited email is fixed) or sign in.
 * Signed in as the invited email: join. Signed in as someone else: says
 * whose invitation it is and offers to sign out. A closed link says why.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([stateOf(token), getCurrentSession()]);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (invitation.state !== "valid") {
    const closed = CLOSED[invitation.state];
    const who = invitation.inviterName ? invitation.inviterName : "the person who invited you";
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1" className="text-lg">
            {closed.title}
          </CardTitle>
          <CardDescription>{closed.body}</CardDescription>
        </CardHeader>
        <CardBody className="grid gap-3 text-sm">
          <p>
            Ask {who}
            {invitation.orgName ? ` (${invitation.orgName})` : ""} to send you a new invitation.
          </p>
          <p>
            <Link href={session ? "/" : "/sign-in"} className="font-medium text-accent underline-offset-4 hover:underline">
              {session ? "Go to Intersect" : "Sign in"}
            </Link>
          </p>
        </CardBody>
      </Card>
    );
  }

  const from = invitation.inviterName ? `${invitation.inviterName} invites you` : "You are invited";
  const description = `${from} to join ${invitation.orgName} on Intersect as ${invitation.personName}. Open until ${formatDay(invitation.expiresAt.toISOString().slice(0, 10))}.`;
  const signedInAs = session?.user.email;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-lg">
          Join {invitation.orgName}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardBody>
        {!session ? (
          <div className="grid gap-4">
            <AcceptNewAccountForm email={invitation.email} acceptAction={acceptInvitationAction.bind(null, token)} />
            <AcceptWithPasswordForm email={invitation.email} acceptAction={acceptInvitationWithPasswordAction.bind(null, token)} />
          </div>
        ) : signedInAs === invitation.email ? (
          <JoinAsMeButton
            joinAction={joinInvitationAction.bind(null, token)}
            name={session.user.name}
            email={signedInAs}
            orgName={invitation.orgName}
          />
        ) : (
          <div className="grid gap-4">
            <Alert>
              This invitation is for <strong>{invitation.email}</strong>, to join as {invitation.personName}. You are signed in as{" "}
              <strong>{signedInAs}</strong>.
            </Alert>
            <SignOutToAccept signOutAction={signOutAction} callbackPath={here} />
          </div>
        )}
      </CardBody>
    </Card>
  );
}
