import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listCalendarFeeds } from '../../forums/feeds';
import type { AppEnv } from '../../platform/context';
import { jsonResponse, Timestamp } from '../common';
import { tenantRead } from '../tenant-route';
import { CreatorSchema } from '../tenants/definitions';

const CalendarFeedList = z
  .object({
    data: z.array(z.object({ createdAt: Timestamp, creator: CreatorSchema.nullable() })),
  })
  .openapi('CalendarFeedList');

export const listCalendarFeedsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/calendar-feeds',
  operationId: 'listCalendarFeeds',
  tags: ['Forums'],
  summary: 'The tenant’s calendar subscription, and who made it (admins)',
  description:
    'None or one: the secret link that reads the tenant’s sessions without signing in, with when and by whom it was made. It is revoked when its maker leaves the tenant.',
  responses: { 200: jsonResponse('The subscription, never its secret.', CalendarFeedList) },
});

export function registerListCalendarFeeds(app: OpenAPIHono<AppEnv>) {
  app.openapi(listCalendarFeedsRoute, async (c) =>
    c.json(
      CalendarFeedList.parse(
        await listCalendarFeeds({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
