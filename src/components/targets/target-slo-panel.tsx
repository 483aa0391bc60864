"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { downloadText } from "@/components/ui/download";
import { budgetText, burnText, describeObjective, describeWindow } from "@/lib/slo/describe";
import type { SloSpec } from "@/lib/slo/spec";
import { useTRPC } from "@/trpc/react";

/** Error ratios Prometheus answered for derivePromQl(spec).errorRatio (null: no data for that range). */
export type MeasuredErrorRatios = { window: number | null; "1h": number | null; "6h": number | null };

const NO_SOURCE = "Needs a Prometheus data source: bind the metric to one";

/**
 * The SLO a target was imported from: its objective and window, and (once its
 * metric pulls from a Prometheus data source) its error budget remaining and
 * burn rates over 1 h and 6 h, as Sloth and Pyrra show them, asked of
 * Prometheus as of now (targets.measureSlo). Until then it says so rather
 * than show made-up figures.
 */
export function TargetSloPanel({ targetId, slo }: { targetId: string; slo: SloSpec }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  // Burn rates move by the minute: asked again each minute while the page is open.
  const { data: measurement } = useQuery({ ...trpc.targets.measureSlo.queryOptions({ targetId }), refetchInterval: 60_000 });
  const measured: MeasuredErrorRatios | undefined = measurement?.state === "measured" ? measurement.ratios : undefined;
  const pending = measurement === undefined ? "…" : NO_SOURCE;

  async function exportYaml() {
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery({ ...trpc.targets.exportOpenSlo.queryOptions({ targetId }), staleTime: 0 });
      downloadText(file.fileName, file.yaml, "application/yaml;charset=utf-8");
    } catch {
      toast.error("The SLO could not be exported. Please try again.");
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card data-testid="target-slo">
      <CardHeader>
        <CardTitle>SLO</CardTitle>
      </CardHeader>
      <CardBody className="grid gap-3 text-sm">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
          <dt className="text-muted">Objective</dt>
          <dd className="break-words">{describeObjective(slo)}</dd>
          <dt className="text-muted">Window</dt>
          <dd className="break-words">{describeWindow(slo.window)}</dd>
          <dt className="text-muted">Service</dt>
          <dd className="break-words">{slo.service}</dd>
          <dt className="text-muted">Error budget</dt>
          <dd>{measured ? budgetText(measured.window, slo.objective.target) : pending}</dd>
          <dt className="text-muted">Burn rate (1 h, 6 h)</dt>
          <dd>
            {measured ? `${burnText(measured["1h"], slo.objective.target)}, ${burnText(measured["6h"], slo.objective.target)}` : pending}
          </dd>
        </dl>
        {measurement?.state === "measured" ? (
          <p className="text-xs text-muted">
            From {measurement.dataSourceName}, as of now.
            {measurement.problem ? <span className="block text-danger">{measurement.problem}</span> : null}
          </p>
        ) : null}
        <div>
          <Button variant="secondary" size="sm" onClick={exportYaml} disabled={exporting}>
            <Download aria-hidden="true" /> Export as OpenSLO
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
