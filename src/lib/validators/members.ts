import { z } from "zod";
import { nameField, newPasswordField } from "./account";
import { id, singleLine, versionField } from "./common";

// Members, invitations and the organisation's own settings: shared by the
// forms and the members router.

/** As MEMBER_ROLES of the schema (src/lib may not import the server). */
export const roleField = z.enum(["admin", "member"], "Choose a role.");

/** An invitation's email: blank means "the person's email from the chart". Lower-cased, as users.email. */
const optionalEmail = singleLine({ label: "Email", max: 254 })
  .toLowerCase()
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty to use the person's.")
  .transform((v) => (v === "" ? undefined : v));

export const inviteInput = z.object({
  personId: id("Choose a person."),
  email: optionalEmail.optional(),
  role: roleField.default("member"),
});
export type InviteInput = z.input<typeof inviteInput>;

/** The token of an invitation link (base64url of 32 bytes; anything longer is not one of ours). */
export const invitationTokenField = singleLine({ label: "Invitation link", max: 100, required: "This invitation link is incomplete." });
export const invitationTokenInput = z.object({ token: invitationTokenField });

/** Accepting with a new account: the invited email is fixed, so only a name and a password. */
export const acceptWithNewAccountFields = z.object({ name: nameField, password: newPasswordField });
export type AcceptWithNewAccountValues = z.input<typeof acceptWithNewAccountFields>;
/** Accepting with an existing account, signed out: the password of the invited email's account. */
export const acceptWithPasswordFields = z.object({
  password: z.string().min(1, "Enter your password.").max(200, "That password is not right."),
});
export type AcceptWithPasswordValues = z.input<typeof acceptWithPasswordFields>;
export const acceptWithNewAccountInput = acceptWithNewAccountFields.extend({ token: invitationTokenField });

export const changeMemberRoleInput = z.object({ userId: id("Unknown member."), role: roleField, version: versionField });
export const memberInput = z.object({ userId: id("Unknown member.") });
export const switchOrganisationInput = z.object({ orgId: id("Unknown organisation.") });

export const organisationNameField = singleLine({ label: "Name", max: 100, required: "Enter the organisation's name." });
export const renameOrganisationFields = z.object({ name: organisationNameField });
export type RenameOrganisationValues = z.input<typeof renameOrganisationFields>;
export const renameOrganisationInput = renameOrganisationFields.extend({ version: versionField });
export const personStatusInput = z.object({ personId: id("Unknown person.") });
