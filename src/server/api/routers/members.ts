import { idInput } from "@/lib/validators/common";
import {
  changeMemberRoleInput,
  invitationTokenInput,
  inviteInput,
  memberInput,
  personStatusInput,
  renameOrganisationInput,
  switchOrganisationInput,
} from "@/lib/validators/members";
import { invitationByToken, invitationStatusOf } from "../../services/members/invitations.read";
import { acceptInvitation, inviteMember, revokeInvitation } from "../../services/members/invitations.write";
import { getOrganisation, listMembers, listMyOrganisations } from "../../services/members/memberships.read";
import { changeMemberRole, removeMember, renameOrganisation, switchOrganisation } from "../../services/members/memberships.write";
import { publicOrigin } from "../public-origin";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const membersRouter = createTRPCRouter({
  /** What an invitation link's page shows; anyone holding the link may ask. */
  invitation: publicProcedure.input(invitationTokenInput).query(({ ctx, input }) => invitationByToken(ctx.db, input.token)),
  /** Accepting while signed in (with the invited email). A new account accepts through the invite page's server action. */
  accept: protectedProcedure.input(invitationTokenInput).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input.token)),
  /** The link is in this answer only. */
  invite: protectedProcedure
    .input(inviteInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input, { origin: publicOrigin(ctx.origin) })),
  revokeInvitation: protectedProcedure.input(idInput).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.id)),
  statusOf: protectedProcedure.input(personStatusInput).query(({ ctx, input }) => invitationStatusOf(ctx.db, ctx.actor, input.personId)),
  list: protectedProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.actor)),
  changeRole: protectedProcedure.input(changeMemberRoleInput).mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input)),
  remove: protectedProcedure.input(memberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input.userId)),
  myOrganisations: protectedProcedure.query(({ ctx }) => listMyOrganisations(ctx.db, ctx.actor)),
  switchOrganisation: protectedProcedure
    .input(switchOrganisationInput)
    .mutation(({ ctx, input }) => switchOrganisation(ctx.db, ctx.actor, input.orgId)),
  organisation: protectedProcedure.query(({ ctx }) => getOrganisation(ctx.db, ctx.actor)),
  renameOrganisation: protectedProcedure
    .input(renameOrganisationInput)
    .mutation(({ ctx, input }) => renameOrganisation(ctx.db, ctx.actor, input)),
});
