import ReactMarkdown from "react-markdown";
import { safeUrl } from "@/lib/markdown/safe-url";

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** A remark plugin: raw HTML in a note becomes plain text, shown as typed and never parsed. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

/**
 * Renders user markdown safely: raw HTML is never rendered (it shows as text),
 * links are limited to http(s), mailto and this site's paths (src/lib/markdown/safe-url.ts, the
 * same rule as the prep export), and open in a new tab without referrer.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm grid gap-2 text-sm leading-relaxed [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-surface-2 [&_code]:px-1 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-medium [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        remarkPlugins={[htmlAsText]}
        urlTransform={safeUrl}
        components={{ a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
