import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listSessionRegistrations } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { RegistrationSchema, SessionParams } from './schemas';
export const RegistrationListResponse = z.object({ data: z.array(RegistrationSchema) });

export const listForumRegistrationsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/registrations',
  operationId: 'listForumRegistrations',
  tags: ['Forums'],
  summary: 'Registrations for a session (convener)',
  description: 'In order of arrival, with each delegation’s people, potentials and what it seeks.',
  request: { params: SessionParams },
  responses: { 200: jsonResponse('The registrations.', RegistrationListResponse) },
});

export function registerListForumRegistrations(app: OpenAPIHono<AppEnv>) {
  app.openapi(listForumRegistrationsRoute, async (c) =>
    c.json(
      RegistrationListResponse.parse(
        await listSessionRegistrations({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
