import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { getRegion } from '../../reference/regions';
import { RegionCodeSchema, RegionDetailSchema } from './schemas';

export const getRegionRoute = createRoute({
  method: 'get',
  path: '/v1/regions/{code}',
  operationId: 'getRegion',
  tags: ['Regions'],
  summary: 'Get a region',
  description:
    'One region with its province (for a kabupaten/kota) or its children counts (for a province).',
  security: [],
  request: {
    params: z.object({ code: RegionCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) }),
  },
  responses: {
    200: {
      description: 'The region.',
      content: { 'application/json': { schema: RegionDetailSchema } },
    },
    ...problemResponses(400, 404),
  },
});

export function registerGetRegion(app: OpenAPIHono<AppEnv>) {
  app.openapi(getRegionRoute, async (c) => {
    const out = await getRegion({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.json(RegionDetailSchema.parse(out), 200);
  });
}
