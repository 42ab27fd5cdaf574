import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { getRegionProfile } from '../../profiles/profiles';
import { jsonResponse } from '../common';
import { RegionCodeSchema } from '../regions/schemas';
import { RegionProfileSchema } from './definitions';

export const getRegionProfileRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/regions/{code}/profile',
  description:
    'A region’s public profile: what it offers and needs, and how many active agreements it is party to (confirmed by every party).',
  operationId: 'getRegionProfile',
  tags: ['Catalogue'],
  summary: 'A region’s public profile',
  security: [],
  request: {
    params: z.object({ code: RegionCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) }),
  },
  responses: {
    200: jsonResponse(
      'Summary, flagship sectors, contacts by role, and how many agreements it is party to now.',
      RegionProfileSchema,
    ),
    ...problemResponses(400, 404),
  },
});

export function registerGetRegionProfile(app: OpenAPIHono<AppEnv>) {
  app.openapi(getRegionProfileRoute, async (c) =>
    c.json(
      RegionProfileSchema.parse(
        await getRegionProfile({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
