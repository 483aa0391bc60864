"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { downloadText } from "@/components/ui/download";
import { useTRPC } from "@/trpc/react";
import { useImportAccount } from "./mutations";

/**
 * Export as one JSON file (an admin: the whole organisation; a member: their
 * own data; private notes only the user's own, and only if ticked), and import
 * such a file: an organisation's into an empty organisation (admins only), a
 * file of one's own data into one's own (anyone, before they have any here).
 */
export function YourData() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includePrivate, setIncludePrivate] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importFile = useImportAccount();
  const importIt = (file: unknown) =>
    importFile.mutate(
      { file },
      {
        onSuccess: (result) => {
          const { imported } = result;
          const rows = Object.values(imported).reduce((a, b) => a + b, 0);
          if (result.scope === "organisation") {
            toast.success(
              `Imported ${rows.toLocaleString()} rows: ${imported.people} people, ${imported.targets} targets, ${imported.one_on_ones} 1:1s.`,
            );
            return;
          }
          const skipped = result.skipped.coaching_notes + result.skipped.person_notes;
          const notes = (imported.coaching_notes ?? 0) + (imported.person_notes ?? 0);
          toast.success(
            `Imported ${rows.toLocaleString()} rows of your own data, ${notes.toLocaleString()} of them notes.` +
              (skipped
                ? ` ${skipped.toLocaleString()} ${skipped === 1 ? "note was" : "notes were"} left out: ${skipped === 1 ? "its person, 1:1 or goal is" : "their person, 1:1 or goal is"} not one you reach here.`
                : ""),
          );
        },
        onError: (e) => setImportError(e.message),
      },
    );

  const exportAll = async () => {
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery({ ...trpc.account.export.queryOptions({ includePrivate }), staleTime: 0 });
      downloadText(`intersect-export-${file.exportedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 2), "application/json");
    } catch (error) {
      toast.error((error as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="grid gap-5">
      <div className="grid gap-2">
        <p className="text-sm">
          As one JSON file, in a versioned format described in the README. An admin exports the whole organisation (its settings, people,
          targets and check-ins, delegation, 1:1s and shared notes) with their own energy log and plans; a member exports their own data
          (energy log, plans and the notes they wrote). Private notes are only ever your own.
        </p>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-[var(--color-accent)]"
            checked={includePrivate}
            onChange={(e) => setIncludePrivate(e.target.checked)}
          />
          Include private notes
        </label>
        <div>
          <Button variant="secondary" onClick={exportAll} disabled={exporting}>
            <Download aria-hidden="true" /> {exporting ? "Exporting…" : "Export everything (JSON)"}
          </Button>
        </div>
      </div>
      <div className="grid gap-2">
        <p className="text-sm">
          Import an export. A file of your own data (energy log, plans and the notes you wrote) goes into your own, here: before you have
          logged, planned or written anything in this organisation. Notes about people, 1:1s or goals you do not reach here are left out and
          counted. A whole organisation&apos;s file (admins only) goes into an empty organisation, as a new account&apos;s is: no one else
          in it, no people but you; its top person becomes you. Otherwise nothing is imported unless all of it fits.
        </p>
        {importError ? <Alert tone="danger">{importError}</Alert> : null}
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Export file to import"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            setImportError(null);
            try {
              importIt(JSON.parse(await file.text()));
            } catch {
              setImportError("That file is not JSON: choose a file exported from Intersect.");
            }
          }}
        />
        <div>
          <Button variant="secondary" onClick={() => fileInput.current?.click()} disabled={importFile.isPending}>
            <Upload aria-hidden="true" /> {importFile.isPending ? "Importing…" : "Import a file…"}
          </Button>
        </div>
      </div>
    </div>
  );
}
