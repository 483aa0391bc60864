"use client";

import { formatDay } from "@/lib/format";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { useTRPC } from "@/trpc/react";
import { InviteDialog } from "./invite-dialog";
import { useChangeMemberRole, useRemoveMember, useRevokeInvitation } from "./mutations";

type Role = "admin" | "member";

/**
 * The admins' list of members (role, removal) and of open invitations
 * (status, revoke, invite again: a link is shown only when made, since only
 * its hash is kept). New invitations start from a person's page.
 */
export function MembersSettings({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.members.list.queryOptions());
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const revoke = useRevokeInvitation();
  const adminCount = data.members.filter((m) => m.role === "admin").length;

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>
            Everyone who can sign in, and who they are in the chart. To invite someone, open their page under People.
          </CardDescription>
        </CardHeader>
        <CardBody>
          <ul className="divide-y divide-border" aria-label="Members">
            {data.members.map((m) => {
              const lastAdmin = m.role === "admin" && adminCount <= 1;
              return (
                <li key={m.userId} className="flex flex-wrap items-center gap-3 py-3" data-testid="member-row">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium" title={m.name}>
                      {m.name}
                      {m.userId === currentUserId ? <span className="text-muted"> (you)</span> : null}
                    </p>
                    <p className="truncate text-xs text-muted" title={`${m.email} · as ${m.personName}`}>
                      {m.email} · as{" "}
                      <Link href={`/people/${m.personId}`} className="underline underline-offset-4">
                        {m.personName}
                      </Link>
                    </p>
                  </div>
                  <label className="sr-only" htmlFor={`role-${m.userId}`}>
                    Role of {m.name}
                  </label>
                  <Select
                    id={`role-${m.userId}`}
                    className="w-32"
                    value={m.role}
                    disabled={changeRole.isPending || lastAdmin}
                    title={lastAdmin ? "The last admin stays an admin." : undefined}
                    onChange={(e) =>
                      changeRole.mutate(
                        { userId: m.userId, role: e.target.value as Role, version: m.version },
                        {
                          onSuccess: () => toast.success(`${m.name} is now ${e.target.value === "admin" ? "an admin" : "a member"}.`),
                          onError: (err) => toast.error(err.message),
                        },
                      )
                    }
                  >
                    <option value="admin">Admin</option>
                    <option value="member">Member</option>
                  </Select>
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" disabled={lastAdmin} aria-label={`Remove ${m.name}`}>
                        Remove
                      </Button>
                    }
                    title={`Remove ${m.name}?`}
                    description={`${m.name} loses access at once: every session of theirs ends. ${m.personName} stays in the chart with everything the organisation knows; their own private notes here are deleted.`}
                    confirmLabel="Remove member"
                    pending={remove.isPending}
                    onConfirm={() =>
                      remove.mutate(
                        { userId: m.userId },
                        { onSuccess: () => toast.success(`${m.name} was removed.`), onError: (err) => toast.error(err.message) },
                      )
                    }
                  />
                </li>
              );
            })}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Invitations</CardTitle>
          <CardDescription>
            Open and expired invitations. A link is shown only when it is made: to send a new one, invite again.
          </CardDescription>
        </CardHeader>
        <CardBody>
          {data.invitations.length === 0 ? (
            <EmptyState title="No open invitations" body="Invite people from their page under People." />
          ) : (
            <ul className="divide-y divide-border" aria-label="Invitations">
              {data.invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="invitation-row">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium" title={i.personName}>
                      <Link href={`/people/${i.personId}`} className="underline-offset-4 hover:underline">
                        {i.personName}
                      </Link>{" "}
                      {i.role === "admin" ? <Badge>admin</Badge> : null}
                    </p>
                    <p className="truncate text-xs text-muted" title={i.email}>
                      {i.email}
                      {i.invitedBy ? ` · invited by ${i.invitedBy}` : ""}
                    </p>
                  </div>
                  {i.expired ? (
                    <Badge tone="warning">Expired</Badge>
                  ) : (
                    <Badge tone="accent">Expires {formatDay(i.expiresAt.toISOString().slice(0, 10))}</Badge>
                  )}
                  <InviteDialog
                    personId={i.personId}
                    personName={i.personName}
                    defaultEmail={i.email}
                    canInviteAdmin
                    label="Invite again"
                    variant="ghost"
                  />
                  {!i.expired ? (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Revoke the invitation of ${i.personName}`}>
                          Revoke
                        </Button>
                      }
                      title={`Revoke the invitation of ${i.personName}?`}
                      description="Its link stops working at once."
                      confirmLabel="Revoke invitation"
                      pending={revoke.isPending}
                      onConfirm={() =>
                        revoke.mutate(
                          { id: i.id },
                          { onSuccess: () => toast.success("Invitation revoked."), onError: (err) => toast.error(err.message) },
                        )
                      }
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </>
  );
}
