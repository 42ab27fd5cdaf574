import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { answerAgreement } from '../../agreements/consent';
import type { AppEnv } from '../../platform/context';
import { jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { AgreementSchema, ok, Params } from './schemas';

export const AnswerAgreementRequest = z
  .object({
    decision: z.enum(['confirm', 'decline']),
    reason: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ description: 'Why the party declines (required when declining).' }),
  })
  .strict()
  .openapi('AnswerAgreementRequest');
export type AnswerAgreementRequest = z.infer<typeof AnswerAgreementRequest>;

export const answerAgreementRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/answer',
  operationId: 'answerAgreement',
  tags: ['Agreements'],
  summary: 'Confirm or decline taking part (an invited party)',
  description:
    'Naming a tenant in an agreement invites it; it is bound only when its admin (a region’s head too) confirms. ' +
    'Until every party has confirmed, the agreement cannot move and counts nowhere. Only an invited party that has not answered may answer (else 409).',
  request: { params: Params, body: jsonBody(AnswerAgreementRequest) },
  responses: ok('The agreement, with every party’s status.'),
});

export function registerAnswerAgreement(app: OpenAPIHono<AppEnv>) {
  app.openapi(answerAgreementRoute, async (c) =>
    c.json(
      AgreementSchema.parse(
        await answerAgreement({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
