import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { registerDelegation } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { authSecurity, createdResponse, idPattern, jsonBody, TenantParams } from '../common';
import { DelegationFields, RegistrationSchema, writeErrors } from '../forums/schemas';

export const RegisterRequest = z
  .object({ sessionId: idPattern('fss'), ...DelegationFields })
  .strict()
  .openapi('RegisterDelegationRequest');

export const registerForumDelegationRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-registrations',
  operationId: 'registerForumDelegation',
  tags: ['Forums'],
  summary: 'Register this tenant’s delegation for a session',
  description:
    'An active region or a verified partner, within the forum’s scope or invited (403 naming the scope), during the registration window (409 naming it). Approved at once when the session auto-approves, else pending; over capacity, waitlisted and promoted in order.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(RegisterRequest) },
  responses: { 201: createdResponse('The registration.', RegistrationSchema), ...writeErrors },
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
