import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { transitionAgreement } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { AgreementSchema, ok, Params, Stage } from './schemas';

export const transitionAgreementRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/transitions',
  operationId: 'transitionAgreement',
  tags: ['Agreements'],
  summary: 'Move to the next stage',
  description:
    'For the stages one party may take: `pelaksanaan` (after the PKS or the action plan; for a `handshake` agreement, straight from initiation), `evaluasi` (after an evaluation is recorded) and `berakhir`. ' +
    'Kesepakatan Bersama, Perjanjian Kerja Sama, renewal, Nota Kesepakatan and action plan are reached by every party’s signature (`POST …/signatures`); asking for them here answers 409 naming that rule, as does a skipped stage or an agreement not yet confirmed by every party.',
  request: {
    params: Params,
    body: jsonBody(z.object({ stage: Stage }).strict().openapi('AgreementTransition')),
  },
  responses: ok('The agreement.'),
});

export function registerTransitionAgreement(app: OpenAPIHono<AppEnv>) {
  app.openapi(transitionAgreementRoute, async (c) =>
    c.json(
      AgreementSchema.parse(
        await transitionAgreement({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
