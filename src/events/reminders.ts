import { and, eq, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import {
  agreementParties,
  agreements,
  domainEvents,
  forumFollowUps,
  forumMeetings,
  forumSessions,
  mappingRounds,
  tenants,
} from '../../db/schema';
import type { Ctx } from '../platform/context';
import { addDays, endOfDayWib, wibDate } from '../platform/date-rules';
import { placeOf } from '../platform/offices';
import { recordEvent } from './events';
import type { EventType, PayloadOf } from './types';

/**
 * What a deadline asks of people, told as it nears (the `reminders` job): a
 * mapping round closing in 7 days and in 1; a meeting request expiring within
 * 24 hours; a forum follow-up due within 3 days, and overdue; a PKS ending in
 * 90 days and in 30, and ended without renewal. Each reminder is an event
 * recorded once per object and step (`step` in its payload): the job can run
 * as often as it likes.
 */
const DAY = 86400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
/** The smallest step (of descending `steps`) the remaining days fall within, or null. */
const stepOf = (days: number, steps: number[]) =>
  days < 0 ? null : ([...steps].reverse().find((s) => days <= s) ?? null);

export async function sendReminders({ ctx }: { ctx: Ctx }) {
  const now = ctx.now();
  const today = wibDate(now);
  const inDays = (n: number) => wibDate(addDays(now, n));
  type Planned = {
    [T in EventType]: {
      type: T;
      step: string;
      tenantIds: string[];
      objectId: string;
      payload: PayloadOf<T>;
      dueAt?: Date;
    };
  }[EventType];
  const planned: Planned[] = [];

  const [rounds, meetings, followUps, pks] = await Promise.all([
    ctx.db
      .select()
      .from(mappingRounds)
      .where(
        and(
          eq(mappingRounds.status, 'open'),
          sql`${mappingRounds.deadline} between ${today}::date and ${inDays(7)}::date`,
        ),
      ),
    ctx.db
      .select({
        id: forumMeetings.id,
        recipientTenantId: forumMeetings.recipientTenantId,
        from: { type: tenants.type, name: tenants.name, regionCode: tenants.regionCode },
        session: forumSessions.title,
      })
      .from(forumMeetings)
      .innerJoin(tenants, eq(tenants.id, forumMeetings.requesterTenantId))
      .innerJoin(forumSessions, eq(forumSessions.id, forumMeetings.sessionId))
      .where(
        and(
          eq(forumMeetings.status, 'requested'),
          gt(forumMeetings.expiresAt, now),
          lte(forumMeetings.expiresAt, addDays(now, 1)),
        ),
      ),
    ctx.db
      .select()
      .from(forumFollowUps)
      .where(
        and(
          eq(forumFollowUps.status, 'open'),
          sql`${forumFollowUps.dueDate} <= ${inDays(3)}::date`,
        ),
      ),
    ctx.db
      .select({
        id: agreements.id,
        title: agreements.title,
        end: agreements.pksEnd,
        tenantIds: sql<string[]>`array_agg(${agreementParties.tenantId})`,
      })
      .from(agreements)
      .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
      .where(
        and(
          isNotNull(agreements.pksEnd),
          ne(agreements.stage, 'berakhir'),
          sql`${agreements.pksEnd} <= ${inDays(90)}::date`,
          // ended long ago: told then, or before this platform knew it
          sql`${agreements.pksEnd} >= ${inDays(-30)}::date`,
        ),
      )
      .groupBy(agreements.id, agreements.title, agreements.pksEnd),
  ]);

  for (const r of rounds) {
    const days = daysBetween(today, r.deadline);
    const step = stepOf(days, [7, 1]);
    if (step !== null)
      planned.push({
        type: 'round.deadline_near',
        step: String(step),
        tenantIds: [r.tenantId],
        objectId: r.id,
        payload: { title: r.title, deadline: r.deadline, days: Math.max(1, days) },
        dueAt: endOfDayWib(r.deadline),
      });
  }
  for (const m of meetings)
    planned.push({
      type: 'meeting.expiring',
      step: '24h',
      tenantIds: [m.recipientTenantId],
      objectId: m.id,
      payload: { from: placeOf(m.from), session: m.session },
    });
  for (const f of followUps) {
    const overdue = f.dueDate < today;
    planned.push({
      type: 'follow_up.due',
      step: overdue ? 'overdue' : 'due',
      tenantIds: [f.responsibleTenantId],
      objectId: f.id,
      payload: { title: f.title, dueDate: f.dueDate, overdue },
      dueAt: endOfDayWib(f.dueDate),
    });
  }
  for (const a of pks) {
    const days = daysBetween(today, a.end!);
    const tenantIds = [...new Set(a.tenantIds)];
    if (days < 0)
      planned.push({
        type: 'agreement.pks_ended',
        step: 'ended',
        tenantIds,
        objectId: a.id,
        payload: { title: a.title, end: a.end! },
      });
    else {
      const step = stepOf(days, [90, 30])!;
      planned.push({
        type: 'agreement.pks_ending',
        step: String(step),
        tenantIds,
        objectId: a.id,
        payload: { title: a.title, end: a.end!, days },
        dueAt: endOfDayWib(a.end!),
      });
    }
  }
  if (planned.length === 0) return { reminders: 0 };

  // each (type, object, step) once: what was recorded before is not recorded again
  const told = new Set(
    (
      await ctx.db
        .select({
          type: domainEvents.type,
          objectId: domainEvents.objectId,
          step: sql<string>`${domainEvents.payload}->>'step'`,
        })
        .from(domainEvents)
        .where(
          and(
            inArray(domainEvents.type, [...new Set(planned.map((p) => p.type))]),
            inArray(domainEvents.objectId, [...new Set(planned.map((p) => p.objectId))]),
          ),
        )
    ).map((e) => `${e.type}|${e.objectId}|${e.step}`),
  );
  const fresh = planned.filter((p) => !told.has(`${p.type}|${p.objectId}|${p.step}`));
  if (fresh.length)
    await ctx.db.transaction(async (tx) => {
      for (const p of fresh)
        await recordEvent(tx, ctx, {
          type: p.type,
          tenantIds: p.tenantIds,
          objectId: p.objectId,
          payload: p.payload as never,
          step: p.step,
          ...(p.dueAt ? { dueAt: p.dueAt } : {}),
        });
    });
  return { reminders: fresh.length };
}
