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

/**
 * The key an address is counted under: an IPv4 address whole, an IPv6 address
 * by its /64 (one subscriber or one LAN gets a whole /64, so counting full
 * addresses would give an attacker 2^64 fresh counters). No address at all is
 * one key of its own.
 */
export function throttleAddress(address: string | null): string {
  if (!address) return "unknown";
  const bare = address
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  if (!bare.includes(":")) return bare;
  const groups = ipv6Groups(bare);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : bare;
}

/** The eight 16-bit groups of an IPv6 address (without leading zeros), or null if it is not one. */
function ipv6Groups(address: string): string[] | null {
  let text = address;
  // An IPv4 tail ("64:ff9b::192.0.2.1") is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    if ([a, b, c, d].some((n) => n > 255)) return null;
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16).toString(16));
}
