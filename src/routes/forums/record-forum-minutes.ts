import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { recordMinutes } from '../../forums/minutes';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { SessionParams, SessionSchema } from './schemas';
export const MinutesRequest = z
  .object({
    summary: z.string().trim().min(1).max(20000),
    decisions: z.array(z.string().trim().min(1).max(2000)).max(100).optional(),
    attendance: z
      .array(z.object({ tenantId: z.string().max(40), attended: z.boolean() }).strict())
      .max(5000)
      .optional()
      .openapi({ description: 'Which approved delegations came.' }),
    publish: z.boolean().optional().openapi({
      description: 'Make the minutes public (otherwise: convener and delegations only).',
    }),
  })
  .strict()
  .openapi('ForumMinutesRequest');

export const recordForumMinutesRoute = tenantWrite({
  method: 'put',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/minutes',
  operationId: 'recordForumMinutes',
  tags: ['Forums'],
  summary: 'Record the minutes (notulen)',
  description:
    'After the session (status `held` or `closed`): attendance, a summary and the decisions. Recording again replaces them.',
  request: { params: SessionParams, body: jsonBody(MinutesRequest) },
  responses: { 200: jsonResponse('The session with its minutes.', SessionSchema) },
});

export function registerRecordForumMinutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(recordForumMinutesRoute, async (c) =>
    c.json(
      SessionSchema.parse(
        await recordMinutes({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
