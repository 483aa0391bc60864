import { snippetParts } from "@/lib/search/snippet";

/** A search result's text around its match (plain text), the typed words highlighted. */
export function Snippet({ text, query, width, className }: { text: string; query: string; width?: number; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(text, query, width).map((part, i) =>
        part.match ? (
          <mark key={i} className="bg-transparent font-semibold text-fg underline decoration-accent decoration-2 underline-offset-2">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
