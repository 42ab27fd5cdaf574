import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { acceptInvitation } from '../../identity/invitations';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonBody, jsonResponse, Role, TokenBody } from '../common';

export const AcceptedInvitationResponse = z.object({
  membershipId: z.string(),
  tenantId: z.string(),
  role: Role,
  agencyId: z.string().nullable(),
});

export const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  operationId: 'acceptInvitation',
  tags: ['Invitations'],
  summary: 'Accept an invitation',
  description:
    'Signed in with the invited email. 410 when it was already used, revoked or has expired.',
  security: authSecurity,
  request: { body: jsonBody(TokenBody) },
  responses: {
    200: jsonResponse('Your new membership.', AcceptedInvitationResponse),
    ...problemResponses(400, 401, 403, 409, 410, 429),
  },
});

export function registerAcceptInvitation(app: OpenAPIHono<AppEnv>) {
  app.openapi(acceptInvitationRoute, async (c) =>
    c.json(
      AcceptedInvitationResponse.parse(
        await acceptInvitation({ ctx: c.get('ctx'), input: c.req.valid('json') }),
      ),
      200,
    ),
  );
}
