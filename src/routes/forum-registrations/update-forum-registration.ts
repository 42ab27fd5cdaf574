import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateRegistration } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { DelegationFields, RegistrationSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const UpdateRegistrationRequest = z
  .object(DelegationFields)
  .strict()
  .openapi('UpdateDelegationRequest');

export const updateForumRegistrationRoute = tenantWrite({
  method: 'put',
  path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}',
  operationId: 'updateForumRegistration',
  tags: ['Forums'],
  summary: 'Change this tenant’s delegation',
  description:
    'Replaces its people, potentials and what it seeks, keeping its place (or its turn on the waitlist). Until the session is held.',
  request: {
    params: TenantParams.extend({
      registrationId: idParam('registrationId', 'registration', 'The registration.'),
    }),
    body: jsonBody(UpdateRegistrationRequest),
  },
  responses: { 200: jsonResponse('The registration.', RegistrationSchema) },
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
