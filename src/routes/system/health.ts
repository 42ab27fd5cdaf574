import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { checkHealth } from '../../system/health';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.object({ status: z.literal('ok'), latencyMs: z.number() }),
    time: z.string().openapi({ example: '2026-11-23T08:00:00.000Z' }),
  })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'health',
  tags: ['System'],
  summary: 'Health check',
  description: 'Answers 200 only when the database answers a query; 503 otherwise.',
  security: [],
  responses: {
    200: {
      description: 'The API and its database are up.',
      content: { 'application/json': { schema: HealthSchema } },
    },
    ...problemResponses(503),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(healthRoute, async (c) => {
    const out = await checkHealth({ ctx: c.get('ctx') });
    return c.json(HealthSchema.parse(out), 200);
  });
}
