import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam } from '../../platform/pagination';
import { listRegions } from '../../reference/regions';
import { RegionPageSchema } from './schemas';

export const ListRegionsQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit province code such as 31')
    .optional()
    .openapi({
      param: { name: 'province', in: 'query' },
      description: 'Only the kabupaten/kota of this province.',
      example: '31',
    }),
  kind: z
    .enum(['provinsi', 'kabupaten', 'kota'])
    .optional()
    .openapi({
      param: { name: 'kind', in: 'query' },
      description: '`provinsi`, `kabupaten` or `kota`.',
    }),
  autonomous: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({
      param: { name: 'autonomous', in: 'query' },
      description: '`false` lists the administrative (non-autonomous) regions.',
    }),
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .openapi({
      param: { name: 'q', in: 'query' },
      description: 'Part of the name; case and accents are ignored.',
      example: 'bandung',
    }),
  limit: limitParam(100),
  cursor: cursorParam,
});

export const listRegionsRoute = createRoute({
  method: 'get',
  path: '/v1/regions',
  operationId: 'listRegions',
  tags: ['Regions'],
  summary: 'List regions',
  description:
    'The 38 provinces and 514 kabupaten/kota, in code order, with filters and cursor pagination.',
  security: [],
  request: { query: ListRegionsQuery },
  responses: {
    200: {
      description: 'A page of regions.',
      content: { 'application/json': { schema: RegionPageSchema } },
    },
    ...problemResponses(400),
  },
});

export function registerListRegions(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRegionsRoute, async (c) => {
    const out = await listRegions({ ctx: c.get('ctx'), input: c.req.valid('query') });
    return c.json(RegionPageSchema.parse(out), 200);
  });
}
