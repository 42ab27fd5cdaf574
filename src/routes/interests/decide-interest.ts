import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { decideInterest } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { authSecurity, idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { InterestSchema, writeErrors } from '../potentials/definitions';

export const decideInterestRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/interests/{interestId}/decision',
  operationId: 'decideInterest',
  tags: ['Interests'],
  summary: 'Accept or decline an interest',
  description: 'On acceptance both sides see each other’s responsible officials.',
  security: authSecurity,
  request: {
    params: TenantParams.extend({ interestId: idParam('interestId', 'int', 'The interest.') }),
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
  responses: { 200: jsonResponse('The decided interest.', InterestSchema), ...writeErrors },
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
