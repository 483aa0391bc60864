"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

/** The ask before leaving a page with unsaved text (drafts.tsx loads it the first time it is needed). */
export default function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onStay())}>
      <DialogContent
        title="Leave this page?"
        description="You have text that is not saved yet. It stays as a draft in this browser and comes back when you return here."
      >
        <div data-dialog-footer className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" autoFocus onClick={onStay}>
            Stay
          </Button>
          <Button onClick={onLeave}>Leave</Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
