"use client";

import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { useScheduleMeeting } from "./mutations";

// Apart from schedule-dialog.tsx, whose form brings zod: the prep page shows only this button.
/** Starts a 1:1 now (one not booked ahead) and opens it. */
export function StartNowButton({ personId, variant = "primary" }: { personId: string; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const start = useScheduleMeeting({
    onSuccess: (meeting) => router.push(`/one-on-ones/meeting/${meeting.id}`),
    onError: (error) => toast.error(error.message),
  });
  return (
    <Button variant={variant} disabled={start.isPending} onClick={() => start.mutate({ personId, scheduledAt: new Date() })}>
      <Play aria-hidden="true" /> Start a 1:1 now
    </Button>
  );
}
