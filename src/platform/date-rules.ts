import type { RaisedFieldError } from './errors';
import { dateFormat } from './text';

/**
 * Dates on documents that cannot be: a document dated after today, a later
 * document dated before the one it rests on. Each refusal names both dates,
 * written as officials write them.
 */

/** A calendar date for people: `5 Januari 2027` (`5 January 2027`) for `2027-01-05`. */
export function spokenDate(iso: string, lang: 'id' | 'en'): string {
  return dateFormat(lang, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T12:00:00Z`));
}

/** A deadline for people, with its weekday: `Sabtu, 19 Desember 2026` (`Saturday, 19 December 2026`). */
export function spokenDeadline(iso: string, lang: 'id' | 'en'): string {
  return dateFormat(lang, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${iso}T12:00:00Z`));
}

/** The calendar date of an instant in WIB (UTC+7): the day a deadline falls on, for people. */
export function wibDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** An instant some whole days later (earlier, when negative). */
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400_000);

/** The last instant of a calendar day in WIB: when a deadline on that day has passed (`wibDate` of it is the day). */
export function endOfDayWib(iso: string): Date {
  return new Date(`${iso}T23:59:59+07:00`);
}

/**
 * Today somewhere in Indonesia: the date in WIT (UTC+9), the first zone to
 * reach a new day, so no office is refused a document dated its own today.
 */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

type Named = { id: string; en: string };

/** `date` (of `what`) must not be after today. */
export function notAfterToday(
  location: string,
  what: Named,
  date: string,
  now: Date,
): RaisedFieldError | null {
  const today = latestToday(now);
  if (date <= today) return null;
  return {
    location,
    message: {
      id: `${what.id} (${spokenDate(date, 'id')}) tidak boleh setelah hari ini (${spokenDate(today, 'id')})`,
      en: `the ${what.en} (${spokenDate(date, 'en')}) cannot be after today (${spokenDate(today, 'en')})`,
    },
  };
}

/** `later` (of `what`) must not be before `earlier` (of `basis`); `strict`: nor on the same day. */
export function notBefore(
  location: string,
  what: Named,
  later: string,
  basis: Named,
  earlier: string,
  strict = false,
): RaisedFieldError | null {
  if (strict ? later > earlier : later >= earlier) return null;
  return {
    location,
    message: {
      id: `${what.id} (${spokenDate(later, 'id')}) ${strict ? 'harus setelah' : 'tidak boleh sebelum'} ${basis.id} (${spokenDate(earlier, 'id')})`,
      en: `the ${what.en} (${spokenDate(later, 'en')}) ${strict ? 'must be after' : 'cannot be before'} the ${basis.en} (${spokenDate(earlier, 'en')})`,
    },
  };
}
