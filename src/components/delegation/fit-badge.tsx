import { Badge } from "@/components/ui/badge";
import type { Fit } from "@/lib/delegation/suggestion";

/** How the current level compares with the suggestion, in words. */
export function FitBadge({ fit }: { fit: Fit }) {
  if (fit === "tighter") return <Badge tone="warning">▼ Held tighter than suggested</Badge>;
  if (fit === "looser") return <Badge tone="danger">▲ Delegated beyond suggestion</Badge>;
  return <Badge tone="success">● Matches suggestion</Badge>;
}
