import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { expressInterest } from '../../interests/interests';
import type { AppEnv } from '../../platform/context';
import { ApiError, problemResponses } from '../../platform/errors';
import { authSecurity, createdResponse, idParam, idPattern } from '../common';
import { InterestSchema } from '../potentials/definitions';

export const expressInterestFromCatalogueRoute = createRoute({
  method: 'post',
  path: '/v1/catalog/potentials/{potentialId}/interests',
  operationId: 'expressInterestFromCatalogue',
  tags: ['Interests'],
  summary: 'Express interest in a published potential (deprecated)',
  deprecated: true,
  description:
    'Deprecated: use `POST /v1/tenants/{tenantId}/interests`, where the acting tenant is in the path. Here it is `fromTenantId`, and a tenant you do not belong to answers 403.',
  security: authSecurity,
  request: {
    params: z.object({ potentialId: idParam('potentialId', 'potential', 'The potential.') }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              fromTenantId: idPattern('tenant').openapi({
                description: 'The tenant that is interested.',
              }),
              message: z.string().trim().min(1).max(4000),
            })
            .strict()
            .openapi('ExpressInterestFromCatalogueRequest'),
        },
      },
    },
  },
  responses: {
    201: createdResponse('The interest, pending.', InterestSchema),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerExpressInterestFromCatalogue(app: OpenAPIHono<AppEnv>) {
  app.openapi(expressInterestFromCatalogueRoute, async (c) => {
    const { fromTenantId, message } = c.req.valid('json');
    const interest = await expressInterest({
      ctx: c.get('ctx'),
      input: { tenantId: fromTenantId, potentialId: c.req.valid('param').potentialId, message },
    }).catch((err: unknown) => {
      // kept as it always answered: a tenant the caller is not in is a 403 here
      if (
        err instanceof ApiError &&
        err.code === 'NOT_FOUND' &&
        err.detail.key === 'tenant.not_found'
      )
        throw new ApiError('FORBIDDEN', { key: 'interest.not_member' });
      throw err;
    });
    c.header('Location', `/v1/tenants/${fromTenantId}/interests/${interest.id}`);
    return c.json(InterestSchema.parse(interest), 201);
  });
}
