import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { getPublishedPotential } from '../../potentials/catalog';
import { idParam, jsonResponse } from '../common';
import { PublicPotentialSchema } from '../potentials/schemas';

export const getPublishedPotentialRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/potentials/{potentialId}',
  description:
    'One published potential as the public sees it. Drafts and other unpublished states answer 404.',
  operationId: 'getPublishedPotential',
  tags: ['Catalogue'],
  summary: 'One published potential',
  security: [],
  request: {
    params: z.object({ potentialId: idParam('potentialId', 'potential', 'The potential.') }),
  },
  responses: {
    200: jsonResponse('The potential.', PublicPotentialSchema),
    ...problemResponses(400, 404),
  },
});

export function registerGetPublishedPotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(getPublishedPotentialRoute, async (c) =>
    c.json(
      PublicPotentialSchema.parse(
        await getPublishedPotential({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
