import { RenderedMarkdown } from "@/components/ui/rendered-markdown";

type Body = { situation: string | null; behaviour: string | null; impact: string | null; body: string };

/** A note's text: the situation-behaviour-impact parts when given, then its markdown, rendered safely (by the server page when it prerendered it). */
export function NoteBody({ note }: { note: Body }) {
  const parts = [
    ["Situation", note.situation],
    ["Behaviour", note.behaviour],
    ["Impact", note.impact],
  ].filter((p): p is [string, string] => Boolean(p[1]));
  return (
    <div className="grid gap-2">
      {parts.length ? (
        <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
          {parts.map(([label, text]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-muted">{label}</dt>
              <dd className="whitespace-pre-wrap">{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {note.body ? <RenderedMarkdown>{note.body}</RenderedMarkdown> : null}
    </div>
  );
}
