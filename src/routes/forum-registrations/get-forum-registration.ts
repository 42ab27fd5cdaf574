import { type OpenAPIHono } from '@hono/zod-openapi';
import { getForumRegistration } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonResponse, TenantParams } from '../common';
import { RegistrationSchema } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const getForumRegistrationRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}',
  operationId: 'getForumRegistration',
  tags: ['Forums'],
  summary: 'A delegation’s registration',
  description: 'To the tenant that registered and to the session’s convener.',
  request: {
    params: TenantParams.extend({
      registrationId: idParam('registrationId', 'registration', 'The registration.'),
    }),
  },
  responses: { 200: jsonResponse('The registration.', RegistrationSchema) },
});

export function registerGetForumRegistration(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumRegistrationRoute, async (c) =>
    c.json(
      RegistrationSchema.parse(
        await getForumRegistration({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
