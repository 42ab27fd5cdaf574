import { and, eq, inArray } from 'drizzle-orm';
import {
  type AgendaItem,
  type DayPlan,
  type MeetingRules,
  potentials,
} from '../../db/schema/index';
import { type Ctx } from '../platform/context';
import { badRequest, checkLink, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { termCodes } from '../reference/vocabularies';
import { MAX_DAY_SLOTS } from '../scheduling/scheduler';
import { slotsOf } from '../scheduling/slots';
import { DAY, type Venue } from './session-views';
import { instantOf, localOf, type Zone } from './time';

export type SessionFields = {
  title?: string;
  description?: string;
  start?: string;
  end?: string;
  timeZone?: Zone;
  venue?: Venue;
  capacity?: number;
  autoApprove?: boolean;
  registrationOpens?: string;
  registrationCloses?: string;
  agenda?: (Omit<AgendaItem, 'speakers' | 'potentialIds'> & {
    speakers?: string[];
    potentialIds?: string[];
  })[];
  dayPlan?: DayPlan | null;
  meetingRules?: Partial<MeetingRules>;
};

/** Checks a session's times, window, agenda and day plan; every problem names its field. */
export async function resolveSession(
  ctx: Ctx,
  base: {
    startsAt: Date;
    endsAt: Date;
    timeZone: Zone;
    registrationOpensAt: Date;
    registrationClosesAt: Date;
  },
  input: SessionFields,
) {
  const errors: RaisedFieldError[] = [];
  const zone = input.timeZone ?? base.timeZone;
  const at = (field: keyof SessionFields, value: string | undefined, fallback: Date) => {
    if (value === undefined) return fallback;
    const d = instantOf(value, zone);
    if (!d)
      errors.push({
        location: `body.${field}`,
        message: fieldMessage('forums.no_such_local_date_time_format'),
      });
    return d ?? fallback;
  };
  // a zone change keeps the wall-clock times people agreed on
  const rezone = (d: Date) =>
    input.timeZone && input.timeZone !== base.timeZone
      ? (instantOf(localOf(d, base.timeZone), zone) ?? d)
      : d;
  const startsAt = at('start', input.start, rezone(base.startsAt));
  const endsAt = at('end', input.end, rezone(base.endsAt));
  const registrationOpensAt = at(
    'registrationOpens',
    input.registrationOpens,
    base.registrationOpensAt,
  );
  const registrationClosesAt = at(
    'registrationCloses',
    input.registrationCloses,
    base.registrationClosesAt,
  );
  if (endsAt <= startsAt)
    errors.push({
      location: 'body.end',
      message: fieldMessage('forums.must_after_start'),
    });
  if (endsAt.getTime() - startsAt.getTime() > 14 * DAY)
    errors.push({
      location: 'body.end',
      message: fieldMessage('forums.session_lasts_at_most_14_days'),
    });
  if (registrationClosesAt <= registrationOpensAt)
    errors.push({
      location: 'body.registrationCloses',
      message: fieldMessage('forums.must_after_registration_opens'),
    });
  if (registrationClosesAt > startsAt)
    errors.push({
      location: 'body.registrationCloses',
      message: fieldMessage('forums.registration_must_close_by_time_session'),
    });
  checkLink(ctx.config, input.venue?.onlineUrl, 'body.venue.onlineUrl');
  let agenda: AgendaItem[] | undefined;
  if (input.agenda) {
    agenda = [];
    const potentialIds = [...new Set(input.agenda.flatMap((a) => a.potentialIds ?? []))];
    const known = potentialIds.length
      ? new Set(
          (
            await ctx.db
              .select({ id: potentials.id })
              .from(potentials)
              .where(and(inArray(potentials.id, potentialIds), eq(potentials.status, 'published')))
          ).map((p) => p.id),
        )
      : new Set<string>();
    input.agenda.forEach((item, i) => {
      const s = instantOf(item.start, zone);
      const e = instantOf(item.end, zone);
      if (!s || !e || e <= s || s < startsAt || e > endsAt)
        errors.push({
          location: `body.agenda.${i}.end`,
          message: fieldMessage('forums.item_must_end_after_starts_lie'),
        });
      (item.potentialIds ?? []).forEach((p, j) => {
        if (!known.has(p))
          errors.push({
            location: `body.agenda.${i}.potentialIds.${j}`,
            message: fieldMessage('forums.must_published_cooperation_potential'),
          });
      });
      agenda!.push({
        start: item.start,
        end: item.end,
        title: item.title,
        speakers: item.speakers ?? [],
        potentialIds: item.potentialIds ?? [],
      });
    });
    agenda.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
  if (input.dayPlan) {
    const first = localOf(startsAt, zone).slice(0, 10);
    const last = localOf(endsAt, zone).slice(0, 10);
    input.dayPlan.days.forEach((d, i) => {
      const ok =
        d.date >= first &&
        d.date <= last &&
        d.start < d.end &&
        d.breaks.every((b) => b.start < b.end && b.start >= d.start && b.end <= d.end);
      if (!ok)
        errors.push({
          location: `body.dayPlan.days.${i}`,
          message: fieldMessage('forums.day_must_fall_within_session_start'),
        });
      else if (
        slotsOf({ ...input.dayPlan!, days: [d] }, (l) => instantOf(l, zone)).length > MAX_DAY_SLOTS
      )
        errors.push({
          location: `body.dayPlan.days.${i}`,
          message: fieldMessage('forums.at_most_meeting_slots_day_lengthen', { MAX_DAY_SLOTS }),
        });
    });
    const dates = input.dayPlan.days.map((x) => x.date);
    if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!))
      errors.push({
        location: 'body.dayPlan.days',
        message: fieldMessage('forums.dates_order_each_once'),
      });
  }
  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  return { startsAt, endsAt, registrationOpensAt, registrationClosesAt, zone, agenda };
}

export function checkThemes(
  input: { issues?: string[]; affairs?: string[] },
  errors: RaisedFieldError[],
) {
  for (const [field, vocabulary] of [
    ['issues', 'strategic-issues'],
    ['affairs', 'affairs'],
  ] as const) {
    const known = termCodes(vocabulary);
    input[field]?.forEach((code, i) => {
      if (!known.has(code))
        errors.push({
          location: `body.${field}.${i}`,
          message: fieldMessage('forums.unknown_code_see_v1_vocabularies', { code, vocabulary }),
        });
    });
  }
}
