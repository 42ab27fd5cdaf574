import { type OpenAPIHono } from '@hono/zod-openapi';
import { dismissReport } from '../../discussion/moderation';
import type { AppEnv } from '../../platform/context';
import { idParam } from '../common';
import { BoardParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const dismissReportRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/boards/{boardId}/reports/{postReportId}/dismiss',
  operationId: 'dismissReport',
  tags: ['Discussion'],
  summary: 'Close a report without acting on the post (moderators)',
  description: 'An open report of this board; anything else answers 404. Audited.',
  request: {
    params: BoardParams.extend({
      postReportId: idParam('postReportId', 'flag', 'The report of a post.'),
    }),
  },
  responses: { 204: { description: 'Dismissed.' } },
});

export function registerDismissReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(dismissReportRoute, async (c) => {
    const p = c.req.valid('param');
    await dismissReport({ ctx: c.get('ctx'), input: { ...p, reportId: p.postReportId } });
    return c.body(null, 204);
  });
}
