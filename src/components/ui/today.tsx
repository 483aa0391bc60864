"use client";

import { createContext, useCallback, useContext } from "react";
import { formatDateTime } from "@/lib/format";
import { todayIn } from "@/lib/today";

// The signed-in user's time zone, from the session the app layout read: the
// browser's own zone may differ (a laptop on a trip), and "due today" must
// mean the same day as on Home and the prep page, which the server computes.
const TimeZoneContext = createContext<string>("UTC");

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The user's calendar day now (YYYY-MM-DD), for dueIn and relativeDay. */
export function useToday(): string {
  return todayIn(useContext(TimeZoneContext));
}

/** The signed-in user's time zone: dates shown in it read the same on the server and in the browser. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** formatDateTime in the user's zone. */
export function useFormatDateTime(): (date: Date) => string {
  const timeZone = useTimeZone();
  return useCallback((date: Date) => formatDateTime(date, undefined, timeZone), [timeZone]);
}
