import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { createPotential } from '../../potentials/potentials';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { PotentialBody, PotentialSchema } from './schemas';

// ---- potentials ----
export const createPotentialRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/potentials',
  operationId: 'createPotential',
  tags: ['Potentials'],
  summary: 'Draft a cooperation potential (the mapping form)',
  description:
    'A liaison drafts for their own agency; the TKKSD admin for any. Unknown codes answer 400 naming the field.',
  request: { body: jsonBody(PotentialBody) },
  responses: { 201: createdResponse('The draft.', PotentialSchema) },
});

export function registerCreatePotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(createPotentialRoute, async (c) => {
    const p = c.req.valid('param');
    const created = PotentialSchema.parse(
      await createPotential({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/potentials/${created.id}`);
    return c.json(created, 201);
  });
}
