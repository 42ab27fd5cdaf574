import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listOwnRegistrations } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { RegistrationSchema, readErrors } from '../forums/schemas';

export const OwnRegistrationsResponse = z.object({ data: z.array(RegistrationSchema) });

export const listOwnForumRegistrationsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forum-registrations',
  operationId: 'listOwnForumRegistrations',
  tags: ['Forums'],
  summary: 'This tenant’s registrations',
  description: 'Newest first, with status and waitlist position.',
  security: authSecurity,
  request: { params: TenantParams },
  responses: { 200: jsonResponse('The registrations.', OwnRegistrationsResponse), ...readErrors },
});

export function registerListOwnForumRegistrations(app: OpenAPIHono<AppEnv>) {
  app.openapi(listOwnForumRegistrationsRoute, async (c) =>
    c.json(
      OwnRegistrationsResponse.parse(
        await listOwnRegistrations({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
