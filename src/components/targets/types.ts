import type { RouterOutputs } from "@/trpc/types";

/** A target as its page shows it, and one of its metrics. */
export type TargetDetailData = RouterOutputs["targets"]["get"];
export type MetricRow = TargetDetailData["metrics"][number];
export type CheckInRow = MetricRow["recent"][number];
