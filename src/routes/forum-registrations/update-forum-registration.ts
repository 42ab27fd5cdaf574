import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateRegistration } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { authSecurity, idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { DelegationFields, RegistrationSchema, writeErrors } from '../forums/schemas';

export const UpdateRegistrationRequest = z
  .object(DelegationFields)
  .strict()
  .openapi('UpdateDelegationRequest');

export const updateForumRegistrationRoute = createRoute({
  method: 'put',
  path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}',
  operationId: 'updateForumRegistration',
  tags: ['Forums'],
  summary: 'Change this tenant’s delegation',
  description:
    'Replaces its people, potentials and what it seeks, keeping its place (or its turn on the waitlist). Until the session is held.',
  security: authSecurity,
  request: {
    params: TenantParams.extend({
      registrationId: idParam('registrationId', 'reg', 'The registration.'),
    }),
    body: jsonBody(UpdateRegistrationRequest),
  },
  responses: { 200: jsonResponse('The registration.', RegistrationSchema), ...writeErrors },
});

export function registerUpdateForumRegistration(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateForumRegistrationRoute, async (c) =>
    c.json(
      RegistrationSchema.parse(
        await updateRegistration({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
