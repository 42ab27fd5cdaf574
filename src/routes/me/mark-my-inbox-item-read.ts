import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { markInboxItemRead } from '../../events/inbox';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, idParam } from '../common';
import { InboxItem } from './definitions';

export const markMyInboxItemReadRoute = createRoute({
  method: 'post',
  path: '/v1/me/inbox/{itemId}/read',
  description: 'Marks one of your inbox items read (another person’s item answers 404).',
  operationId: 'markMyInboxItemRead',
  tags: ['Accounts'],
  summary: 'Mark an inbox item read',
  security: authSecurity,
  request: {
    params: z.object({ itemId: idParam('itemId', 'inboxItem', 'The inbox item.') }),
  },
  responses: {
    200: { description: 'The item.', content: { 'application/json': { schema: InboxItem } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerMarkMyInboxItemRead(app: OpenAPIHono<AppEnv>) {
  app.openapi(markMyInboxItemReadRoute, async (c) =>
    c.json(
      InboxItem.parse(await markInboxItemRead({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
