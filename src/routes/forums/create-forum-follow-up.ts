import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createFollowUp } from '../../forums/minutes';
import type { AppEnv } from '../../platform/context';
import { createdResponse, idPattern, jsonBody, Name } from '../common';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { FollowUpSchema, SessionParams } from './schemas';
export const FollowUpRequest = z
  .object({
    title: Name(500),
    responsibleTenantId: z
      .string()
      .max(40)
      .openapi({ description: 'The convener or an approved delegation.' }),
    dueDate: IsoDate,
    potentialId: idPattern('potential').optional(),
    proposalId: idPattern('proposal').optional(),
    agreementId: idPattern('agreement').optional(),
  })
  .strict()
  .openapi('ForumFollowUpRequest');

export const createForumFollowUpRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/follow-ups',
  operationId: 'createForumFollowUp',
  tags: ['Forums'],
  summary: 'Add a follow-up to a session',
  description:
    'What will be done, by whom, by when, and what it concerns. A follow-up can start an agreement (`source: {type: "follow_up"}`), whose origin is then the session.',
  request: { params: SessionParams, body: jsonBody(FollowUpRequest) },
  responses: { 201: createdResponse('The follow-up.', FollowUpSchema) },
});

export function registerCreateForumFollowUp(app: OpenAPIHono<AppEnv>) {
  app.openapi(createForumFollowUpRoute, async (c) => {
    const p = c.req.valid('param');
    const created = FollowUpSchema.parse(
      await createFollowUp({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/follow-ups/${created.id}`);
    return c.json(created, 201);
  });
}
