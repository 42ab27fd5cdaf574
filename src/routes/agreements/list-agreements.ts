import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAgreements } from '../../agreements/agreements';
import type { AppEnv } from '../../platform/context';
import { CooperationKind, DateString, jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
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

export const listAgreementsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agreements',
  description:
    'The tenant’s agreements (invited ones too, to decide on) with their consent and flags; a province also sees its regions’ confirmed ones.',
  operationId: 'listAgreements',
  tags: ['Agreements'],
  summary: 'Agreements of this tenant (for a province: of its regions too), with flags',
  responses: {
    200: jsonResponse('Newest first.', AgreementListResponse),
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
