import { type OpenAPIHono } from '@hono/zod-openapi';
import { createInvitation } from '../../identity/invitations';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { CreateInvitationBody, InvitationSchema } from '../tenants/definitions';
export const createInvitationRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/invitations',
  operationId: 'createInvitation',
  tags: ['Invitations'],
  summary: 'Invite someone by email',
  description:
    'Sends a single-use link valid for 7 days. A platform admin, or the province for its kabupaten/kota, invites a region’s first admin.',
  request: { body: jsonBody(CreateInvitationBody) },
  responses: {
    201: createdResponse('The invitation (the token only travels by email).', InvitationSchema),
  },
});

export function registerCreateInvitation(app: OpenAPIHono<AppEnv>) {
  app.openapi(createInvitationRoute, async (c) => {
    const p = c.req.valid('param');
    const created = InvitationSchema.parse(
      await createInvitation({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/invitations/${created.id}`);
    return c.json(created, 201);
  });
}
