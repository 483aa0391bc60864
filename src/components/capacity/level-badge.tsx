import { Badge } from "@/components/ui/badge";
import { energyWord } from "@/lib/energy/weekly";

export function levelTone(level: number) {
  return level <= 3 ? "danger" : level <= 5 ? "warning" : level <= 7 ? "neutral" : "success";
}

/** An energy level as its number and its word, in the level's colour. */
export function LevelBadge({ level }: { level: number }) {
  return (
    <Badge tone={levelTone(level)}>
      {Number.isInteger(level) ? level : level.toFixed(1)} · {energyWord(level)}
    </Badge>
  );
}
