"use client";

import { Download, Upload } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { downloadBlob } from "@/components/ui/download";
import { useImportAccount } from "./mutations";

/**
 * Export as one JSON file (an admin: the whole organisation; a member: their
 * own data; private notes only the user's own, and only if ticked), and import
 * such a file: an organisation's into an empty organisation (admins only), a
 * file of one's own data into one's own (anyone, before they have any here).
 */
export function YourData() {
  const [includePrivate, setIncludePrivate] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importFile = useImportAccount();
  // The file goes as its bytes (application/octet-stream): the server parses it off its event loop.
  const importIt = (file: Blob) =>
    importFile.mutate(file, {
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
    });

  const exportAll = async () => {
    setExporting(true);
    try {
      // The file as the server writes it, a piece at a time (src/server/api/rest/account-export.ts).
      const response = await fetch(`/api/account/export?includePrivate=${includePrivate}`);
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(problem?.error?.message ?? "The export failed: try again.");
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "intersect-export.json";
      downloadBlob(name, await response.blob());
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
            let compact: string;
            try {
              // Without the export's indentation: the import's size limit counts the data, as it did when the file went parsed.
              compact = JSON.stringify(JSON.parse(await file.text()));
            } catch {
              setImportError("That file is not JSON: choose a file exported from Intersect.");
              return;
            }
            importIt(new Blob([compact], { type: "application/json" }));
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
