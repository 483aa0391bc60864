import nodemailer from "nodemailer";

// The invitation email, sent when an operator sets SMTP_URL (for example
// smtp://user:pass@mail.example.com:587, or smtps://… for TLS from the start).
// Without it Intersect sends nothing: the inviter copies the link.

export type InvitationMail = { to: string; link: string; orgName: string; personName: string; inviterName: string | null; expiresAt: Date };

/** Whether invitations are emailed at all. */
export function mailConfigured(): boolean {
  return !!process.env.SMTP_URL;
}

/** The sender: SMTP_FROM, or a no-reply address. */
function sender(): string {
  return process.env.SMTP_FROM || "Intersect <no-reply@intersect.invalid>";
}

/** Sends the link; throws when the server refuses or cannot be reached (the caller keeps the invitation and warns). */
export async function sendInvitationMail(mail: InvitationMail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) return;
  // A transport per mail: invitations are rare, and a pooled connection would outlive a changed setting.
  const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  try {
    const who = mail.inviterName ? `${mail.inviterName} invites you` : "You are invited";
    const expires = mail.expiresAt.toUTCString();
    await transport.sendMail({
      from: sender(),
      to: mail.to,
      subject: `${who} to ${mail.orgName} on Intersect`,
      text: [
        `${who} to join ${mail.orgName} on Intersect, as ${mail.personName}.`,
        "",
        `Accept the invitation: ${mail.link}`,
        "",
        `The link works once, for ${mail.to}, until ${expires}.`,
        "If you did not expect it, ignore this email.",
      ].join("\n"),
    });
  } finally {
    transport.close();
  }
}
