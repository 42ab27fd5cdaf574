import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { markThreadRead } from '../../discussion/reading';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse, Timestamp } from '../common';
import { ThreadParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
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

export const markThreadReadRoute = tenantWrite({
  method: 'put',
  path: '/v1/tenants/{tenantId}/threads/{threadId}/read',
  operationId: 'markThreadRead',
  tags: ['Discussion'],
  summary: 'Move your last-read marker in a thread',
  description: 'The marker never moves back; unread counts follow it.',
  request: { params: ThreadParams, body: jsonBody(MarkReadRequest) },
  responses: { 200: jsonResponse('The marker.', ReadMarker) },
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
