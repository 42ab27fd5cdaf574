import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { recommendationsFor } from '../../candidates/matches';
import type { AppEnv } from '../../platform/context';
import { cursorParam, limitParam } from '../../platform/pagination';
import { jsonResponse, TenantParams } from '../common';
import { RecommendationPage } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const recommendationsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/recommendations',
  operationId: 'recommendations',
  tags: ['Matching'],
  summary: 'Published potentials that fit this tenant',
  description:
    'For a partner: scored with its profile. For a region: with its own published potentials.',
  request: {
    params: TenantParams,
    query: z.object({ limit: limitParam(20), cursor: cursorParam }),
  },
  responses: { 200: jsonResponse('Potentials, best first.', RecommendationPage) },
});

export function registerRecommendations(app: OpenAPIHono<AppEnv>) {
  app.openapi(recommendationsRoute, async (c) =>
    c.json(
      RecommendationPage.parse(
        await recommendationsFor({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}
