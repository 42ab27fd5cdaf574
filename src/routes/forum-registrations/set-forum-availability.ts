import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { setAvailability } from '../../forums/availability';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { LocalDateTime } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const AvailabilityRequest = z
  .object({
    unavailable: z
      .array(LocalDateTime)
      .max(500)
      .openapi({ description: 'Starts of the slots it cannot attend.' }),
    parallel: z.number().int().min(1).max(10).optional().openapi({
      description: 'Meetings it can hold at once (at most its number of people; default 1).',
    }),
  })
  .strict()
  .openapi('ForumAvailabilityRequest');
export const AvailabilityResponse = z.object({
  registrationId: z.string(),
  parallel: z.number().int(),
  unavailable: z.array(LocalDateTime),
  slots: z.array(LocalDateTime).openapi({
    description:
      'Every slot of the day plan, local time (with UTC: GET /v1/forums/{forumId}/sessions/{sessionId}/slots).',
  }),
});

export const setForumAvailabilityRoute = tenantWrite({
  method: 'put',
  path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}/availability',
  operationId: 'setForumAvailability',
  tags: ['Forum meetings'],
  summary: 'Slots this delegation cannot attend, and how many meetings it holds at once',
  description:
    'Replaces the list. The scheduler never places a meeting in a slot either side marked.',
  request: {
    params: TenantParams.extend({
      registrationId: idParam('registrationId', 'registration', 'This tenant’s registration.'),
    }),
    body: jsonBody(AvailabilityRequest),
  },
  responses: { 200: jsonResponse('The availability.', AvailabilityResponse) },
});

export function registerSetForumAvailability(app: OpenAPIHono<AppEnv>) {
  app.openapi(setForumAvailabilityRoute, async (c) =>
    c.json(
      AvailabilityResponse.parse(
        await setAvailability({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
