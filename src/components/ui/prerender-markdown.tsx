import type { ReactNode } from "react";
import { Markdown } from "./markdown";

/** For a server page: each text rendered as markdown, by its text (for PrerenderedMarkdown). */
export function prerenderMarkdown(texts: Iterable<string | null | undefined>): Record<string, ReactNode> {
  const rendered: Record<string, ReactNode> = {};
  for (const text of texts) if (text && !Object.hasOwn(rendered, text)) rendered[text] = <Markdown>{text}</Markdown>;
  return rendered;
}
