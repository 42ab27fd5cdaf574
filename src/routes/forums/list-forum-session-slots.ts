import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listSessionSlots } from '../../forums/slots';
import { ZONE_NAMES } from '../../forums/time';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { LocalDateTime, PublicSessionParams, readErrors } from './schemas';

export const SessionSlots = z
  .object({
    sessionId: z.string(),
    timeZone: z.enum(ZONE_NAMES).openapi({ description: 'The venue’s zone (IANA name).' }),
    zoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
    slotMinutes: z.number().int().nullable(),
    tables: z.number().int().nullable(),
    slots: z.array(
      z.object({
        index: z.number().int(),
        day: z.number().int().openapi({ description: 'Which day of the plan, from 0.' }),
        local: LocalDateTime,
        start: z.string().openapi({ format: 'date-time', description: 'The start, in UTC.' }),
        end: z.string().openapi({ format: 'date-time', description: 'The end, in UTC.' }),
      }),
    ),
  })
  .openapi('ForumSessionSlots');

export const listForumSessionSlotsRoute = createRoute({
  method: 'get',
  path: '/v1/forums/{forumId}/sessions/{sessionId}/slots',
  operationId: 'listForumSessionSlots',
  tags: ['Forum meetings'],
  summary: 'The meeting slots of a session',
  description:
    'Every slot of the session’s day plan (breaks left out), in the venue’s local time and in UTC: what a delegation marks as `unavailable` (PUT …/availability takes the `local` values). Empty until the convener sets a day plan. Public once the session is published.',
  security: [],
  request: { params: PublicSessionParams },
  responses: { 200: jsonResponse('The slots.', SessionSlots), ...readErrors },
});

export function registerListForumSessionSlots(app: OpenAPIHono<AppEnv>) {
  app.openapi(listForumSessionSlotsRoute, async (c) =>
    c.json(
      SessionSlots.parse(
        await listSessionSlots({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
