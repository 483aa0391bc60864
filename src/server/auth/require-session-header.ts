/** The header src/proxy.ts sets to the requested path, so a page can send the user back to it after sign-in. */
export const REQUEST_PATH_HEADER = "x-intersect-path";
