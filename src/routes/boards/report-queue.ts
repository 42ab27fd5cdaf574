import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { reportQueue } from '../../discussion/moderation';
import type { AppEnv } from '../../platform/context';
import { jsonResponse, Timestamp } from '../common';
import { BoardParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const ReportQueue = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        postId: z.string(),
        threadId: z.string(),
        reason: z.string(),
        reporter: z.string(),
        postStatus: z.enum(['visible', 'hidden', 'deleted']),
        excerpt: z.string(),
        createdAt: Timestamp,
      }),
    ),
  })
  .openapi('ReportQueue');

export const reportQueueRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/boards/{boardId}/reports',
  operationId: 'reportQueue',
  tags: ['Discussion'],
  summary: 'The board’s open reports, oldest first (moderators)',
  description: 'Hide the post (`…/posts/{postId}/moderation`) or dismiss the report.',
  request: { params: BoardParams },
  responses: { 200: jsonResponse('The queue.', ReportQueue) },
});

export function registerReportQueue(app: OpenAPIHono<AppEnv>) {
  app.openapi(reportQueueRoute, async (c) =>
    c.json(
      ReportQueue.parse(await reportQueue({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
