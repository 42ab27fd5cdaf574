import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listForums } from '../../forums/series';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { ForumSchema } from './schemas';
export const ForumListResponse = z.object({ data: z.array(ForumSchema) });

export const listForumsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums',
  operationId: 'listForums',
  tags: ['Forums'],
  summary: 'Forums this tenant convenes',
  description: 'Newest first, each with all its sessions (drafts included).',
  responses: { 200: jsonResponse('The forums.', ForumListResponse) },
});

export function registerListForums(app: OpenAPIHono<AppEnv>) {
  app.openapi(listForumsRoute, async (c) =>
    c.json(
      ForumListResponse.parse(await listForums({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
