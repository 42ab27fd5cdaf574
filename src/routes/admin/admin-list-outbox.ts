import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listOutbox } from '../../email/admin';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { limitParam } from '../../platform/pagination';
import { authSecurity, jsonResponse } from '../common';

/** Platform-admin operations: verifying partners, the national tenant list, the local email outbox. */
import { OutboxEntry } from './definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const List = z.object({ data: z.array(OutboxEntry) });

export const adminListOutboxRoute = createRoute({
  method: 'get',
  path: '/v1/admin/outbox',
  operationId: 'adminListOutbox',
  tags: ['Platform admin'],
  summary: 'Emails in the outbox (platform admin)',
  description:
    'Without RESEND_API_KEY (local runs) emails are kept here with status `held`, links included.',
  security: authSecurity,
  request: {
    query: z.object({
      to: z
        .string()
        .max(254)
        .optional()
        .openapi({
          param: { name: 'to', in: 'query' },
          description: 'Only emails to this address.',
        }),
      status: z
        .enum(['queued', 'sent', 'failed', 'held'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: 'Only tenants (or emails) in this state.',
        }),
      limit: limitParam(50),
    }),
  },
  responses: {
    200: jsonResponse('Newest first.', List),
    ...problemResponses(400, 401, 403),
  },
});

export function registerAdminListOutbox(app: OpenAPIHono<AppEnv>) {
  app.openapi(adminListOutboxRoute, async (c) =>
    c.json(List.parse(await listOutbox({ ctx: c.get('ctx'), input: c.req.valid('query') })), 200),
  );
}
