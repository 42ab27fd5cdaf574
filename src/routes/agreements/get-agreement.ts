import { type OpenAPIHono } from '@hono/zod-openapi';
import { getAgreement } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { tenantRead } from '../tenant-route';
import { AgreementSchema, ok, Params } from './schemas';

export const getAgreementRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}',
  description:
    'An agreement with its parties and their consent, signatures, action plan, evaluations, documents, history and flags.',
  operationId: 'getAgreement',
  tags: ['Agreements'],
  summary: 'An agreement with its plan, evaluations, documents and history',
  request: { params: Params },
  responses: ok('The agreement.'),
});

export function registerGetAgreement(app: OpenAPIHono<AppEnv>) {
  app.openapi(getAgreementRoute, async (c) =>
    c.json(
      AgreementSchema.parse(await getAgreement({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
