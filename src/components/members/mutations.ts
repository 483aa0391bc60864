"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useRefreshing, type MutationOptionsOf } from "@/trpc/refreshing";

type Trpc = ReturnType<typeof useTRPC>;

// Members, invitations and the organisation's settings: one hook per change,
// each refreshing the views that show what it touched (as in every domain's
// mutations.ts). An invitation shows on the person's page (statusOf) and in
// the admins' list; a switch of organisation changes every page.

function useRefreshMembers() {
  const trpc = useTRPC();
  return useRefreshing(trpc.members.statusOf.pathKey(), trpc.members.list.queryKey());
}

export function useInvite(options?: MutationOptionsOf<Trpc["members"]["invite"]>) {
  const refresh = useRefreshMembers();
  return useMutation(useTRPC().members.invite.mutationOptions(refresh(options)));
}

export function useRevokeInvitation(options?: MutationOptionsOf<Trpc["members"]["revokeInvitation"]>) {
  const refresh = useRefreshMembers();
  return useMutation(useTRPC().members.revokeInvitation.mutationOptions(refresh(options)));
}

export function useChangeMemberRole(options?: MutationOptionsOf<Trpc["members"]["changeRole"]>) {
  const refresh = useRefreshMembers();
  return useMutation(useTRPC().members.changeRole.mutationOptions(refresh(options)));
}

export function useRemoveMember(options?: MutationOptionsOf<Trpc["members"]["remove"]>) {
  const refresh = useRefreshMembers();
  return useMutation(useTRPC().members.remove.mutationOptions(refresh(options)));
}

export function useRenameOrganisation(options?: MutationOptionsOf<Trpc["members"]["renameOrganisation"]>) {
  const trpc = useTRPC();
  const refresh = useRefreshing(trpc.members.organisation.queryKey(), trpc.members.myOrganisations.queryKey());
  return useMutation(trpc.members.renameOrganisation.mutationOptions(refresh(options)));
}

/** The caller reloads the page after it (every server-rendered part belongs to the other organisation). */
export function useSwitchOrganisation(options?: MutationOptionsOf<Trpc["members"]["switchOrganisation"]>) {
  return useMutation(useTRPC().members.switchOrganisation.mutationOptions(options));
}
