import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditLog } from '../../identity/audit-log';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { AuditEntrySchema, AuditQuery } from '../tenants/definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const Page = z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });

export const listAuditLogRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/audit-log',
  operationId: 'listAuditLog',
  tags: ['Audit'],
  summary: 'The tenant’s audit log',
  description: 'Every write: actor, action, target, what changed and the request id. Newest first.',
  request: { query: AuditQuery },
  responses: {
    200: jsonResponse('A page of entries.', Page),
  },
});

export function registerListAuditLog(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAuditLogRoute, async (c) => {
    const out = await listAuditLog({
      ctx: c.get('ctx'),
      input: { ...c.req.valid('param'), ...c.req.valid('query') },
    });
    return c.json(Page.parse(out), 200);
  });
}
