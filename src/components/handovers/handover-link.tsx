"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useTRPC } from "@/trpc/react";
import { useFormatDateTime } from "@/components/ui/today";

/** "Hand-over from X" on the person page, when the person has a hand-over the reader may open. */
export function HandoverLink({ personId }: { personId: string }) {
  const formatDateTime = useFormatDateTime();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.handovers.latest.queryOptions({ personId }));
  if (!data) return null;
  return (
    <Link href={`/people/${personId}/handover`} className="text-accent hover:underline" data-testid="handover-link">
      Hand-over from {data.fromName}
      {data.viewer === "to" ? "" : ` to ${data.toName}`} ({formatDateTime(data.at)}) →
    </Link>
  );
}
