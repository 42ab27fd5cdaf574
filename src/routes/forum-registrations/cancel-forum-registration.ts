import { type OpenAPIHono } from '@hono/zod-openapi';
import { cancelRegistration } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonResponse, TenantParams } from '../common';
import { RegistrationSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const cancelForumRegistrationRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}/cancel',
  operationId: 'cancelForumRegistration',
  tags: ['Forums'],
  summary: 'Withdraw this tenant’s registration',
  description:
    'Before the session is held. A place it held goes to the first on the waitlist, who is emailed.',
  request: {
    params: TenantParams.extend({
      registrationId: idParam('registrationId', 'registration', 'The registration.'),
    }),
  },
  responses: {
    200: jsonResponse('The registration, cancelled.', RegistrationSchema),
  },
});

export function registerCancelForumRegistration(app: OpenAPIHono<AppEnv>) {
  app.openapi(cancelForumRegistrationRoute, async (c) =>
    c.json(
      RegistrationSchema.parse(
        await cancelRegistration({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
