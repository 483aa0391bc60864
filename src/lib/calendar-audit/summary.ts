import { dayIn } from "../one-on-ones/days";
import { SLOTS, slotAt, type Slot } from "../energy/slots";
import { formatterCache } from "../time-zone";

/** What the summary reads of a meeting (as stored or as parsed). */
export type MeetingTimes = { start: Date | string; end: Date | string; recurring: boolean; allDay: boolean };
export type EnergyReading = { day: string; slot: Slot; level: number };

/** Meetings this close together make one block: back-to-back with a short break between. */
const BLOCK_GAP_MINUTES = 15;
/** A block starting from this hour (the user's clock) until the end of the working day is an afternoon block. */
const AFTERNOON_FROM = 12;
const AFTERNOON_UNTIL = 18;

const hourFormat = formatterCache(64, { hour: "2-digit", hourCycle: "h23" }, "en-GB");
const ms = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());

export type MeetingLoad = {
  meetingMinutes: number;
  recurringMinutes: number;
  afternoonBlocks: number;
  /** Afternoon blocks with an energy entry before and after them. */
  comparedBlocks: number;
  /** Of those, the blocks after which the energy was lower. */
  fellAfter: number;
  sentence: string;
};

/** Hours as people say them: whole, or to one decimal ("22 h", "5.5 h"). */
export function hoursText(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

/**
 * The week's meeting load beside the energy log. Hours count timed meetings
 * (all-day events are listed, not counted). An afternoon block is a run of
 * meetings (gaps up to 15 minutes) starting between 12:00 and 18:00; the
 * energy "fell after" it when the entry of the slot it ends in is lower than
 * the entry of the slot before the one it starts in (the energy log's slots:
 * start of day until 11:00, midday until 15:00, end of day).
 */
export function meetingLoad(meetings: MeetingTimes[], entries: EnergyReading[], timeZone: string): MeetingLoad {
  const timed = meetings.filter((m) => !m.allDay).sort((a, b) => ms(a.start) - ms(b.start));
  const minutes = (m: MeetingTimes) => Math.max(0, Math.round((ms(m.end) - ms(m.start)) / 60_000));
  const meetingMinutes = timed.reduce((sum, m) => sum + minutes(m), 0);
  const recurringMinutes = timed.filter((m) => m.recurring).reduce((sum, m) => sum + minutes(m), 0);

  const blocks: { start: number; end: number }[] = [];
  for (const m of timed) {
    const last = blocks.at(-1);
    if (
      last &&
      ms(m.start) - last.end <= BLOCK_GAP_MINUTES * 60_000 &&
      dayIn(new Date(ms(m.start)), timeZone) === dayIn(new Date(last.start), timeZone)
    ) {
      last.end = Math.max(last.end, ms(m.end));
    } else blocks.push({ start: ms(m.start), end: ms(m.end) });
  }
  const afternoon = blocks.filter((b) => {
    const hour = Number(hourFormat(timeZone).format(new Date(b.start)));
    return hour >= AFTERNOON_FROM && hour < AFTERNOON_UNTIL;
  });
  const level = new Map(entries.map((e) => [`${e.day} ${e.slot}`, e.level]));
  let comparedBlocks = 0;
  let fellAfter = 0;
  for (const block of afternoon) {
    const change = energyAround(block, level, timeZone);
    if (change === null) continue;
    comparedBlocks++;
    if (change < 0) fellAfter++;
  }
  return {
    meetingMinutes,
    recurringMinutes,
    afternoonBlocks: afternoon.length,
    comparedBlocks,
    fellAfter,
    sentence: sentenceOf(meetingMinutes, recurringMinutes, afternoon.length, comparedBlocks, fellAfter),
  };
}

/** After minus before, or null when either entry is missing (or the block starts in the first slot: nothing is before it). */
function energyAround(block: { start: number; end: number }, level: Map<string, number>, timeZone: string): number | null {
  const day = dayIn(new Date(block.start), timeZone);
  const startSlot = SLOTS.indexOf(slotAt(new Date(block.start), timeZone));
  // The slot the block ends in; a block ending on the hour belongs to the slot before that boundary.
  const endSlot = Math.max(startSlot, SLOTS.indexOf(slotAt(new Date(block.end - 60_000), timeZone)));
  if (startSlot === 0) return null;
  const before = level.get(`${day} ${SLOTS[startSlot - 1]}`);
  const after = level.get(`${day} ${SLOTS[endSlot]}`);
  return before === undefined || after === undefined ? null : after - before;
}

function sentenceOf(total: number, recurring: number, blocks: number, compared: number, fell: number): string {
  if (total === 0) return "No meetings in this week.";
  const load = `${hoursText(total)} in meetings, ${hoursText(recurring)} of them recurring`;
  if (blocks === 0) return `${load}; no afternoon blocks.`;
  const blockWord = (n: number) => `${n} afternoon block${n === 1 ? "" : "s"}`;
  if (compared === 0) return `${load}; ${blockWord(blocks)}, none with energy logged before and after it.`;
  const rest = blocks - compared;
  const unlogged = rest > 0 ? ` (${rest} more without energy logged around ${rest === 1 ? "it" : "them"})` : "";
  return `${load}; your energy fell after ${fell} of the ${blockWord(compared)}${unlogged}.`;
}

/** The compact line beside the energy log and the plan: "Meetings this week: 22 h (9 h recurring)". */
export function loadLine(meetingMinutes: number, recurringMinutes: number): string {
  return `Meetings this week: ${hoursText(meetingMinutes)} (${hoursText(recurringMinutes)} recurring)`;
}

/** The slots of the user's day a meeting spans. */
export function slotsOf(meeting: { start: Date | string; end: Date | string }, timeZone: string): { day: string; slot: Slot }[] {
  const start = new Date(ms(meeting.start));
  const end = new Date(Math.max(ms(meeting.start), ms(meeting.end) - 60_000));
  const day = dayIn(start, timeZone);
  const from = SLOTS.indexOf(slotAt(start, timeZone));
  const to = dayIn(end, timeZone) === day ? SLOTS.indexOf(slotAt(end, timeZone)) : SLOTS.length - 1;
  return SLOTS.slice(from, Math.max(from, to) + 1).map((slot) => ({ day, slot }));
}

/** The activities of the tagged timed meetings in a day's slot: suggested tags for that slot's energy entry. */
export function suggestedTags(
  meetings: (MeetingTimes & { activity: string | null })[],
  day: string,
  slot: Slot,
  timeZone: string,
): string[] {
  const out = new Set<string>();
  for (const m of meetings) {
    if (!m.activity || m.allDay) continue;
    if (slotsOf(m, timeZone).some((s) => s.day === day && s.slot === slot)) out.add(m.activity);
  }
  return [...out];
}
