import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listTenantsForAdmin } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { authSecurity, jsonResponse } from '../common';
import { TenantSchema } from '../tenants/schemas';

/** The answer's shape, made once: the handler parses what it returns with it. */
const Page = z.object({ data: z.array(TenantSchema), ...pageMeta });

export const adminListTenantsRoute = createRoute({
  method: 'get',
  path: '/v1/admin/tenants',
  description:
    'For the platform admin: every tenant, filtered by type and status, with cursor pagination.',
  operationId: 'adminListTenants',
  tags: ['Platform admin'],
  summary: 'All tenants (platform admin)',
  security: authSecurity,
  request: {
    query: z.object({
      type: z
        .enum(['region', 'partner'])
        .optional()
        .openapi({ param: { name: 'type', in: 'query' }, description: '`region` or `partner`.' }),
      status: z
        .enum(['unclaimed', 'active', 'unverified', 'suspended'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: '`unverified` lists partners awaiting verification.',
        }),
      limit: limitParam(100),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse('A page of tenants.', Page),
    ...problemResponses(400, 401, 403),
  },
});

export function registerAdminListTenants(app: OpenAPIHono<AppEnv>) {
  app.openapi(adminListTenantsRoute, async (c) =>
    c.json(
      Page.parse(await listTenantsForAdmin({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}
