import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { linkOf, type Origins } from '../platform/links';
import type { SessionRow } from './access';

const vtimezone = (zone: string): string | null => {
  const [block] = tzlib_get_ical_block(zone);
  return block?.startsWith('BEGIN:VTIMEZONE') ? block : null;
};

export type CalendarEntry = {
  session: SessionRow;
  convenerName: string;
  /** the registration behind it, for a delegation's feed: a waitlisted place is tentative */
  tentative?: boolean;
};

/**
 * iCalendar (RFC 5545) for sessions, written by ical-generator: a stable UID
 * per session, SEQUENCE rising with each change, STATUS:CANCELLED once
 * cancelled, times in the venue's zone with its VTIMEZONE (a session in
 * Jayapura reads 09:00 WIT), and a URL back to the session in the API.
 */
/** A bilateral meeting in a delegation's feed: its slot, table and counterpart. */
export type CalendarMeeting = {
  id: string;
  session: SessionRow;
  start: Date;
  minutes: number;
  table: number;
  counterpart: string;
  sequence: number;
  cancelled: boolean;
};

export function calendarOf(input: {
  name: string;
  /** where links point (the link table's origins) */
  origin: Origins;
  entries: CalendarEntry[];
  meetings?: CalendarMeeting[];
  now: Date;
}): string {
  const cal = ical({
    name: input.name,
    prodId: { company: 'Sinergi', product: 'Forum Kerja Sama Daerah', language: 'ID' },
    // one VTIMEZONE per zone the events use, from timezones-ical-library's bundled IANA data
    // (it needs no file system, so it runs on Workers too)
    timezone: { name: null, generator: vtimezone },
  });
  for (const { session: s, convenerName, tentative } of input.entries) {
    const location = [s.venueName, s.venueAddress, s.onlineUrl].filter(Boolean).join(', ');
    cal.createEvent({
      id: `${s.id}@sinergi`,
      sequence: s.sequence,
      stamp: s.updatedAt > input.now ? input.now : s.updatedAt,
      start: new TZDate(s.startsAt.getTime(), s.timeZone),
      end: new TZDate(s.endsAt.getTime(), s.timeZone),
      timezone: s.timeZone,
      summary: s.title,
      description: [
        `Penyelenggara: ${convenerName}`,
        s.description,
        s.status === 'cancelled' && s.cancelReason ? `Dibatalkan: ${s.cancelReason}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: location || null,
      url: linkOf(input.origin, 'forumSession', { forumId: s.forumId, sessionId: s.id }),
      status:
        s.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : tentative || s.status === 'draft'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  for (const m of input.meetings ?? []) {
    const s = m.session;
    cal.createEvent({
      id: `${m.id}@sinergi`,
      sequence: m.sequence,
      stamp: input.now,
      start: new TZDate(m.start.getTime(), s.timeZone),
      end: new TZDate(m.start.getTime() + m.minutes * 60_000, s.timeZone),
      timezone: s.timeZone,
      summary: `Pertemuan bilateral: ${m.counterpart} (meja ${m.table})`,
      description: `${s.title}\nMeja ${m.table}, bersama ${m.counterpart}`,
      location: [s.venueName, s.venueAddress].filter(Boolean).join(', ') || null,
      url: linkOf(input.origin, 'forumSession', { forumId: s.forumId, sessionId: s.id }),
      status:
        m.cancelled || s.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
