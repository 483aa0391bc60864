import { fromMarkdown } from "mdast-util-from-markdown";

type Node = { type: string; value?: string; alt?: string | null; children?: Node[] };

/** Containers of blocks: each child's text stands apart from the next (a paragraph, raw HTML on its own lines). */
const BLOCKS = new Set(["root", "blockquote", "list", "listItem"]);

function textOf(node: Node): string {
  if (node.type === "image") return node.alt ?? "";
  if (node.type === "imageReference") return node.alt ?? "";
  // Raw HTML shows as typed in the app (components/ui/markdown.tsx), so it reads as its text here too.
  if (typeof node.value === "string") return node.value;
  if (node.type === "break") return " ";
  return (node.children ?? []).map((child) => (BLOCKS.has(node.type) ? ` ${textOf(child)} ` : textOf(child))).join("");
}

/**
 * A note's markdown as the words a reader sees when it is rendered: no `**`,
 * `#`, `>` or list markers, a link's words without its address, an image's
 * alt text; blocks joined by a space. Parsed by the same parser the app
 * renders with (react-markdown's), so escapes and entities read as rendered.
 * For search snippets, computed on the server so the parser is not in the
 * palette's script.
 */
export function markdownToPlainText(markdown: string): string {
  if (!markdown) return "";
  return textOf(fromMarkdown(markdown) as Node)
    .replace(/\s+/g, " ")
    .trim();
}
