import { Button } from "@/components/ui/button";

/** The buttons at the foot of a dialog form: Cancel, and the submit that says what it does. */
export function FormActions({ submitLabel, pending, onCancel }: { submitLabel: string; pending: boolean; onCancel?: () => void }) {
  return (
    <div data-dialog-footer className="flex justify-end gap-2">
      {onCancel ? (
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </div>
  );
}
