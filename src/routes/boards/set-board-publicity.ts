import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { setBoardPublicity } from '../../discussion/conversations';
import { boardView } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { BoardParams, BoardSchema } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const PublicityRequest = z
  .object({ publicRead: z.boolean() })
  .strict()
  .openapi('PublicityRequest');

export const setBoardPublicityRoute = tenantWrite({
  method: 'put',
  path: '/v1/tenants/{tenantId}/boards/{boardId}/publicity',
  operationId: 'setBoardPublicity',
  tags: ['Discussion'],
  summary: 'Open a forum session’s board to the public, or close it (the convener)',
  description:
    'The public reads an open board; writing stays with the convener and approved delegations. Audited.',
  request: { params: BoardParams, body: jsonBody(PublicityRequest) },
  responses: { 200: jsonResponse('The board.', BoardSchema) },
});

export function registerSetBoardPublicity(app: OpenAPIHono<AppEnv>) {
  app.openapi(setBoardPublicityRoute, async (c) => {
    const ctx = c.get('ctx');
    const board = await setBoardPublicity({
      ctx,
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    return c.json(BoardSchema.parse(boardView(ctx, board, { unreadThreads: null })), 200);
  });
}
