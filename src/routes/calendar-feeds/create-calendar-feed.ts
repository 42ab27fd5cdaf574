import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createCalendarFeed } from '../../forums/feeds';
import type { AppEnv } from '../../platform/context';
import { createdResponse, Timestamp } from '../common';
import { tenantWrite } from '../tenant-route';
export const CalendarFeedResponse = z.object({
  url: z.string().openapi({ description: 'Subscribe to this in a calendar program. Shown once.' }),
  token: z.string(),
  createdAt: Timestamp,
});

export const createCalendarFeedRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/calendar-feed',
  operationId: 'createCalendarFeed',
  tags: ['Forums'],
  summary: 'Create (or replace) this tenant’s calendar subscription',
  description:
    'A secret link to every session the tenant registered for or convenes. The secret is shown once and stored hashed; creating it again revokes the previous link.',
  responses: {
    201: createdResponse('The subscription link.', CalendarFeedResponse),
  },
});

export function registerCreateCalendarFeed(app: OpenAPIHono<AppEnv>) {
  app.openapi(createCalendarFeedRoute, async (c) => {
    const p = c.req.valid('param');
    const created = CalendarFeedResponse.parse(
      await createCalendarFeed({ ctx: c.get('ctx'), input: p }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/calendar-feed`);
    return c.json(created, 201);
  });
}
