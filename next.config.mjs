// Same as LOCKED_DOWN_CSP in src/lib/security-headers.ts (this file cannot import TypeScript).
const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite loads its WebAssembly from its own package folder, and the native
  // addons load their prebuilt binaries from theirs: bundling them breaks that.
  // rate-limiter-flexible loads drizzle-orm with a computed import() that only Node resolves.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "fs-native-extensions", "rate-limiter-flexible"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ];
    return [
      { source: "/:path*", headers: common },
      // Pages get their CSP (with a fresh nonce) from src/proxy.ts; API routes and
      // static files, which the proxy skips, get a locked-down one here.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: LOCKED_DOWN_CSP }] },
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: LOCKED_DOWN_CSP }] },
      { source: "/(favicon.ico|icon.svg|robots.txt)", headers: [{ key: "Content-Security-Policy", value: LOCKED_DOWN_CSP }] },
    ];
  },
};

export default nextConfig;
