import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { muteUser } from '../../discussion/moderation';
import type { AppEnv } from '../../platform/context';
import { idPattern, jsonBody, jsonResponse, Name, Timestamp } from '../common';
import { BoardParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const MuteRequest = z
  .object({
    userId: idPattern('user').openapi({ description: 'The user to mute.' }),
    until: z.coerce.date().openapi({
      description: 'Until when (at most a year ahead).',
      example: '2026-12-31T00:00:00Z',
    }),
    reason: Name(1000),
  })
  .strict()
  .openapi('MuteRequest');
export const Mute = z
  .object({ boardId: z.string(), userId: z.string(), until: Timestamp, reason: z.string() })
  .openapi('Mute');

export const muteUserRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/boards/{boardId}/mutes',
  operationId: 'muteUser',
  tags: ['Discussion'],
  summary: 'Mute a user on the board for a time (moderators)',
  description:
    'A muted user who tries to write is told until when and why (403). Muting again replaces the time. Audited.',
  request: { params: BoardParams, body: jsonBody(MuteRequest) },
  responses: { 200: jsonResponse('The mute.', Mute) },
});

export function registerMuteUser(app: OpenAPIHono<AppEnv>) {
  app.openapi(muteUserRoute, async (c) =>
    c.json(
      Mute.parse(
        await muteUser({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
