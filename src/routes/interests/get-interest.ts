import { type OpenAPIHono } from '@hono/zod-openapi';
import { getInterest } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonResponse, TenantParams } from '../common';
import { InterestDetail } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const getInterestRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/interests/{interestId}',
  operationId: 'getInterest',
  tags: ['Interests'],
  summary: 'An interest',
  description:
    'To the tenant that owns the potential or the one that expressed it; contacts appear only once accepted.',
  request: {
    params: TenantParams.extend({ interestId: idParam('interestId', 'interest', 'The interest.') }),
  },
  responses: { 200: jsonResponse('The interest.', InterestDetail) },
});

export function registerGetInterest(app: OpenAPIHono<AppEnv>) {
  app.openapi(getInterestRoute, async (c) =>
    c.json(
      InterestDetail.parse(await getInterest({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
