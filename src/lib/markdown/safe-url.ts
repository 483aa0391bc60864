/**
 * The link and image targets the app renders: web and mail links, paths on
 * this site and fragments. Everything else (javascript:, data:, vbscript:,
 * other schemes, relative paths) renders inert, in the app and in exports.
 * `//host` and `/\host` are not paths: browsers read both as another site.
 */
const RENDERED = /^(?:https?:|mailto:|\/(?![/\\])|#)/i;

/**
 * A URL as a browser reads it: tabs and line breaks inside are dropped and
 * leading control characters and spaces are ignored (so `/\t/evil.example` is
 * `//evil.example` to the browser, and must be judged as such).
 */
function asBrowserReadsIt(url: string): string {
  return url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
}

export function isRenderedUrl(url: string): boolean {
  return RENDERED.test(asBrowserReadsIt(url));
}

/** The target to put in the page, or "" (an inert link) for one the app does not render. */
export function safeUrl(url: string): string {
  const cleaned = asBrowserReadsIt(url);
  return RENDERED.test(cleaned) ? cleaned : "";
}

/** The same rule as a regex fragment, for checks on markdown source text (see inert-markdown.ts). */
export const RENDERED_URL_SOURCE = String.raw`(?:https?:|mailto:|\/(?![/\\&])|#)`;
