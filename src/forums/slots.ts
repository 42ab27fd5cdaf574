import type { Ctx } from '../platform/context';
import { sessionSlots } from './meetings';
import { visibleSession } from './public-sessions';
import { ZONES, type Zone } from './time';

/**
 * The bilateral-meeting slots of a session's day plan, for a delegation (or its
 * own system) choosing the slots it cannot attend: each with its local start
 * at the venue and its instants in UTC. Empty until the convener sets a day plan.
 */
export async function listSessionSlots({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { forumId: string; sessionId: string };
}) {
  const row = await visibleSession(ctx, input.forumId, input.sessionId);
  const zone = row.timeZone as Zone;
  return {
    sessionId: row.id,
    timeZone: zone,
    zoneLabel: ZONES[zone],
    slotMinutes: row.dayPlan?.slotMinutes ?? null,
    tables: row.dayPlan?.tables ?? null,
    slots: sessionSlots(row).map((s) => ({
      index: s.index,
      day: s.day,
      local: s.local,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
    })),
  };
}
