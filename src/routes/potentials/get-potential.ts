import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getPotential } from '../../potentials/potentials';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { PotentialParams } from './definitions';
import { PotentialDetailSchema } from './schemas';

export const getPotentialRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}',
  description:
    'One potential with the eight questions of the mapping form, its history and, once published, its earlier revisions.',
  operationId: 'getPotential',
  tags: ['Potentials'],
  summary: 'A potential with its history and revisions',
  request: { params: PotentialParams },
  responses: { 200: jsonResponse('The potential.', PotentialDetailSchema) },
});

export function registerGetPotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(getPotentialRoute, async (c) =>
    c.json(
      PotentialDetailSchema.parse(
        await getPotential({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
