import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { addEvaluation } from '../../agreements/implementation';
import type { AppEnv } from '../../platform/context';
import { jsonBody } from '../common';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';
import { AgreementEvaluation, created, Params } from './schemas';

export const addAgreementEvaluationRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agreements/{agreementId}/evaluations',
  description:
    'Records a periodic evaluation (findings, rating 1–5, next date; realisation and benefits, obstacles, follow-up and budget realisation as the annual report asks them); needed before the `evaluasi` stage.',
  operationId: 'addAgreementEvaluation',
  tags: ['Agreements'],
  summary: 'Record a periodic evaluation',
  request: {
    params: Params,
    body: jsonBody(
      z
        .object({
          date: IsoDate,
          findings: z.string().trim().min(1).max(8000),
          rating: z.number().int().min(1).max(5),
          nextEvaluationDate: IsoDate.optional(),
          benefits: z.string().trim().min(1).max(4000).optional().openapi({
            description:
              'Realisation and benefits so far (realisasi dan manfaat): the annual report carries it.',
          }),
          obstacles: z
            .string()
            .trim()
            .min(1)
            .max(4000)
            .optional()
            .openapi({ description: 'Obstacles met (kendala).' }),
          followUp: z
            .string()
            .trim()
            .min(1)
            .max(4000)
            .optional()
            .openapi({ description: 'The follow-up decided (tindak lanjut).' }),
          budgetPlannedIdr: z.number().int().min(0).max(1e15).optional().openapi({
            description: 'Budget planned for the cooperation in the period, in rupiah.',
          }),
          budgetRealisedIdr: z.number().int().min(0).max(1e15).optional().openapi({
            description:
              'Budget realised in the period, in rupiah (budget realisation in the annual report).',
          }),
        })
        .strict(),
    ),
  },
  responses: created('The evaluation.', AgreementEvaluation),
});

export function registerAddAgreementEvaluation(app: OpenAPIHono<AppEnv>) {
  app.openapi(addAgreementEvaluationRoute, async (c) => {
    const params = c.req.valid('param');
    const item = await addEvaluation({
      ctx: c.get('ctx'),
      input: { ...params, ...c.req.valid('json') },
    });
    c.header('location', `/v1/tenants/${params.tenantId}/agreements/${params.agreementId}`);
    return c.json(AgreementEvaluation.parse(item), 201);
  });
}
