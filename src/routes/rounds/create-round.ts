import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { createRound } from '../../potentials/rounds';
import { createdResponse, jsonBody, Name, TenantParams } from '../common';
import { RoundSchema } from '../potentials/definitions';
import { IsoDate } from '../potentials/schemas';
import { tenantWrite } from '../tenant-route';

export const createRoundRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/rounds',
  description:
    'Opens a mapping round (Pemetaan Potensi Kerja Sama Daerah) with its period and deadline.',
  operationId: 'createRound',
  tags: ['Mapping rounds'],
  summary: 'Open a mapping round',
  request: {
    params: TenantParams,
    body: jsonBody(
      z
        .object({ title: Name(200), periodStart: IsoDate, periodEnd: IsoDate, deadline: IsoDate })
        .strict()
        .openapi('CreateRoundRequest'),
    ),
  },
  responses: { 201: createdResponse('The round.', RoundSchema) },
});

export function registerCreateRound(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRoundRoute, async (c) => {
    const p = c.req.valid('param');
    const created = RoundSchema.parse(
      await createRound({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/rounds/${created.id}`);
    return c.json(created, 201);
  });
}
