import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { reportPost } from '../../discussion/moderation';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody, Name } from '../common';
import { PostParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const ReportPostRequest = z
  .object({ reason: Name(1000) })
  .strict()
  .openapi('ReportPostRequest');
export const PostReportCreated = z
  .object({ id: z.string(), status: z.literal('open') })
  .openapi('PostReportCreated');

export const reportPostRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/posts/{postId}/reports',
  operationId: 'reportPost',
  tags: ['Discussion'],
  summary: 'Report a post to the board’s moderators',
  description:
    'Anyone who may read it, once (409 the second time). The report joins the board’s queue.',
  request: { params: PostParams, body: jsonBody(ReportPostRequest) },
  responses: {
    201: createdResponse('The report.', PostReportCreated, 'The reported post’s reports.'),
  },
});

export function registerReportPost(app: OpenAPIHono<AppEnv>) {
  app.openapi(reportPostRoute, async (c) => {
    const p = c.req.valid('param');
    const created = PostReportCreated.parse(
      await reportPost({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/posts/${p.postId}/reports`);
    return c.json(created, 201);
  });
}
