import rrulePkg from 'rrule';
import type { Zone } from './time';
import { localOf } from './time';

// rrule ships CommonJS: its named exports are on the default import under Node's ESM loader
const { RRule, rrulestr } = rrulePkg;

/** Forums meet at most daily: finer frequencies are refused, and so is an unbounded expansion. */
const ALLOWED_FREQ = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
const LINE = /^RRULE:[A-Z0-9=;,+-]{1,300}$/;

/**
 * Checks an RFC 5545 RRULE (with or without the `RRULE:` prefix). Returns the
 * normalised rule line, or the reason it is not valid.
 */
export type RecurrenceError = 'syntax' | 'dtstart' | 'frequency' | 'no_dates';
export function parseRecurrence(text: string): { rule: string } | { error: RecurrenceError } {
  const line = text.trim().toUpperCase().startsWith('RRULE:')
    ? text.trim().toUpperCase()
    : `RRULE:${text.trim().toUpperCase()}`;
  if (!LINE.test(line)) return { error: 'syntax' };
  if (/DTSTART|TZID/.test(line)) return { error: 'dtstart' };
  let rule: InstanceType<typeof RRule>;
  try {
    rule = rrulestr(line, { dtstart: new Date(Date.UTC(2000, 0, 1)) }) as InstanceType<
      typeof RRule
    >;
  } catch {
    return { error: 'syntax' };
  }
  if (!ALLOWED_FREQ.has(rule.options.freq)) return { error: 'frequency' };
  try {
    // a rule that cannot produce dates (BYDAY=XX and similar) fails here, not later in a job
    rule.all((_, i) => i < 2);
  } catch {
    return { error: 'no_dates' };
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
