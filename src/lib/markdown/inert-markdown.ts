import { fromMarkdown } from "mdast-util-from-markdown";
import { escapeMarkdown } from "./escape";
import { isRenderedUrl, RENDERED_URL_SOURCE } from "./safe-url";

type Node = {
  type: string;
  url?: string;
  alt?: string | null;
  value?: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};
type Edit = { start: number; end: number; text: string };

/** The visible text of a node (a link's words, an image's alt text). */
function plainText(node: Node): string {
  if (node.type === "image") return node.alt ?? "";
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map(plainText).join("");
}

/**
 * Every link, image or reference definition whose target the app would not
 * render, as an edit: a link or image becomes its text (escaped), a
 * definition disappears. Found by the parser the app renders with, so what
 * counts as a link (angle brackets, entities such as `&#58;`, backslash
 * escapes) is decided exactly as in the app.
 */
function unsafeTargets(markdown: string): Edit[] {
  const edits: Edit[] = [];
  const walk = (node: Node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const unsafe = (node.type === "link" || node.type === "image" || node.type === "definition") && !isRenderedUrl(node.url ?? "");
    if (unsafe && start !== undefined && end !== undefined) {
      edits.push({ start, end, text: node.type === "definition" ? "" : escapeMarkdown(plainText(node)) });
      return;
    }
    node.children?.forEach(walk);
  };
  walk(fromMarkdown(markdown) as Node);
  return edits;
}

function applyEdits(text: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}

// Second line of defence for viewers that parse differently from the app:
// any "](" or "[label]:" left in the text whose target does not start like a
// rendered URL gets its bracket escaped, so no parser sees a link there.
const LOOSE_INLINE_LINK = new RegExp(String.raw`\]\((?!\s*<?\s*${RENDERED_URL_SOURCE})`, "gi");
const LOOSE_DEFINITION = new RegExp(String.raw`^([ \t]{0,3})\[([^\]\n]*)\]:(?!\s*<?\s*${RENDERED_URL_SOURCE})`, "gim");

/** Rewriting a link into its text can join brackets around it into a new link; a few rounds settle that. */
const MAX_ROUNDS = 8;

/**
 * A user's markdown (a 1:1 note) made safe to open in any markdown viewer,
 * keeping its formatting: raw HTML becomes text (`<` is written `&lt;`), and
 * links and images whose target the app itself would not render
 * (javascript:, data:, vbscript:, //host, ...) become their plain text.
 */
export function inertMarkdown(markdown: string): string {
  // First, so that no HTML block hides a link from the parser below.
  let text = markdown.replace(/</g, "&lt;");
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = unsafeTargets(text);
    if (!edits.length) return text.replace(LOOSE_INLINE_LINK, "]\\(").replace(LOOSE_DEFINITION, "$1\\[$2]:");
    text = applyEdits(text, edits);
  }
  // Still producing links after every round: give up on formatting, keep the words.
  return text.split("\n").map(escapeMarkdown).join("\n");
}
