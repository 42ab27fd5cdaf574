import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listOwnRegistrations } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { RegistrationSchema } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const OwnRegistrationsResponse = z.object({ data: z.array(RegistrationSchema) });

export const listOwnForumRegistrationsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forum-registrations',
  operationId: 'listOwnForumRegistrations',
  tags: ['Forums'],
  summary: 'This tenant’s registrations',
  description: 'Newest first, with status and waitlist position.',
  responses: { 200: jsonResponse('The registrations.', OwnRegistrationsResponse) },
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
