import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { expressInterest } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { createdResponse, idPattern, jsonBody } from '../common';
import { InterestSchema } from '../potentials/definitions';
import { tenantWrite } from '../tenant-route';

export const ExpressInterestRequest = z
  .object({
    potentialId: idPattern('potential').openapi({ description: 'The published potential.' }),
    message: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .openapi({ description: 'What the tenant proposes or asks, for the owner to read.' }),
    originSessionId: idPattern('forumSession').optional().openapi({
      description:
        'The forum session where the interest arose (one the tenant convened or took part in): counted in its outcomes.',
    }),
  })
  .strict()
  .openapi('ExpressInterestRequest');
export type ExpressInterestRequest = z.infer<typeof ExpressInterestRequest>;

export const expressInterestRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/interests',
  operationId: 'expressInterest',
  tags: ['Interests'],
  summary: 'Express this tenant’s interest in a published potential',
  description:
    'A member of the tenant (admin, head or liaison of a region; admin or member of a verified partner) expresses its interest. ' +
    'Once per tenant and potential (409); never in its own (400); an unverified partner is refused (403). The owner is notified in its inbox.',
  request: { body: jsonBody(ExpressInterestRequest) },
  responses: {
    201: createdResponse('The interest, pending.', InterestSchema),
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
