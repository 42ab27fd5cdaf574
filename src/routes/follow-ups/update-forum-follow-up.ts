import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateFollowUp } from '../../forums/minutes';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { FollowUpSchema } from '../forums/schemas';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';

export const UpdateFollowUpRequest = z
  .object({ status: z.enum(['open', 'done', 'dropped']).optional(), dueDate: IsoDate.optional() })
  .strict()
  .openapi('UpdateForumFollowUpRequest');

export const updateForumFollowUpRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/follow-ups/{followUpId}',
  operationId: 'updateForumFollowUp',
  tags: ['Forums'],
  summary: 'Mark a follow-up done, dropped or open, or move its date',
  description: 'By the responsible tenant or the convener.',
  request: {
    params: TenantParams.extend({
      followUpId: idParam('followUpId', 'followUp', 'The follow-up.'),
    }),
    body: jsonBody(UpdateFollowUpRequest),
  },
  responses: { 200: jsonResponse('The follow-up.', FollowUpSchema) },
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
