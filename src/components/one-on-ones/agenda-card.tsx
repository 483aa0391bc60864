import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/types";
import { AddPointForm, PointList } from "./talking-points";

type Detail = RouterOutputs["oneOnOnes"]["get"];

/**
 * A 1:1's talking points, from either side: the manager runs the meeting
 * (points are added while it is open), the report adds points at any time
 * until it is cancelled. Only the words differ: `manager` is the manager's
 * first name, for the report's side.
 */
export function AgendaCard({ side, data, manager }: { side: "manager" | "report"; data: Detail; manager?: string }) {
  const { meeting, person } = data;
  const open = meeting.status === "scheduled";
  const editable = meeting.status !== "cancelled" && !person.archivedAt;
  const meetingId = editable ? meeting.id : undefined;
  const report = side === "report";
  const description = report
    ? open
      ? `Add what you want to talk about; ${manager} sees it at once. Each point says who added it.`
      : "Discussed in this 1:1, and what is still open."
    : open
      ? "Tick what you discussed. The rest carries over when you mark the 1:1 held."
      : "Still open: these carried over to the next 1:1.";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Talking points</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardBody className="grid gap-3">
        {/* The report adds points until the 1:1 is cancelled; the manager while it is open. */}
        {editable && (report || open) ? <AddPointForm personId={person.id} side={side} /> : null}
        <PointList
          personId={person.id}
          points={data.agenda}
          meetingId={meetingId}
          emptyText={
            open
              ? report
                ? "Nothing on the agenda yet: add a point above."
                : "Nothing on the agenda: add a point above."
              : "Nothing left open."
          }
        />
        {data.discussed.length ? (
          <>
            <h3 className="mt-2 text-xs font-medium uppercase tracking-wide text-muted">Discussed in this 1:1</h3>
            <PointList personId={person.id} points={data.discussed} meetingId={meetingId} emptyText="" label="Discussed in this 1:1" />
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}
