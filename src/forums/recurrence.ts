import * as rruleModule from 'rrule';
import type { Zone } from './time';
import { localOf } from './time';

// rrule ships CommonJS for Node (its exports on `default`) and ESM for bundlers (named exports):
// read it either way, so the same code runs under Node and in the Worker bundle
const rrule: typeof rruleModule =
  (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;
const { rrulestr } = rrule;
type RRule = ReturnType<typeof rrulestr>;

/**
 * The parts of RFC 5545 a forum's recurrence may use, and the values each may
 * take. Forums recur weekly at most often; their time of day is the forum's
 * own first start, so BYHOUR/BYMINUTE/BYSECOND are not taken, nor BYYEARDAY and
 * BYWEEKNO. This is not there to limit people: rrule expands a rule that can
 * never match (say, 30 February every day) by walking to the year 9999, seconds
 * of CPU per request, and these limits bound that walk to milliseconds.
 */
const WEEKDAY = '(?:[+-]?[1-5])?(?:MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(?:,${item}){0,30}$`);
const PARTS: Record<string, RegExp> = {
  FREQ: /^(?:WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^(?:[1-9]|[1-9]\d)$/,
  COUNT: /^(?:[1-9]\d{0,2})$/,
  UNTIL: /^\d{8}(?:T\d{6}Z?)?$/,
  WKST: /^(?:MO|TU|WE|TH|FR|SA|SU)$/,
  BYDAY: list(WEEKDAY),
  BYMONTH: list('(?:[1-9]|1[0-2])'),
  BYMONTHDAY: list('-?(?:[1-9]|[12]\\d|3[01])'),
  BYSETPOS: list('-?[1-5]'),
};

/** The longest each month can be (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether BYMONTHDAY can fall in one of the BYMONTH months at all (not 30 February). */
function someMonthHasTheDay(parts: Map<string, string>): boolean {
  const days = parts.get('BYMONTHDAY')?.split(',').map(Number);
  if (!days) return true;
  const months = parts.get('BYMONTH')?.split(',').map(Number) ?? [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
  ];
  return months.some((m) => days.some((d) => Math.abs(d) <= MONTH_DAYS[m - 1]!));
}

export type RecurrenceError = 'syntax' | 'dtstart' | 'frequency' | 'no_dates';

/**
 * Checks an RFC 5545 RRULE (with or without the `RRULE:` prefix). Returns the
 * normalised rule line, or why it is not taken.
 */
export function parseRecurrence(text: string): { rule: string } | { error: RecurrenceError } {
  const line = text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  if (/DTSTART|TZID/.test(line)) return { error: 'dtstart' };
  const parts = new Map<string, string>();
  for (const part of line.split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || !value || extra !== undefined || parts.has(key)) return { error: 'syntax' };
    if (key === 'FREQ' && !PARTS.FREQ!.test(value)) return { error: 'frequency' };
    if (!PARTS[key]?.test(value)) return { error: 'syntax' };
    parts.set(key, value);
  }
  if (!parts.has('FREQ')) return { error: 'syntax' };
  if (parts.has('COUNT') && parts.has('UNTIL')) return { error: 'syntax' };
  // RFC 5545 §3.3.10: BYMONTHDAY is not used with WEEKLY; BYSETPOS needs another BYxxx
  if (parts.get('FREQ') === 'WEEKLY' && parts.has('BYMONTHDAY')) return { error: 'syntax' };
  if (parts.has('BYSETPOS') && !['BYDAY', 'BYMONTH', 'BYMONTHDAY'].some((k) => parts.has(k)))
    return { error: 'syntax' };
  if (!someMonthHasTheDay(parts)) return { error: 'no_dates' };
  let rule: RRule;
  try {
    rule = rrulestr(`RRULE:${line}`, { dtstart: new Date(Date.UTC(2000, 0, 1)) });
    // a rule that never produces a date (30 February) is refused here, not found out by a job
    if (rule.all((_, i) => i < 1).length === 0 && !parts.has('UNTIL')) return { error: 'no_dates' };
  } catch {
    return { error: 'syntax' };
  }
  // the rule alone: the first occurrence is the forum's own, in its zone
  return {
    rule: rule
      .toString()
      .split('\n')
      .find((l) => l.startsWith('RRULE:'))!,
  };
}

/**
 * The next `count` occurrences after `after` (exclusive) and before `until`,
 * for a rule anchored at `first` in the forum's zone: a forum at 09:00 WIT
 * stays at 09:00 WIT.
 */
export function nextOccurrences(input: {
  rule: string;
  first: Date;
  zone: Zone;
  after: Date;
  until: Date;
  count: number;
}): Date[] {
  const local = localOf(input.first, input.zone).replace(/[-:]/g, '');
  const rule = rrulestr(`DTSTART;TZID=${input.zone}:${local}00\n${input.rule}`);
  const out: Date[] = [];
  const all = rule.between(input.after, input.until, false, (_d, i) => i < input.count);
  for (const d of all) if (out.length < input.count) out.push(d);
  return out;
}
