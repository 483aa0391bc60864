import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/types";
import { ActionList, AddActionForm } from "./action-items";

type Detail = RouterOutputs["oneOnOnes"]["get"];

/**
 * A 1:1's action items, from either side. Rows are stored from the manager's
 * side ("mine" is the manager's, "theirs" the report's), so the words follow
 * the reader: on the report's side theirs are "Yours" and the manager's carry
 * the manager's first name (`manager`). The manager agrees and edits actions
 * (and may link them to the report's targets); the report ticks their own.
 */
export function ActionsCard({ side, data, manager }: { side: "manager" | "report"; data: Detail; manager?: string }) {
  const { meeting, person, actions, doneHere } = data;
  const runs = side === "manager";
  const editable = meeting.status !== "cancelled" && !person.archivedAt;
  const words = runs
    ? { description: "Open ones from earlier 1:1s, and the ones you agree now.", theirs: "Theirs", mine: "Mine" }
    : { description: `Tick yours when done; ${manager} ticks theirs.`, theirs: "Yours", mine: `${manager}'s` };
  // The manager's side manages the actions; the report's ticks them, and says who ticks the manager's.
  const list = runs ? { personId: person.id } : { manage: false, tickedBy: manager };
  return (
    <Card>
      <CardHeader>
        <CardTitle>Action items</CardTitle>
        <CardDescription>{words.description}</CardDescription>
      </CardHeader>
      <CardBody className="grid gap-4">
        {runs && editable ? <AddActionForm personId={person.id} oneOnOneId={meeting.id} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <ActionList title={words.theirs} actions={actions.theirs} emptyText="None open." {...list} tickedBy={undefined} />
          <ActionList title={words.mine} actions={actions.mine} emptyText="None open." {...list} />
        </div>
        {doneHere.length ? <ActionList title="Done" actions={doneHere} emptyText="" {...(runs ? {} : list)} /> : null}
      </CardBody>
    </Card>
  );
}
