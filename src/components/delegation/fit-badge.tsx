import { Badge } from "@/components/ui/badge";
import type { DelegationFlag } from "@/lib/delegation/flag";

/**
 * How the current level compares with the suggestion, in words
 * (lib/delegation/flag.ts). A level beyond the suggestion with a reason is a
 * decision: plain text with the reason, which may be long, so not a pill.
 */
export function FitBadge({ flag }: { flag: DelegationFlag }) {
  if (flag.kind === "beyond-on-purpose") return <p className="max-w-64 break-words text-xs text-muted">{flag.words}</p>;
  return <Badge tone={flag.tone}>{flag.words}</Badge>;
}
