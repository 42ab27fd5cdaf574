import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateFollowUp } from '../../forums/minutes';
import type { AppEnv } from '../../platform/context';
import { authSecurity, idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { FollowUpSchema, writeErrors } from '../forums/schemas';
import { IsoDate } from '../potentials/schemas';

export const UpdateFollowUpRequest = z
  .object({ status: z.enum(['open', 'done', 'dropped']).optional(), dueDate: IsoDate.optional() })
  .strict()
  .openapi('UpdateForumFollowUpRequest');

export const updateForumFollowUpRoute = createRoute({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/follow-ups/{followUpId}',
  operationId: 'updateForumFollowUp',
  tags: ['Forums'],
  summary: 'Mark a follow-up done, dropped or open, or move its date',
  description: 'By the responsible tenant or the convener.',
  security: authSecurity,
  request: {
    params: TenantParams.extend({ followUpId: idParam('followUpId', 'fup', 'The follow-up.') }),
    body: jsonBody(UpdateFollowUpRequest),
  },
  responses: { 200: jsonResponse('The follow-up.', FollowUpSchema), ...writeErrors },
});

export function registerUpdateForumFollowUp(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateForumFollowUpRoute, async (c) =>
    c.json(
      FollowUpSchema.parse(
        await updateFollowUp({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
