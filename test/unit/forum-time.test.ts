import { describe, expect, it } from 'vitest';
import { nextOccurrences, parseRecurrence } from '../../src/forums/recurrence';
import { instantOf, localOf, spoken } from '../../src/forums/time';

describe('forum recurrence (RFC 5545 RRULE through rrule)', () => {
  it('takes the rules forums use and normalises them', () => {
    expect(parseRecurrence('FREQ=MONTHLY;INTERVAL=6')).toEqual({
      rule: 'RRULE:FREQ=MONTHLY;INTERVAL=6',
    });
    expect(parseRecurrence('rrule:freq=yearly;bymonth=3,9;byday=2we')).toEqual({
      rule: 'RRULE:FREQ=YEARLY;BYMONTH=3,9;BYDAY=+2WE',
    });
    expect(parseRecurrence('FREQ=MONTHLY;BYDAY=-1FR;COUNT=4')).toHaveProperty('rule');
  });

  it.each([
    ['FREQ=SOMETIMES', 'frequency'],
    ['FREQ=DAILY', 'frequency'],
    ['FREQ=SECONDLY', 'frequency'],
    ['FREQ=MONTHLY;BYDAY=XX', 'syntax'],
    ['FREQ=WEEKLY;INTERVAL=0', 'syntax'],
    ['FREQ=WEEKLY;COUNT=0', 'syntax'],
    ['FREQ=WEEKLY;BYMONTHDAY=3', 'syntax'],
    ['FREQ=WEEKLY;BYHOUR=9', 'syntax'],
    ['INTERVAL=2', 'syntax'],
    ['FREQ=WEEKLY;FREQ=MONTHLY', 'syntax'],
    ['DTSTART:20270101T000000Z', 'dtstart'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'no_dates'],
    ['FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31', 'no_dates'],
  ])('refuses %s (%s)', (rule, error) => {
    expect(parseRecurrence(rule)).toEqual({ error });
  });

  it('keeps the local hour across occurrences: 09:00 WIT stays 09:00 WIT', () => {
    const first = instantOf('2027-03-10T09:00', 'Asia/Jayapura')!;
    const next = nextOccurrences({
      rule: 'RRULE:FREQ=MONTHLY;INTERVAL=6',
      first,
      zone: 'Asia/Jayapura',
      after: new Date('2027-01-01T00:00:00Z'),
      until: new Date('2030-01-01T00:00:00Z'),
      count: 3,
    });
    expect(next.map((d) => localOf(d, 'Asia/Jayapura'))).toEqual([
      '2027-03-10T09:00',
      '2027-09-10T09:00',
      '2028-03-10T09:00',
    ]);
    expect(next[0]!.toISOString()).toBe('2027-03-10T00:00:00.000Z');
  });
});

describe('local time', () => {
  it('refuses wall times that do not exist rather than moving them', () => {
    expect(instantOf('2027-02-30T09:00', 'Asia/Jakarta')).toBeNull();
    expect(instantOf('2027-03-10T09:75', 'Asia/Jakarta')).toBeNull();
    expect(instantOf('2027-03-10T24:00', 'Asia/Jakarta')).toBeNull();
    expect(instantOf('0000-01-01T00:00', 'Asia/Jakarta')).toBeNull();
  });

  it('speaks Indonesian with the zone officials use', () => {
    const t = instantOf('2027-03-10T09:00', 'Asia/Makassar')!;
    expect(spoken(t, 'Asia/Makassar', 'id')).toBe('Rabu, 10 Maret 2027 pukul 09.00 WITA');
    expect(spoken(t, 'Asia/Makassar', 'en')).toBe('Wednesday, 10 March 2027 at 09:00 WITA');
  });
});
