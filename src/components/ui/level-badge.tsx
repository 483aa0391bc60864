import { Badge } from "@/components/ui/badge";
import { energyWord } from "@/lib/energy/weekly";

export function levelTone(level: number) {
  return level <= 3 ? "danger" : level <= 5 ? "warning" : level <= 7 ? "neutral" : "success";
}

const BAR = { danger: "bg-danger", warning: "bg-warning", neutral: "bg-muted", success: "bg-success" } as const;

/** The fill of a bar drawn for an energy level, in the level's colour. */
export function levelBar(level: number) {
  return BAR[levelTone(level)];
}

/** An energy level as its number and its word, in the level's colour. */
export function LevelBadge({ level }: { level: number }) {
  return (
    <Badge tone={levelTone(level)}>
      {Number.isInteger(level) ? level : level.toFixed(1)} · {energyWord(level)}
    </Badge>
  );
}
