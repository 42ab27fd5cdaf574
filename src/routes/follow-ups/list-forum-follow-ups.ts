import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listFollowUps } from '../../forums/minutes';
import type { AppEnv } from '../../platform/context';
import { jsonResponse, TenantParams } from '../common';
import { FollowUpSchema } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const FollowUpListResponse = z.object({ data: z.array(FollowUpSchema) });

export const listForumFollowUpsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/follow-ups',
  operationId: 'listForumFollowUps',
  tags: ['Forums'],
  summary: 'Follow-ups this tenant is responsible for or convened',
  description: 'By due date; open ones past due are flagged `overdue`.',
  request: {
    params: TenantParams,
    query: z.object({
      overdue: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ param: { name: 'overdue', in: 'query' }, description: 'Only overdue ones.' }),
    }),
  },
  responses: { 200: jsonResponse('The follow-ups.', FollowUpListResponse) },
});

export function registerListForumFollowUps(app: OpenAPIHono<AppEnv>) {
  app.openapi(listForumFollowUpsRoute, async (c) =>
    c.json(
      FollowUpListResponse.parse(
        await listFollowUps({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), overdue: c.req.valid('query').overdue === 'true' },
        }),
      ),
      200,
    ),
  );
}
