"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarPlus, CheckCircle2, ClipboardList } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { formatDay } from "@/lib/format";
import { ActionsCard } from "./actions-card";
import { AgendaCard } from "./agenda-card";
import { MeetingContext } from "./meeting-context";
import { MeetingReadView } from "./meeting-read-view";
import { useCancelMeeting, useDeleteMeeting, useHoldMeeting } from "./mutations";
import { meetingWhen, previousOneOnOne } from "./meeting-when";
import { NotesCard } from "./notes-card";
import { ScheduleDialog } from "./schedule-dialog";
import { useTimeZone } from "@/components/ui/today";

const STATUS = { scheduled: ["Scheduled", "accent"], held: ["Held", "success"], cancelled: ["Cancelled", "neutral"] } as const;
const first = (name: string) => name.split(" ")[0] ?? name;
type Detail = RouterOutputs["oneOnOnes"]["get"];

/**
 * A 1:1 as it happens: tick talking points as discussed, agree actions on
 * both sides, write notes, then mark it held. What is left unticked carries over.
 */
export function MeetingView({ id }: { id: string }) {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.oneOnOnes.get.queryOptions({ id }));
  const { meeting, person } = data;
  const onError = (e: { message: string }) => toast.error(e.message);
  const hold = useHoldMeeting({
    onSuccess: () => {
      const left = data.agenda.length;
      toast.success(left ? `1:1 held. ${left} talking point${left === 1 ? "" : "s"} carried over to the next one.` : "1:1 held.");
    },
    onError,
  });
  const cancel = useCancelMeeting({ onSuccess: () => toast("1:1 cancelled."), onError });
  // Leaves the page first; the hook refreshes after that (see mutations.ts), then the toast (in mutate's own onSuccess, which runs last).
  const remove = useDeleteMeeting({
    onSuccess: () => router.push(`/one-on-ones/${person.id}`),
    onError,
  });
  const [label, tone] = STATUS[meeting.status];
  const open = meeting.status === "scheduled";
  const when = meetingWhen(meeting, timeZone);
  // An old manager: the 1:1 they held, read only and in their words.
  if (data.viewer === "former") return <MeetingReadView data={data} />;
  // The report: the same 1:1 from their side, where they add points, tick their actions and write notes.
  if (data.viewer === "report") return <ReportMeetingView data={data} />;

  return (
    <>
      <PageHeader
        title={`1:1 with ${person.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackBadge track={person.track} />
            <span>{when}</span>
            <Badge tone={tone}>{label}</Badge>
            <span>{previousOneOnOne(data.previousHeldAt, timeZone)}</span>
            <Link href={`/one-on-ones/${person.id}`} className="text-accent hover:underline">
              All 1:1s with {person.name.split(" ")[0]}
            </Link>
          </span>
        }
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/one-on-ones/${person.id}/prep`}>
                <ClipboardList aria-hidden="true" /> Prep
              </Link>
            </Button>
            {open ? (
              <>
                <ScheduleDialog
                  personId={person.id}
                  personName={person.name}
                  meeting={meeting}
                  trigger={<Button variant="secondary">Move</Button>}
                />
                <ConfirmDialog
                  trigger={<Button variant="secondary">Cancel 1:1</Button>}
                  title="Cancel this 1:1?"
                  description="It stays in the list as cancelled; its agenda moves to the next one."
                  confirmLabel="Cancel 1:1"
                  cancelLabel="Keep it"
                  pending={cancel.isPending}
                  onConfirm={() => cancel.mutate({ id })}
                />
                <Button onClick={() => hold.mutate({ id })} disabled={hold.isPending}>
                  <CheckCircle2 aria-hidden="true" /> Mark as held
                </Button>
              </>
            ) : (
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" className="text-danger">
                    Delete
                  </Button>
                }
                title="Delete this 1:1?"
                description="Its notes and actions stay with the person; points discussed in it go back on the agenda."
                confirmLabel="Delete 1:1"
                pending={remove.isPending}
                onConfirm={() =>
                  remove.mutate({ id }, { onSuccess: () => toast("1:1 deleted. Its notes and actions stay with the person.") })
                }
              />
            )}
          </>
        }
      />
      {data.nextBooking && !person.archivedAt ? (
        <NextBookingOffer personId={person.id} withName={person.name} dueDay={data.nextBooking.dueDay} />
      ) : null}
      {/* The prep's targets and delegation, folded: the context stays at hand during the 1:1. */}
      {person.archivedAt ? null : <MeetingContext personId={person.id} personName={person.name} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <AgendaCard side="manager" data={data} />
        <ActionsCard side="manager" data={data} />
        <NotesCard side="manager" data={data} />
      </div>
    </>
  );
}

/**
 * After a 1:1 is held: the next one, offered to both people at the cadence
 * (the server offers it while nothing is booked ahead). The report books it
 * with their manager (`withName`), the manager with the report.
 */
export function NextBookingOffer({ personId, withName, dueDay }: { personId: string; withName: string; dueDay: string }) {
  return (
    <Card className="mb-4" aria-label="Next 1:1">
      <CardBody className="flex flex-wrap items-center gap-3 text-sm">
        <CalendarPlus aria-hidden="true" className="size-4 text-accent" />
        <span className="min-w-0 flex-1">
          Nothing booked yet: the next 1:1 with {withName} is due {formatDay(dueDay)}.
        </span>
        <ScheduleDialog
          personId={personId}
          personName={withName}
          dueDay={dueDay}
          trigger={
            <Button>
              <CalendarPlus aria-hidden="true" /> Book the next 1:1
            </Button>
          }
        />
      </CardBody>
    </Card>
  );
}

/**
 * A 1:1 from the report's side. Rows are stored from the manager's side ("me"
 * is the manager, "them" the report), so the words follow the reader: their
 * actions are "Yours", the manager's carry the manager's name. The report adds
 * points at any time and changes the ones they added, ticks the actions
 * assigned to them (never the manager's), and writes shared notes or private
 * ones (their own alone); the manager runs the meeting itself.
 */
function ReportMeetingView({ data }: { data: Detail }) {
  const timeZone = useTimeZone();
  const { meeting, person, holder } = data;
  const [label, tone] = STATUS[meeting.status];
  const open = meeting.status === "scheduled";
  const manager = first(holder.name);
  const when = meetingWhen(meeting, timeZone);
  return (
    <>
      <PageHeader
        title={`1:1 with ${holder.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{when}</span>
            <Badge tone={tone}>{label}</Badge>
            <span>{previousOneOnOne(data.previousHeldAt, timeZone)}</span>
            <Link href="/" className="text-accent hover:underline">
              Back to Home
            </Link>
          </span>
        }
        actions={
          open ? (
            <Button asChild variant="secondary">
              <Link href="/one-on-ones/prep">
                <ClipboardList aria-hidden="true" /> Prepare
              </Link>
            </Button>
          ) : undefined
        }
      />
      {data.nextBooking ? <NextBookingOffer personId={person.id} withName={holder.name} dueDay={data.nextBooking.dueDay} /> : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
        <AgendaCard side="report" data={data} manager={manager} />
        <ActionsCard side="report" data={data} manager={manager} />
        <NotesCard side="report" data={data} />
      </div>
    </>
  );
}
