import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { registerDelegation } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { authSecurity, idPattern, jsonBody, jsonResponse, TenantParams } from '../common';
import { DelegationFields, RegistrationSchema, writeErrors } from './schemas';

export const RegisterRequest = z
  .object({ sessionId: idPattern('fss'), ...DelegationFields })
  .strict()
  .openapi('RegisterDelegationRequest');

export const registerRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-registrations',
  operationId: 'registerForumDelegation',
  tags: ['Forums'],
  summary: 'Register this tenant’s delegation for a session',
  description:
    'An active region or a verified partner, within the forum’s scope or invited (403 naming the scope), during the registration window (409 naming it). Approved at once when the session auto-approves, else pending; over capacity, waitlisted and promoted in order.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(RegisterRequest) },
  responses: { 201: jsonResponse('The registration.', RegistrationSchema), ...writeErrors },
});

export function registerRegister(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerRoute, async (c) =>
    c.json(
      RegistrationSchema.parse(
        await registerDelegation({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}
