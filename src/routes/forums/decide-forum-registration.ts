import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { decideRegistration } from '../../forums/registrations';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { RegistrationSchema, SessionParams } from './schemas';
export const DecideRegistrationRequest = z
  .object({
    decision: z.enum(['approve', 'decline', 'reopen']).openapi({
      description:
        '`reopen` takes back a decline: the registration is pending again, for the convener to decide (a declined delegation cannot register again by itself).',
    }),
    reason: z.string().trim().max(2000).optional().openapi({ description: 'Required to decline.' }),
  })
  .strict()
  .openapi('DecideForumRegistrationRequest');

export const decideForumRegistrationRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/registrations/{registrationId}/decision',
  operationId: 'decideForumRegistration',
  tags: ['Forums'],
  summary: 'Approve or decline a registration (convener)',
  description:
    'A pending or waitlisted registration is approved or declined; a declined one can be reopened (pending again). Approving from the waitlist needs a free place (409 when full); declining a pending one frees its place for the waitlist. The delegation is emailed of a decision.',
  request: {
    params: SessionParams.extend({
      registrationId: idParam('registrationId', 'registration', 'The registration.'),
    }),
    body: jsonBody(DecideRegistrationRequest),
  },
  responses: { 200: jsonResponse('The registration.', RegistrationSchema) },
});

export function registerDecideForumRegistration(app: OpenAPIHono<AppEnv>) {
  app.openapi(decideForumRegistrationRoute, async (c) =>
    c.json(
      RegistrationSchema.parse(
        await decideRegistration({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
