// What other domains' components use of members: the organisation switcher's data and change.
export { useSwitchOrganisation } from "./mutations";
export { useIsAdmin, useMyOrganisations } from "./use-organisations";
export { InvitationBadge, InviteButton } from "./person-invitation";
