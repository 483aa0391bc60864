"use client";

import { createContext, lazy, Suspense, useContext, type ReactNode } from "react";

// react-markdown with micromark is about 36 kB compressed: the browser loads it only for
// text the server did not render (a description just edited, a note just added).
const MarkdownInBrowser = lazy(() => import("./markdown").then((m) => ({ default: m.Markdown })));

const Prerendered = createContext<Readonly<Record<string, ReactNode>>>({});

/**
 * The markdown a server page rendered already (./markdown.tsx in a server component), by its
 * text: `RenderedMarkdown` below shows those nodes as they are, so the page hydrates without
 * the markdown library.
 */
export function PrerenderedMarkdown({ rendered, children }: { rendered: Readonly<Record<string, ReactNode>>; children: ReactNode }) {
  return <Prerendered.Provider value={rendered}>{children}</Prerendered.Provider>;
}

/** User markdown rendered safely (./markdown.tsx): the server's rendering of this text when there is one, or rendered here. */
export function RenderedMarkdown({ children }: { children: string }) {
  const rendered = useContext(Prerendered);
  if (Object.hasOwn(rendered, children)) return rendered[children];
  return (
    // While the library loads, the text as typed.
    <Suspense fallback={<p className="whitespace-pre-wrap break-words text-sm leading-relaxed">{children}</p>}>
      <MarkdownInBrowser>{children}</MarkdownInBrowser>
    </Suspense>
  );
}
