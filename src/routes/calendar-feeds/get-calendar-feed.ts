import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { calendarFeed } from '../../forums/feeds';
import type { AppEnv } from '../../platform/context';
import { TenantParams } from '../common';
import { readErrors } from '../forums/schemas';

export const getCalendarFeedRoute = createRoute({
  method: 'get',
  path: '/v1/feeds/{tenantId}/calendar.ics',
  operationId: 'getCalendarFeed',
  tags: ['Forums'],
  summary: 'This tenant’s calendar subscription (by its secret link)',
  description:
    'Read by calendar programs with the token alone, no sign-in: every session the tenant registered for (waitlisted: tentative) and every published session it convenes. A wrong or revoked token answers 404.',
  security: [],
  request: {
    params: TenantParams,
    query: z.object({
      token: z
        .string()
        .min(1)
        .max(200)
        .openapi({
          param: { name: 'token', in: 'query' },
          description: 'The secret from the subscription link.',
        }),
    }),
  },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    ...readErrors,
  },
});

export function registerGetCalendarFeed(app: OpenAPIHono<AppEnv>) {
  app.openapi(getCalendarFeedRoute, async (c) => {
    const ics = await calendarFeed({
      ctx: c.get('ctx'),
      input: { ...c.req.valid('param'), ...c.req.valid('query') },
    });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  });
}
