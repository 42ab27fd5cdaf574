import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createPotential } from '../../potentials/potentials';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { PotentialBody, PotentialSchema } from './schemas';
import { writeErrors } from './definitions';

// ---- potentials ----
export const createPotentialRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/potentials',
  operationId: 'createPotential',
  tags: ['Potentials'],
  summary: 'Draft a cooperation potential (the mapping form)',
  description:
    'A liaison drafts for their own agency; the TKKSD admin for any. Unknown codes answer 400 naming the field.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(PotentialBody) },
  responses: { 201: jsonResponse('The draft.', PotentialSchema), ...writeErrors },
});

export function registerCreatePotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(createPotentialRoute, async (c) =>
    c.json(
      PotentialSchema.parse(
        await createPotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}
