import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getPublicSession } from '../../forums/public-sessions';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { PublicSessionParams, readErrors, SessionSchema } from './schemas';

export const getForumSessionRoute = createRoute({
  method: 'get',
  path: '/v1/forums/{forumId}/sessions/{sessionId}',
  operationId: 'getForumSession',
  tags: ['Forums'],
  summary: 'A forum session',
  description:
    'Public once published (a draft answers 404 except to its convener). Minutes are included for the convener and registered delegations, and for everyone once published.',
  security: [],
  request: { params: PublicSessionParams },
  responses: { 200: jsonResponse('The session.', SessionSchema), ...readErrors },
});

export function registerGetForumSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumSessionRoute, async (c) =>
    c.json(
      SessionSchema.parse(
        await getPublicSession({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
