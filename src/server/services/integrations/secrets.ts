/**
 * Sealing data-source credentials at rest: AES-256-GCM under a key derived
 * with HKDF-SHA256 from AUTH_SECRET and a purpose label, so the key that signs
 * sessions is never used as it is, and another purpose could derive its own.
 * The row's organisation and id are the additional data: a sealed secret
 * copied onto another row (or organisation) does not open.
 *
 * AUTH_SECRET is always set when the app runs (src/cli/server.mjs makes one in
 * the data folder for the local mode, and refuses to start without one for a
 * PostgreSQL deployment); the integration tests set one in vitest.config.ts.
 * Changing AUTH_SECRET makes the stored credentials unreadable: a pull then
 * says so, and an admin enters them again.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const PURPOSE = "intersect data-source credentials v1";
const FORMAT = 1;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: data-source credentials cannot be sealed or opened.");
  return Buffer.from(hkdfSync("sha256", secret, "intersect", PURPOSE, 32));
}

/** `plaintext` sealed for the row `orgId`/`rowId`: base64 of format byte, 12-byte nonce, 16-byte tag and ciphertext. */
export function sealSecret(plaintext: string, orgId: string, rowId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), nonce);
  cipher.setAAD(Buffer.from(`${orgId}/${rowId}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), nonce, cipher.getAuthTag(), ciphertext]).toString("base64");
}

/** The plaintext, or null when it does not open (another AUTH_SECRET, another row, or tampered with). */
export function openSecret(sealed: string, orgId: string, rowId: string): string | null {
  try {
    const bytes = Buffer.from(sealed, "base64");
    if (bytes[0] !== FORMAT || bytes.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(1, 13));
    decipher.setAAD(Buffer.from(`${orgId}/${rowId}`));
    decipher.setAuthTag(bytes.subarray(13, 29));
    return Buffer.concat([decipher.update(bytes.subarray(29)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
