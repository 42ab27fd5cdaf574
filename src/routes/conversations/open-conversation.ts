import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { openConversation } from '../../discussion/conversations';
import { boardView } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody } from '../common';
import { BoardSchema } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const OpenConversationRequest = z
  .object({
    subject: z.object({
      type: z.enum(['interest', 'proposal', 'agreement', 'session']),
      id: z
        .string()
        .min(1)
        .max(40)
        .openapi({ description: 'The interest, proposal, agreement or forum session.' }),
    }),
  })
  .strict()
  .openapi('OpenConversationRequest');
export const Conversation = z
  .object({
    board: BoardSchema,
    firstThreadId: z
      .string()
      .nullable()
      .openapi({ description: 'Its first thread, once someone opened one.' }),
  })
  .openapi('Conversation');

export const openConversationRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/conversations',
  operationId: 'openConversation',
  tags: ['Discussion'],
  summary: 'Open (or find) the board of an interest, proposal, agreement or forum session',
  description:
    'A private conversation readable only by the subject’s parties (and the facilitating province of a proposal or of an agreement it facilitated): parties talk without exchanging personal emails. A session’s board is opened by its convener or an approved delegation. Anyone else gets 404. 201 when it was created now, 200 when it existed.',
  request: { body: jsonBody(OpenConversationRequest) },
  responses: {
    200: {
      description: 'The existing board.',
      content: { 'application/json': { schema: Conversation } },
    },
    201: createdResponse('The board, created now.', Conversation, 'The conversation’s board.'),
  },
});

export function registerOpenConversation(app: OpenAPIHono<AppEnv>) {
  app.openapi(openConversationRoute, async (c) => {
    const ctx = c.get('ctx');
    const { board, created, firstThreadId } = await openConversation({
      ctx,
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    const body = Conversation.parse({
      board: boardView(ctx, board, { unreadThreads: null }),
      firstThreadId,
    });
    if (!created) return c.json(body, 200);
    c.header('Location', `/v1/tenants/${c.req.valid('param').tenantId}/boards/${board.id}`);
    return c.json(body, 201);
  });
}
