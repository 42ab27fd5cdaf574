/**
 * The slots of a session's day plan, in time order: each day from its start
 * to its end in steps of `slotMinutes`, leaving out any slot that overlaps a
 * break. Times are local `HH:mm` in the venue's zone; `toInstant` turns a local
 * date and time into the instant (the caller knows the zone).
 */
/** The day plan as the session stores it (db/schema/forums.ts). */
export type DayPlan = {
  days: { date: string; start: string; end: string; breaks: { start: string; end: string }[] }[];
  slotMinutes: number;
  tables: number;
};
export type Slot = { index: number; day: number; start: Date; end: Date; local: string };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function slotsOf(plan: DayPlan, toInstant: (local: string) => Date | null): Slot[] {
  const out: Slot[] = [];
  plan.days.forEach((d, day) => {
    const breaks = d.breaks.map((b) => [minutes(b.start), minutes(b.end)] as const);
    for (let t = minutes(d.start); t + plan.slotMinutes <= minutes(d.end); t += plan.slotMinutes) {
      const end = t + plan.slotMinutes;
      if (breaks.some(([bs, be]) => t < be && end > bs)) continue;
      const local = `${d.date}T${clock(t)}`;
      const start = toInstant(local);
      const finish = toInstant(`${d.date}T${clock(end)}`);
      if (!start || !finish) continue;
      out.push({ index: out.length, day, start, end: finish, local });
    }
  });
  return out;
}
