"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ExportCsvButton } from "@/components/ui/export-csv-button";
import { useTRPC } from "@/trpc/react";

/** Every target with its metrics' latest values, for a spreadsheet. */
export function ExportTargets() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return <ExportCsvButton name="targets" load={() => queryClient.fetchQuery({ ...trpc.targets.exportCsv.queryOptions(), staleTime: 0 })} />;
}
