import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { forumOutcomes } from '../../forums/outcomes';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { ForumParams, OutcomesSchema } from './schemas';
export const ForumOutcomesResponse = OutcomesSchema.extend({
  forumId: z.string(),
  sessions: z.number().int(),
  sessionsHeld: z.number().int(),
});

export const forumOutcomesRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/outcomes',
  operationId: 'forumOutcomes',
  tags: ['Forums'],
  summary: 'What came of a forum, over all its sessions',
  description: 'The session counts summed over the series, with how many sessions were held.',
  request: { params: ForumParams },
  responses: { 200: jsonResponse('The counts.', ForumOutcomesResponse) },
});

export function registerForumOutcomes(app: OpenAPIHono<AppEnv>) {
  app.openapi(forumOutcomesRoute, async (c) =>
    c.json(
      ForumOutcomesResponse.parse(
        await forumOutcomes({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
