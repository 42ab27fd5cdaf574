import { type OpenAPIHono } from '@hono/zod-openapi';
import { revokeCalendarFeed } from '../../forums/feeds';
import type { AppEnv } from '../../platform/context';
import { tenantWrite } from '../tenant-route';

export const revokeCalendarFeedRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/calendar-feed',
  operationId: 'revokeCalendarFeed',
  tags: ['Forums'],
  summary: 'Revoke this tenant’s calendar subscription',
  description: 'The link stops working at once.',
  responses: { 204: { description: 'Revoked.' } },
});

export function registerRevokeCalendarFeed(app: OpenAPIHono<AppEnv>) {
  app.openapi(revokeCalendarFeedRoute, async (c) => {
    await revokeCalendarFeed({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}
