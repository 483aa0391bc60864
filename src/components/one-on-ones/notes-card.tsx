import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/types";
import { NoteCard } from "./note-card";
import { NoteForm } from "./note-form";

type Detail = RouterOutputs["oneOnOnes"]["get"];
const first = (name: string) => name.split(" ")[0] ?? name;

/**
 * A 1:1's notes, from either side: each note says who wrote it in the
 * reader's words ("you", or the other person's first name), and both write
 * notes while the 1:1 is not cancelled. What a private note means differs by
 * side, so the words do.
 */
export function NotesCard({ side, data }: { side: "manager" | "report"; data: Detail }) {
  const { meeting, person, holder } = data;
  const editable = meeting.status !== "cancelled" && !person.archivedAt;
  const other = side === "manager" ? person : holder;
  const description =
    side === "manager"
      ? "Coaching, feedback given (praise or constructive), observations. Markdown; private notes never leave your account."
      : "Shared notes are read by you both. A private note is yours alone: nobody else, an admin included, ever reads it.";
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>Notes</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardBody className="grid gap-3">
        {data.notes.map((n) => (
          <NoteCard
            key={n.id}
            note={n}
            personId={person.id}
            goals={data.goals}
            canEdit={n.mine}
            author={n.mine ? "you" : n.authorPersonId === other.id ? first(other.name) : undefined}
          />
        ))}
        {editable ? (
          <NoteForm personId={person.id} oneOnOneId={meeting.id} goals={data.goals} />
        ) : data.notes.length === 0 ? (
          <p className="text-sm text-muted">No notes.</p>
        ) : null}
      </CardBody>
    </Card>
  );
}
