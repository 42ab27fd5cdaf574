import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAgreements } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, CooperationKind, DateString, jsonResponse, TenantParams } from '../common';
import { Consent, Flags, Party, Stage, StageLabel } from './schemas';

export const AgreementListResponse = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: Stage,
      stageLabel: StageLabel,
      kind: CooperationKind,
      parties: z.array(Party),
      consent: Consent,
      pksEnd: DateString.nullable(),
      flags: Flags,
    }),
  ),
});

export const listAgreementsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agreements',
  description:
    'The tenant’s agreements (invited ones too, to decide on) with their consent and flags; a province also sees its regions’ confirmed ones.',
  operationId: 'listAgreements',
  tags: ['Agreements'],
  summary: 'Agreements of this tenant (for a province: of its regions too), with flags',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Newest first.', AgreementListResponse),
    ...problemResponses(401, 403, 404),
  },
});

export function registerListAgreements(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAgreementsRoute, async (c) =>
    c.json(
      AgreementListResponse.parse(
        await listAgreements({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
