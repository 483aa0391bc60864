/**
 * The client's address as the server saw it. Intersect's own server
 * (src/cli/server.mjs) drops any X-Forwarded-For a client sends unless
 * TRUST_PROXY is set, and Next.js then fills the header from the socket; behind
 * a trusted proxy, the proxy appends the address it saw, so the last entry is
 * the one to believe either way.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined): string | null {
  if (!forwardedFor) return null;
  const last = forwardedFor.split(",").pop()?.trim();
  if (!last) return null;
  const address = last.startsWith("::ffff:") ? last.slice("::ffff:".length) : last;
  return address.slice(0, 64) || null;
}
