"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/trpc/react";
import { DataSourceForm, type Source } from "./data-source-form";
import { useDeleteDataSource, useTestDataSource } from "./mutations";

const AUTH_BADGE = { none: "No authentication", bearer: "Bearer token", basic: "Basic auth" } as const;

/** The organisation's Prometheus data sources, for its admins: add, edit, test the connection, delete. */
export function DataSources() {
  const trpc = useTRPC();
  const { data: sources } = useSuspenseQuery(trpc.integrations.dataSources.queryOptions());
  const [adding, setAdding] = useState(false);
  return (
    <div className="grid gap-3">
      {sources.length === 0 && !adding ? (
        <EmptyState
          title="No data sources yet"
          body="Add a Prometheus server, then bind a number metric to a PromQL query on its target's page."
        />
      ) : null}
      <ul className="grid gap-3">
        {sources.map((source) => (
          <DataSourceRow key={source.id} source={source} />
        ))}
      </ul>
      {adding ? (
        <div className="rounded-md border border-border p-4">
          <DataSourceForm onDone={() => setAdding(false)} />
        </div>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add data source
          </Button>
        </div>
      )}
    </div>
  );
}

function DataSourceRow({ source }: { source: Source }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteDataSource();
  const test = useTestDataSource();
  if (editing) {
    return (
      <li className="rounded-md border border-border p-4">
        <DataSourceForm source={source} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const result = test.data;
  return (
    <li className="grid gap-2 rounded-md border border-border p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{source.name}</span>
        <Badge>{AUTH_BADGE[source.authKind]}</Badge>
        {source.authKind !== "none" ? (
          <Badge tone={source.credentialsSet ? "success" : "warning"}>
            {source.credentialsSet ? "Credentials set" : "Credentials not set"}
          </Badge>
        ) : null}
      </div>
      <p className="break-all text-sm text-muted">{source.baseUrl}</p>
      {result ? (
        <Alert tone={result.ok ? "success" : "danger"}>
          {result.ok
            ? `Connected: Prometheus ${result.version}${result.revision ? ` (revision ${result.revision.slice(0, 12)})` : ""}.`
            : result.message}
        </Alert>
      ) : null}
      {test.error ? <Alert tone="danger">{test.error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={test.isPending} onClick={() => test.mutate({ id: source.id })}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="ghost">
              Delete
            </Button>
          }
          title={`Delete ${source.name}?`}
          description="Its credentials are removed. Values already pulled from it stay on their metrics."
          confirmLabel="Delete data source"
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: source.id }, { onSuccess: () => toast.success("Data source deleted.") })}
        />
      </div>
    </li>
  );
}
