"use client";

import { useEffect, useState } from "react";
import { useTimeZone } from "@/components/ui/today";
import { slotAt, type Slot } from "@/lib/energy/slots";

/** How often the slot offered is checked against the clock: a page left open moves on at 11:00 and 15:00. */
const EVERY_MINUTE = 60_000;

/**
 * The slot of the user's day now, in their time zone (the profile's, not the
 * browser's), following the clock while the page is open: taken from the
 * week's query it would be the slot when the week was fetched, which a
 * cached or long-open page leaves behind.
 */
export function useSlotNow(): Slot {
  const timeZone = useTimeZone();
  const [slot, setSlot] = useState<Slot>(() => slotAt(new Date(), timeZone));
  useEffect(() => {
    const tick = () => setSlot(slotAt(new Date(), timeZone));
    tick(); // the zone may differ from the first render's
    const timer = setInterval(tick, EVERY_MINUTE);
    return () => clearInterval(timer);
  }, [timeZone]);
  return slot;
}
