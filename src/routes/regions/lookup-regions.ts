import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { lookupRegions } from '../../reference/regions';
import { RegionCodeSchema, RegionSchema } from './schemas';

const LookupBody = z
  .object({
    codes: z
      .array(RegionCodeSchema)
      .min(1)
      .max(600)
      .openapi({ example: ['31.71', '32.73', '99.99'] }),
  })
  .strict()
  .openapi('RegionLookupRequest');

const LookupResponse = z
  .object({
    data: z.array(RegionSchema),
    unknown: z.array(z.string()).openapi({ description: 'Well-formed codes that name no region.' }),
  })
  .openapi('RegionLookupResult');

export const lookupRegionsRoute = createRoute({
  method: 'post',
  path: '/v1/regions/lookup',
  operationId: 'lookupRegions',
  tags: ['Regions'],
  summary: 'Resolve many region codes at once',
  description:
    'For clients importing spreadsheets: resolves up to 600 codes in one call and reports the unknown ones.',
  security: [],
  request: { body: { required: true, content: { 'application/json': { schema: LookupBody } } } },
  responses: {
    200: {
      description: 'The regions found, in code order, and the codes not found.',
      content: { 'application/json': { schema: LookupResponse } },
    },
    ...problemResponses(400, 413, 415),
  },
});

export function registerLookupRegions(app: OpenAPIHono<AppEnv>) {
  app.openapi(lookupRegionsRoute, async (c) => {
    const out = await lookupRegions({ ctx: c.get('ctx'), input: c.req.valid('json') });
    return c.json(LookupResponse.parse(out), 200);
  });
}
