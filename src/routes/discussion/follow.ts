import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { setWatch } from '../../discussion/reading';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { BoardParams, ThreadParams } from './schemas';

export const WatchState = z
  .object({ targetType: z.enum(['thread', 'board']), targetId: z.string(), watching: z.boolean() })
  .openapi('WatchState');

/** Following a thread or a board: four small operations (one file each) built from one definition. */
export const followRoute = (method: 'put' | 'delete', target: 'thread' | 'board') =>
  tenantWrite({
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
    request: { params: target === 'thread' ? ThreadParams : BoardParams },
    responses: { 200: jsonResponse('Whether you follow it now.', WatchState) },
  });

/** The handler of one of them. */
export function registerFollow(
  app: OpenAPIHono<AppEnv>,
  route: ReturnType<typeof followRoute>,
  method: 'put' | 'delete',
  target: 'thread' | 'board',
) {
  app.openapi(route, async (c) => {
    const p = c.req.valid('param') as { tenantId: string; threadId?: string; boardId?: string };
    const targetId = (target === 'thread' ? p.threadId : p.boardId)!;
    return c.json(
      WatchState.parse(
        await setWatch({
          ctx: c.get('ctx'),
          input: { tenantId: p.tenantId, targetType: target, targetId, watch: method === 'put' },
        }),
      ),
      200,
    );
  });
}
