"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ExportCsvButton } from "@/components/ui/export-csv-button";
import { useTRPC } from "@/trpc/react";

/** Every delegated task with current and suggested levels, for a spreadsheet. */
export function ExportTasks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <ExportCsvButton
      name="tasks"
      label="Export tasks CSV"
      load={() => queryClient.fetchQuery({ ...trpc.delegation.exportCsv.queryOptions(), staleTime: 0 })}
    />
  );
}
