import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { expressInterest } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, createdResponse, idPattern, jsonBody, TenantParams } from '../common';
import { InterestSchema } from '../potentials/definitions';

export const ExpressInterestRequest = z
  .object({
    potentialId: idPattern('pot').openapi({ description: 'The published potential.' }),
    message: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .openapi({ description: 'What the tenant proposes or asks, for the owner to read.' }),
    originSessionId: idPattern('fss').optional().openapi({
      description:
        'The forum session where the interest arose (one the tenant convened or took part in): counted in its outcomes.',
    }),
  })
  .strict()
  .openapi('ExpressInterestRequest');
export type ExpressInterestRequest = z.infer<typeof ExpressInterestRequest>;

export const expressInterestRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/interests',
  operationId: 'expressInterest',
  tags: ['Interests'],
  summary: 'Express this tenant’s interest in a published potential',
  description:
    'A member of the tenant (admin, head or liaison of a region; admin or member of a verified partner) expresses its interest. ' +
    'Once per tenant and potential (409); never in its own (400); an unverified partner is refused (403). The owner is notified in its inbox.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(ExpressInterestRequest) },
  responses: {
    201: createdResponse('The interest, pending.', InterestSchema),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerExpressInterest(app: OpenAPIHono<AppEnv>) {
  app.openapi(expressInterestRoute, async (c) => {
    const p = c.req.valid('param');
    const created = InterestSchema.parse(
      await expressInterest({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/interests/${created.id}`);
    return c.json(created, 201);
  });
}
