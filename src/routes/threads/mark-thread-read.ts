import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { markThreadRead } from '../../discussion/reading';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonBody, jsonResponse, Timestamp } from '../common';
import { errors, ThreadParams } from '../discussion/schemas';

export const MarkReadRequest = z
  .object({
    until: z.coerce
      .date()
      .optional()
      .openapi({ description: 'Read up to this time (default: the last post).' }),
  })
  .strict()
  .openapi('MarkReadRequest');
export const ReadMarker = z
  .object({ threadId: z.string(), lastReadAt: Timestamp })
  .openapi('ReadMarker');

export const markThreadReadRoute = createRoute({
  method: 'put',
  path: '/v1/tenants/{tenantId}/threads/{threadId}/read',
  operationId: 'markThreadRead',
  tags: ['Discussion'],
  summary: 'Move your last-read marker in a thread',
  description: 'The marker never moves back; unread counts follow it.',
  security: authSecurity,
  request: { params: ThreadParams, body: jsonBody(MarkReadRequest) },
  responses: { 200: jsonResponse('The marker.', ReadMarker), ...errors },
});

export function registerMarkThreadRead(app: OpenAPIHono<AppEnv>) {
  app.openapi(markThreadReadRoute, async (c) =>
    c.json(
      ReadMarker.parse(
        await markThreadRead({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
