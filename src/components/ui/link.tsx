"use client";

import NextLink from "next/link";
import { useState } from "react";

/**
 * The app's link: next/link, prefetching its page when the pointer, a finger or the keyboard
 * reaches it rather than when it scrolls into view (the pattern of Next's prefetching guide).
 * A large account's Home has some forty links in sight, and viewport prefetching sent forty
 * requests, each a render on the server and work on the phone's main thread after load (74 kB,
 * most of Lighthouse's blocking time there). Hover comes a few hundred milliseconds before a
 * click, enough for the page to be fetched by then. The main navigation, seven links used from
 * every page, keeps next/link's viewport prefetching (shell/app-nav.tsx).
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: React.ComponentProps<typeof NextLink>) {
  const [wanted, setWanted] = useState(false);
  return (
    <NextLink
      {...props}
      // null is next/link's default prefetching, started once the link is wanted.
      prefetch={prefetch === false || !wanted ? false : (prefetch ?? null)}
      onMouseEnter={(event) => {
        setWanted(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setWanted(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setWanted(true);
        onTouchStart?.(event);
      }}
    />
  );
}
