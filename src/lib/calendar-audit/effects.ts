/** How a meeting felt, as the user marks it in the calendar audit (the schema's column takes these). */
export const MEETING_EFFECTS = ["draining", "neutral", "energising"] as const;
export type MeetingEffect = (typeof MEETING_EFFECTS)[number];
export const EFFECT_LABELS: Record<MeetingEffect, string> = { draining: "Draining", neutral: "Neutral", energising: "Energising" };
