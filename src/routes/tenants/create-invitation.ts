import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createInvitation } from '../../identity/invitations';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { writeErrors, InvitationSchema, CreateInvitationBody } from './definitions';

export const createInvitationRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/invitations',
  operationId: 'createInvitation',
  tags: ['Invitations'],
  summary: 'Invite someone by email',
  description:
    'Sends a single-use link valid for 7 days. A platform admin, or the province for its kabupaten/kota, invites a region’s first admin.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(CreateInvitationBody) },
  responses: {
    201: jsonResponse('The invitation (the token only travels by email).', InvitationSchema),
    ...writeErrors,
  },
});

export function registerCreateInvitation(app: OpenAPIHono<AppEnv>) {
  app.openapi(createInvitationRoute, async (c) =>
    c.json(
      InvitationSchema.parse(
        await createInvitation({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}
