"use client";

import { useEffect, useState } from "react";
import { useTimeZone } from "@/components/ui/today";
import { slotAt, type Slot } from "@/lib/energy/slots";

/** How often the slot offered is checked against the clock: a page left open moves on at 11:00 and 15:00. */
const EVERY_MINUTE = 60_000;

/**
 * The slot of the user's day now, in their time zone (the profile's, not the
 * browser's), following the clock while the page is open. Null until the page
 * is mounted: the server's render and hydration use the week's `currentSlot`
 * (the same in both), so a render a second apart across 11:00 cannot mismatch;
 * after that the clock decides, not a cached or long-open week's fetch time.
 */
export function useSlotNow(): Slot | null {
  const timeZone = useTimeZone();
  const [slot, setSlot] = useState<Slot | null>(null);
  useEffect(() => {
    const tick = () => setSlot(slotAt(new Date(), timeZone));
    tick();
    const timer = setInterval(tick, EVERY_MINUTE);
    return () => clearInterval(timer);
  }, [timeZone]);
  return slot;
}
