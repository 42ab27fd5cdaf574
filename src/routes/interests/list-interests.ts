import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listInterests } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { jsonResponse, TenantParams } from '../common';
import { InterestList } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const listInterestsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/interests',
  description:
    'Interests received in the tenant’s potentials (`box=received`) or sent by it (`box=sent`); contacts appear only once accepted.',
  operationId: 'listInterests',
  tags: ['Interests'],
  summary: 'Interests received (inbox) or sent',
  request: {
    params: TenantParams,
    query: z.object({
      box: z
        .enum(['received', 'sent'])
        .default('received')
        .openapi({
          param: { name: 'box', in: 'query' },
          description:
            '`received`: interests in this tenant’s potentials; `sent`: interests it expressed.',
        }),
      status: z
        .enum(['pending', 'accepted', 'declined'])
        .optional()
        .openapi({
          param: { name: 'status', in: 'query' },
          description: 'Only items in this state.',
        }),
    }),
  },
  responses: { 200: jsonResponse('Newest first.', InterestList) },
});

export function registerListInterests(app: OpenAPIHono<AppEnv>) {
  app.openapi(listInterestsRoute, async (c) =>
    c.json(
      InterestList.parse(
        await listInterests({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}
