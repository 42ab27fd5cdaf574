import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listInbox } from '../../events/inbox';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, idPattern } from '../common';
import { InboxItem } from './definitions';

export const Inbox = z
  .object({
    data: z.array(InboxItem),
    counts: z.array(
      z.object({
        tenantId: z.string(),
        tenantName: z.string(),
        open: z.number().int().openapi({ description: 'Open action items.' }),
        unread: z.number().int(),
      }),
    ),
  })
  .openapi('Inbox');

export const listMyInboxRoute = createRoute({
  method: 'get',
  path: '/v1/me/inbox',
  description:
    'What needs you, across your tenants: open action items first (the nearest deadline first), then notifications, newest first; with counts per tenant. An item closes by itself when what it asks about is done (by you or a colleague). Only tenants you still belong to.',
  operationId: 'listMyInbox',
  tags: ['Accounts'],
  summary: 'Your inbox',
  security: authSecurity,
  request: {
    query: z.object({
      status: z.enum(['open', 'all']).default('open').openapi({
        description: '`open` (default): items not closed; `all`: closed ones too.',
      }),
      tenantId: idPattern('tenant')
        .optional()
        .openapi({ description: 'Only this tenant’s items.' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ description: 'At most this many items (default 50).' }),
    }),
  },
  responses: {
    200: { description: 'Your inbox.', content: { 'application/json': { schema: Inbox } } },
    ...problemResponses(400, 401, 403),
  },
});

export function registerListMyInbox(app: OpenAPIHono<AppEnv>) {
  app.openapi(listMyInboxRoute, async (c) =>
    c.json(Inbox.parse(await listInbox({ ctx: c.get('ctx'), input: c.req.valid('query') })), 200),
  );
}
