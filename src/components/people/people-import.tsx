"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useFormDraft } from "@/components/forms/drafts";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { CSV_COLUMNS } from "@/lib/people/csv";
import { importCsvInput } from "@/lib/validators/people";
import { useCommitImport, usePreviewImport } from "./mutations";
import { TrackBadge } from "@/components/ui/track-badge";
import { useLevelLabel } from "./use-ladder";

const EXAMPLE = `${CSV_COLUMNS.join(",")}
Priya Raman,priya@example.com,Engineering Manager,manager,Senior Engineering Manager,
Marcus Chen,marcus@example.com,Principal Engineer,ic,principal,
Mei Tanaka,mei@example.com,Senior Engineer,ic,senior,priya@example.com`;

/** Check a CSV (every row's errors shown), then import all of it or nothing. */
export function PeopleImport() {
  const router = useRouter();
  const levelName = useLevelLabel();
  const [fileName, setFileName] = useState<string | null>(null);
  // The text as it was when checked: the preview stands only while the box still holds it.
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const form = useForm({ resolver: zodResolver(importCsvInput), defaultValues: { csv: "" } });
  const csv = form.watch("csv");
  const setCsv = (text: string) => form.setValue("csv", text, { shouldDirty: true });
  // The pasted rows, kept while they are fixed (a file too large for a draft is still asked about on leaving).
  const draft = useFormDraft(form, { kind: "people-import", id: null, fields: ["csv"] });
  const { submit, formError } = useSubmit(form, async (values) => {
    const text = form.getValues("csv");
    await preview.mutateAsync(values);
    setCheckedText(text);
  });
  const checked = preview.data && checkedText === csv ? preview.data : null;
  const badRows = checked?.rows.filter((r) => r.errors.length > 0).length ?? 0;

  return (
    <div className="grid gap-6">
      <Card>
        <CardBody className="grid gap-4">
          <p className="text-sm text-muted">
            Columns: <code className="rounded bg-surface-2 px-1">{CSV_COLUMNS.join(", ")}</code>. Track is <code>manager</code> or{" "}
            <code>ic</code>; level is its name or key (e.g. <code>staff</code>); a blank manager email means the person reports to you.
            Nothing is saved until every row is valid.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium hover:bg-surface-2 focus-within:outline-2 focus-within:outline-[var(--ring)]">
              <FileUp aria-hidden="true" className="size-4" />
              Choose CSV file
              <input
                type="file"
                accept=".csv,text/csv"
                className="sr-only"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  setFileName(file.name);
                  setCsv(await file.text());
                  e.target.value = "";
                }}
              />
            </label>
            {fileName ? <span className="text-sm text-muted">{fileName}</span> : null}
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setCsv(EXAMPLE);
                setFileName(null);
              }}
            >
              Use an example
            </Button>
          </div>
          <Field label="Or paste CSV" error={form.formState.errors.csv?.message ?? formError ?? undefined}>
            {(a) => <Textarea {...a} rows={8} className="font-mono text-xs" spellCheck={false} {...form.register("csv")} />}
          </Field>
          <div>
            <Button onClick={submit} disabled={!csv.trim() || preview.isPending}>
              {preview.isPending ? "Checking…" : "Check file"}
            </Button>
          </div>
        </CardBody>
      </Card>

      {checked ? (
        <section aria-labelledby="preview-heading" className="grid gap-3">
          <h2 id="preview-heading" className="text-base font-semibold">
            Preview
          </h2>
          {checked.fileErrors.map((e) => (
            <Alert key={e} tone="danger">
              {e}
            </Alert>
          ))}
          {checked.valid ? (
            <Alert tone="success">All {checked.rows.length} rows are valid.</Alert>
          ) : badRows ? (
            <Alert tone="danger">
              {badRows} of {checked.rows.length} rows have errors. Fix them in the file and check again: nothing is imported until all are
              valid.
            </Alert>
          ) : null}
          {commit.error ? <Alert tone="danger">{commit.error.message}</Alert> : null}
          {checked.rows.length ? (
            <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
              <table className="w-full min-w-[720px] text-left text-sm">
                <thead className="border-b border-border text-xs text-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Line
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Name
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Track
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Level
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Reports to
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {checked.rows.map((r) => (
                    <tr key={r.line} className={`border-b border-border last:border-0 ${r.errors.length ? "bg-danger-soft" : ""}`}>
                      <td className="px-3 py-2 tabular-nums text-muted">{r.line}</td>
                      <td className="px-3 py-2">
                        {r.name || <span className="text-muted">(no name)</span>}
                        {r.email ? <div className="text-xs text-muted">{r.email}</div> : null}
                      </td>
                      <td className="px-3 py-2">{r.track ? <TrackBadge track={r.track} /> : "—"}</td>
                      <td className="px-3 py-2">{r.level ? levelName(r.level) : "—"}</td>
                      <td className="px-3 py-2 text-muted">{r.managerEmail ?? "Me"}</td>
                      <td className="px-3 py-2">
                        {r.errors.length ? (
                          <ul className="grid gap-0.5 text-xs font-medium text-danger">
                            {r.errors.map((e) => (
                              <li key={e}>{e}</li>
                            ))}
                          </ul>
                        ) : (
                          <Badge tone="success">OK</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div>
            <Button
              onClick={() =>
                commit.mutate(
                  { csv },
                  {
                    onSuccess: (result) => {
                      draft.clear();
                      toast.success(`${result.imported} people imported.`);
                      router.push("/people");
                    },
                  },
                )
              }
              disabled={!checked.valid || commit.isPending}
            >
              {commit.isPending ? "Importing…" : `Import ${checked.rows.length} people`}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
