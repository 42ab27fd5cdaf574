import { type OpenAPIHono } from '@hono/zod-openapi';
import { getFollowUp } from '../../forums/minutes';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonResponse, TenantParams } from '../common';
import { FollowUpSchema } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const getForumFollowUpRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/follow-ups/{followUpId}',
  operationId: 'getForumFollowUp',
  tags: ['Forums'],
  summary: 'A follow-up',
  description: 'To the tenant responsible for it and to the session’s convener.',
  request: {
    params: TenantParams.extend({
      followUpId: idParam('followUpId', 'followUp', 'The follow-up.'),
    }),
  },
  responses: { 200: jsonResponse('The follow-up.', FollowUpSchema) },
});

export function registerGetForumFollowUp(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumFollowUpRoute, async (c) =>
    c.json(
      FollowUpSchema.parse(await getFollowUp({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
