"use client";

import { formatDay } from "@/lib/format";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { useTRPC } from "@/trpc/react";
import { InviteDialog } from "./invite-dialog";
import { useIsAdmin } from "./use-organisations";

function useStatus(personId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.members.statusOf.queryOptions({ personId })).data;
}

/** The person page's badge: Joined, Invited (until when), Invitation expired, or Not invited (for those who may invite). */
export function InvitationBadge({ personId }: { personId: string }) {
  const status = useStatus(personId);
  if (!status) return null;
  switch (status.status) {
    case "joined":
      return <Badge tone="success">Joined{status.role === "admin" ? " · admin" : ""}</Badge>;
    case "invited":
      return <Badge tone="accent">Invited, expires {formatDay(status.expiresAt.toISOString().slice(0, 10))}</Badge>;
    case "expired":
      return <Badge tone="warning">Invitation expired</Badge>;
    default:
      return status.canInvite ? <Badge>Not invited</Badge> : null;
  }
}

/** "Invite" (or "Invite again") for those allowed: their manager line, or an admin. */
export function InviteButton({ personId, personName, email }: { personId: string; personName: string; email: string | null }) {
  const status = useStatus(personId);
  const isAdmin = useIsAdmin();
  if (!status?.canInvite) return null;
  const again = status.status === "invited" || status.status === "expired";
  return (
    <InviteDialog
      personId={personId}
      personName={personName}
      defaultEmail={"email" in status ? status.email : email}
      canInviteAdmin={isAdmin}
      label={again ? "Invite again" : "Invite"}
    />
  );
}
