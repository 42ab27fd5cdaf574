import { TZDate } from '@date-fns/tz';
import { dateFormat } from '../platform/text';
import type { TimeZone } from '../reference/geography';

/**
 * Local time as officials read it. A forum keeps the IANA zone of its venue;
 * people see WIB, WITA or WIT. Indonesia keeps no daylight saving, but the
 * conversion goes through @date-fns/tz (the platform's time-zone data), not
 * fixed offsets, so nothing here assumes it.
 */
export const ZONES = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const satisfies Record<string, TimeZone>;
export type Zone = keyof typeof ZONES;
export const ZONE_NAMES = Object.keys(ZONES) as [Zone, ...Zone[]];

export const zoneOfLabel = (label: TimeZone): Zone =>
  (Object.entries(ZONES) as [Zone, TimeZone][]).find(([, l]) => l === label)![0];

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2027-03-10T09:00` in a zone → the instant; null when the wall time does not exist. */
export function instantOf(local: string, zone: Zone): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const t = new TZDate(y, mo - 1, d, h, mi, zone);
  // a date such as 2027-02-30 or a time such as 09:75 rolls over: refuse it rather than move it
  if (
    t.getFullYear() !== y ||
    t.getMonth() !== mo - 1 ||
    t.getDate() !== d ||
    t.getHours() !== h ||
    t.getMinutes() !== mi
  )
    return null;
  return new Date(t.getTime());
}

/** The instant as `2027-03-10T09:00` in the zone. */
export function localOf(instant: Date, zone: Zone): string {
  const t = new TZDate(instant.getTime(), zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** In zone-local time, for people: `Rabu, 10 Maret 2027 pukul 09.00 WITA`. */
export function spoken(instant: Date, zone: Zone, lang: 'id' | 'en'): string {
  const text = dateFormat(lang, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
  return `${text} ${ZONES[zone]}`;
}

export { spokenDate } from '../platform/date-rules';

/** The day of an instant in a zone, for people: `Senin, 30 November 2026 (WITA)`. */
export function spokenDay(instant: Date, zone: Zone, lang: 'id' | 'en'): string {
  const text = dateFormat(lang, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
  return `${text} (${ZONES[zone]})`;
}

/** The calendar year in Indonesia's western zone (WIB): what "this year" means in reports. */
export const yearInIndonesia = (instant: Date): number =>
  Number(localOf(instant, 'Asia/Jakarta').slice(0, 4));
