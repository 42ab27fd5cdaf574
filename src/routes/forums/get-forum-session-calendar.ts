import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sessionCalendar } from '../../forums/feeds';
import type { AppEnv } from '../../platform/context';
import { PublicSessionParams, readErrors } from './schemas';

export const getForumSessionCalendarRoute = createRoute({
  method: 'get',
  path: '/v1/forums/{forumId}/sessions/{sessionId}/calendar.ics',
  operationId: 'getForumSessionCalendar',
  tags: ['Forums'],
  summary: 'A session as a calendar file',
  description:
    'iCalendar (RFC 5545): a stable UID, SEQUENCE rising with each change, STATUS:CANCELLED once cancelled, the venue’s local time with its VTIMEZONE, and a URL back to the session.',
  security: [],
  request: { params: PublicSessionParams },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    ...readErrors,
  },
});

export function registerGetForumSessionCalendar(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumSessionCalendarRoute, async (c) => {
    const ics = await sessionCalendar({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="forum.ics"',
    });
  });
}
