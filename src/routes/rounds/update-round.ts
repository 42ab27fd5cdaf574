import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { updateRound } from '../../potentials/rounds';
import { idParam, jsonBody, jsonResponse, TenantParams } from '../common';
import { RoundSchema } from '../potentials/definitions';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';

export const UpdateRoundRequest = z
  .object({
    deadline: IsoDate.optional().openapi({ description: 'A new deadline, within the period.' }),
    status: z
      .enum(['open', 'closed'])
      .optional()
      .openapi({ description: '`closed`: the round takes no more submissions.' }),
  })
  .strict()
  .openapi('UpdateRoundRequest');

export const updateRoundRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/rounds/{roundId}',
  operationId: 'updateRound',
  tags: ['Mapping rounds'],
  summary: 'Extend a round’s deadline, or close it',
  description:
    'By the TKKSD admin. After the deadline, a submission to the round answers 409 naming the deadline; a closed round takes none.',
  request: {
    params: TenantParams.extend({ roundId: idParam('roundId', 'round', 'The mapping round.') }),
    body: jsonBody(UpdateRoundRequest),
  },
  responses: { 200: jsonResponse('The round.', RoundSchema) },
});

export function registerUpdateRound(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateRoundRoute, async (c) =>
    c.json(
      RoundSchema.parse(
        await updateRound({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}
