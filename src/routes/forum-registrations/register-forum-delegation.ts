import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { registerDelegation } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { createdResponse, idPattern, jsonBody } from '../common';
import { DelegationFields, RegistrationSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const RegisterRequest = z
  .object({ sessionId: idPattern('forumSession'), ...DelegationFields })
  .strict()
  .openapi('RegisterDelegationRequest');

export const registerForumDelegationRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-registrations',
  operationId: 'registerForumDelegation',
  tags: ['Forums'],
  summary: 'Register this tenant’s delegation for a session',
  description:
    'An active region or a verified partner, within the forum’s scope or invited (403 naming the scope), during the registration window (409 naming it). Approved at once when the session auto-approves, else pending; over capacity, waitlisted and promoted in order.',
  request: { body: jsonBody(RegisterRequest) },
  responses: { 201: createdResponse('The registration.', RegistrationSchema) },
});

export function registerRegisterForumDelegation(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerForumDelegationRoute, async (c) => {
    const p = c.req.valid('param');
    const created = RegistrationSchema.parse(
      await registerDelegation({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/forum-registrations/${created.id}`);
    return c.json(created, 201);
  });
}
