import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DateString } from '../common';
import { CooperationKind } from '../common';
import { listAgreements } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { Consent, Flags, Party, Stage, StageLabel } from './schemas';
import { authSecurity, jsonResponse, TenantParams } from '../common';

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

export const listDef = createRoute({
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

export function registerList(app: OpenAPIHono<AppEnv>) {
  app.openapi(listDef, async (c) =>
    c.json(
      AgreementListResponse.parse(
        await listAgreements({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}
