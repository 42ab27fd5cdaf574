import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { decideInterest } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { InterestSchema } from '../potentials/definitions';
import { tenantWrite } from '../tenant-route';
export const decideInterestRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/interests/{interestId}/decision',
  operationId: 'decideInterest',
  tags: ['Interests'],
  summary: 'Accept or decline an interest',
  description: 'On acceptance both sides see each other’s responsible officials.',
  request: {
    params: TenantParams.extend({ interestId: idParam('interestId', 'interest', 'The interest.') }),
    body: jsonBody(
      z
        .object({
          decision: z.enum(['accept', 'decline']),
          note: z.string().trim().max(2000).optional(),
        })
        .strict()
        .openapi('InterestDecision'),
    ),
  },
  responses: { 200: jsonResponse('The decided interest.', InterestSchema) },
});

export function registerDecideInterest(app: OpenAPIHono<AppEnv>) {
  app.openapi(decideInterestRoute, async (c) =>
    c.json(
      InterestSchema.parse(
        await decideInterest({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
