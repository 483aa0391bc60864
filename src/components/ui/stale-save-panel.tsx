import { Button } from "@/components/ui/button";

/**
 * The panel a form shows when its save was refused as stale (saved elsewhere
 * since it loaded): the saved version beside what was typed (which stays in
 * the fields), and the two ways on: "Save mine over it", or take the saved
 * text into the form. The form owns the versions; this is how it looks, once.
 */
export function StaleSavePanel({
  label,
  heading,
  children,
  onSaveMine,
  onUseSaved,
  useSavedLabel,
  saveMineDisabled = false,
  useSavedDisabled = false,
}: {
  /** The region's accessible name ("The saved note"). */
  label: string;
  /** The visible line above the saved text ("Saved meanwhile:"). */
  heading: string;
  /** The saved version as the page shows it. */
  children: React.ReactNode;
  onSaveMine: () => void;
  onUseSaved: () => void;
  /** "Use the saved note", naming what is taken. */
  useSavedLabel: string;
  saveMineDisabled?: boolean;
  useSavedDisabled?: boolean;
}) {
  return (
    <section aria-label={label} className="grid gap-2 rounded-md border border-warning/40 bg-warning-soft p-3 text-sm">
      <p className="font-medium">{heading}</p>
      {children}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={saveMineDisabled} onClick={onSaveMine}>
          Save mine over it
        </Button>
        <Button size="sm" variant="secondary" disabled={useSavedDisabled} onClick={onUseSaved}>
          {useSavedLabel}
        </Button>
      </div>
    </section>
  );
}
