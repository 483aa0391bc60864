import { weekStartOf } from "@/lib/energy/week";

/** `?week=` as a Monday: any valid day becomes its week's Monday; anything else means this week. */
export function weekParam(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return undefined;
  return weekStartOf(value);
}
