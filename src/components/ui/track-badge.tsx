import { Badge } from "@/components/ui/badge";
import type { Track } from "@/lib/people/ladder";

/** The one way the two tracks are told apart everywhere: a labelled badge, never colour alone. */
export function TrackBadge({ track }: { track: Track }) {
  return track === "manager" ? <Badge tone="accent">Manager</Badge> : <Badge tone="success">IC</Badge>;
}
