import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { updatePotential } from '../../potentials/potentials';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { PotentialParams } from './definitions';
import { PotentialPatch, PotentialSchema } from './schemas';

export const updatePotentialRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}',
  operationId: 'updatePotential',
  tags: ['Potentials'],
  summary: 'Edit a potential',
  description:
    'Drafts and returned potentials are edited in place; a published one stays in the catalogue and gains a revision. Archived and closed ones cannot be edited (409 naming the rule).',
  request: { params: PotentialParams, body: jsonBody(PotentialPatch) },
  responses: { 200: jsonResponse('The potential.', PotentialSchema) },
});

export function registerUpdatePotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(updatePotentialRoute, async (c) =>
    c.json(
      PotentialSchema.parse(
        await updatePotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
