import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { setWatch } from '../../discussion/reading';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse } from '../common';
import { BoardParams, errors, ThreadParams } from './schemas';

export const WatchState = z
  .object({ targetType: z.enum(['thread', 'board']), targetId: z.string(), watching: z.boolean() })
  .openapi('WatchState');

/** Following a thread or a board: four small operations, one definition each. */
const route = (method: 'put' | 'delete', target: 'thread' | 'board') =>
  createRoute({
    method,
    path:
      target === 'thread'
        ? '/v1/tenants/{tenantId}/threads/{threadId}/watch'
        : '/v1/tenants/{tenantId}/boards/{boardId}/watch',
    operationId: `${method === 'put' ? 'watch' : 'unwatch'}${target === 'thread' ? 'Thread' : 'Board'}`,
    tags: ['Discussion'],
    summary: `${method === 'put' ? 'Follow' : 'Stop following'} a ${target}`,
    description:
      target === 'thread'
        ? 'New posts in a followed thread notify you (by email, and in the digests). You follow the threads you write in.'
        : 'New posts anywhere on a followed board notify you.',
    security: authSecurity,
    request: { params: target === 'thread' ? ThreadParams : BoardParams },
    responses: { 200: jsonResponse('Whether you follow it now.', WatchState), ...errors },
  });

export const watchThreadRoute = route('put', 'thread');
export const unwatchThreadRoute = route('delete', 'thread');
export const watchBoardRoute = route('put', 'board');
export const unwatchBoardRoute = route('delete', 'board');

export function registerWatch(app: OpenAPIHono<AppEnv>) {
  for (const [r, target, watch] of [
    [watchThreadRoute, 'thread', true],
    [unwatchThreadRoute, 'thread', false],
    [watchBoardRoute, 'board', true],
    [unwatchBoardRoute, 'board', false],
  ] as const)
    app.openapi(r, async (c) => {
      const p = c.req.valid('param') as { tenantId: string; threadId?: string; boardId?: string };
      const targetId = (target === 'thread' ? p.threadId : p.boardId)!;
      return c.json(
        WatchState.parse(
          await setWatch({
            ctx: c.get('ctx'),
            input: { tenantId: p.tenantId, targetType: target, targetId, watch },
          }),
        ),
        200,
      );
    });
}
