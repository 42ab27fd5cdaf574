import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditLog } from '../../identity/audit-log';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { AuditEntrySchema, AuditQuery } from '../tenants/definitions';
export const listAuditLogRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/audit-log',
  operationId: 'listAuditLog',
  tags: ['Audit'],
  summary: 'The tenant’s audit log',
  description: 'Every write: actor, action, target, what changed and the request id. Newest first.',
  request: { query: AuditQuery },
  responses: {
    200: jsonResponse(
      'A page of entries.',
      z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
    ),
  },
});

export function registerListAuditLog(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAuditLogRoute, async (c) => {
    const out = await listAuditLog({
      ctx: c.get('ctx'),
      input: { ...c.req.valid('param'), ...c.req.valid('query') },
    });
    return c.json(
      z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).parse(out),
      200,
    );
  });
}
