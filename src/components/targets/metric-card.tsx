"use client";

import { useId } from "react";
import { MetricPull } from "@/components/integrations";
import { Card, CardBody } from "@/components/ui/card";
import { AddCheckInForm } from "./check-in-form";
import { MetricHeader } from "./metric-header";
import { MetricLatest, MilestoneDone } from "./metric-latest";
import { MetricTrend } from "./metric-trend";
import { RecentCheckIns } from "./recent-check-ins";
import type { MetricRow, TargetDetailData } from "./types";

/**
 * One metric of a target: its header and actions, then either a milestone's
 * "done" or a number's latest value, chart, check-in form and recent check-ins.
 * Each part is its own component with its own state and mutations.
 */
export function MetricCard({ metric, target }: { metric: MetricRow; target: TargetDetailData }) {
  const headingId = useId();
  const health = target.status === "active" ? metric.status.health : null;
  return (
    <Card aria-labelledby={headingId}>
      <CardBody className="grid gap-4">
        <MetricHeader metric={metric} target={target} health={health} headingId={headingId} />
        {metric.kind === "milestone" ? (
          <MilestoneDone metric={metric} readOnly={!target.canCheckIn} />
        ) : (
          <>
            <MetricLatest metric={metric} health={health} />
            <MetricTrend metric={metric} target={target} health={health} />
            <MetricPull metric={metric} canEdit={target.canEdit} />
            {target.canCheckIn ? <AddCheckInForm metric={metric} /> : null}
            <p className="text-xs text-muted">
              API id:{" "}
              <code className="select-all rounded bg-surface-2 px-1" data-testid="metric-id">
                {metric.id}
              </code>
            </p>
            <RecentCheckIns metric={metric} canChange={target.canCheckIn} />
          </>
        )}
      </CardBody>
    </Card>
  );
}
