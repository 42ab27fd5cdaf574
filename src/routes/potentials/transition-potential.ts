import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { transitionPotential } from '../../potentials/potentials';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { PotentialParams, TransitionBody } from './definitions';
import { PotentialSchema } from './schemas';

export const transitionPotentialRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}/transitions',
  operationId: 'transitionPotential',
  tags: ['Potentials'],
  summary: 'Move a potential through its lifecycle',
  description:
    'draft → submit (liaison of its agency, or admin) → prioritise (admin, with Berita Acara) → establish (head, with SK) → publish (admin) → close / archive; `return` for revision with a reason at any review step. A wrong role answers 403 and a wrong state 409, both naming the rule.',
  request: { params: PotentialParams, body: jsonBody(TransitionBody) },
  responses: {
    200: jsonResponse('The potential after the transition.', PotentialSchema),
  },
});

export function registerTransitionPotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(transitionPotentialRoute, async (c) =>
    c.json(
      PotentialSchema.parse(
        await transitionPotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
