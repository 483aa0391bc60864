import nodemailer from "nodemailer";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { memberships, organisations, users } from "../../db/schema/index";
import type { MemberRole } from "../../db/schema/members";
import type { Actor } from "../kernel/actor";
import { unreadForDigest } from "./inbox.read";

// The daily digest: with SMTP_URL set, a member who opted in (Account
// settings) gets one email a day with their unread inbox items, the same ones
// the inbox shows them (inbox.read.ts, through the policy). The scheduler
// (digest-scheduler.ts) calls sendDueDigests every few minutes on every app
// instance; each digest is claimed by one UPDATE first, so with two instances
// it is still sent once.

/** The local hour (the member's time zone) from which the day's digest is due: DIGEST_HOUR, 7 by default. */
export function digestHour(): number {
  const hour = Number.parseInt(process.env.DIGEST_HOUR ?? "", 10);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 7;
}

export type DigestClaim = {
  orgId: string;
  userId: string;
  personId: string;
  role: MemberRole;
  email: string;
  day: string;
  orgName: string;
};

/**
 * Claims every digest due at `now`: a member who opted in, whose local hour
 * has reached `hour`, and whose digest of their local today was not claimed
 * yet. One statement: a row is claimed by whoever updates it first, and a
 * second claimer (another instance) finds it claimed (PostgreSQL re-checks the
 * condition on the locked row; PGlite runs one statement at a time).
 */
export async function claimDueDigests(db: Db, now = new Date(), hour = digestHour()): Promise<DigestClaim[]> {
  const m = memberships;
  const at = now.toISOString();
  // A zone PostgreSQL does not know (the app checks zones with the JavaScript runtime's list) counts as UTC, rather than failing every claim.
  const zone = sql`(case when exists (select 1 from pg_timezone_names as z where z.name = ${users.timeZone}) then ${users.timeZone} else 'UTC' end)`;
  const local = sql`(${at}::timestamptz at time zone ${zone})`;
  const rows = await db
    .update(m)
    .set({ digestSentOn: sql`(${local})::date` })
    .from(users)
    .where(
      sql`${users.id} = ${m.userId} and ${m.dailyDigest}
        and extract(hour from ${local}) >= ${hour}
        and (${m.digestSentOn} is null or ${m.digestSentOn} < (${local})::date)`,
    )
    .returning({
      orgId: m.orgId,
      userId: m.userId,
      personId: m.personId,
      role: m.role,
      email: users.email,
      day: m.digestSentOn,
      orgName: sql<string>`(select o.name from ${organisations} as o where o.id = ${m.orgId})`,
    });
  return rows.map((r) => ({ ...r, day: String(r.day) }));
}

export type DigestMail = { to: string; subject: string; text: string };

/** The email of one claimed digest, or null when the member has nothing unread (no email then). */
export async function digestMail(db: Db, claim: DigestClaim, origin = appOrigin()): Promise<DigestMail | null> {
  const actor: Actor = { userId: claim.userId, sessionId: "digest", orgId: claim.orgId, personId: claim.personId, role: claim.role };
  const items = await unreadForDigest(db, actor);
  if (items.length === 0) return null;
  const lines = items.map((item) => `- ${item.text}\n  ${origin}${item.href}`);
  const count = items.length === 1 ? "1 new item" : `${items.length}${items.length >= 50 ? "+" : ""} new items`;
  return {
    to: claim.email,
    subject: `Intersect: ${count} in ${claim.orgName}`,
    text: [
      `What changed in ${claim.orgName} since you last looked:`,
      "",
      ...lines,
      "",
      `Your inbox: ${origin}/inbox`,
      `You get this email once a day because you turned it on. Turn it off under Account settings: ${origin}/settings`,
    ].join("\n"),
  };
}

function appOrigin(): string {
  try {
    if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  } catch {
    // An unparsable AUTH_URL: fall back below.
  }
  return `http://localhost:${process.env.PORT || "3000"}`;
}

/**
 * Claims the due digests and sends them. A digest whose email fails is not
 * retried that day (the claim stays): at most one a day, never two. Answers
 * how many were sent.
 */
export async function sendDueDigests(db: Db, now = new Date()): Promise<{ claimed: number; sent: number }> {
  const url = process.env.SMTP_URL;
  if (!url) return { claimed: 0, sent: 0 };
  const claims = await claimDueDigests(db, now);
  if (claims.length === 0) return { claimed: 0, sent: 0 };
  const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  let sent = 0;
  try {
    for (const claim of claims) {
      const mail = await digestMail(db, claim);
      if (!mail) continue;
      try {
        await transport.sendMail({ from: process.env.SMTP_FROM || "Intersect <no-reply@intersect.invalid>", ...mail });
        sent++;
      } catch (error) {
        console.error("Intersect: a digest email could not be sent:", error instanceof Error ? error.message : error);
      }
    }
  } finally {
    transport.close();
  }
  return { claimed: claims.length, sent };
}
