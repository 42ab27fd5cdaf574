import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { listPublicPartners } from '../../potentials/catalog';
import { jsonResponse } from '../common';
import { list, PartnerSchema } from './definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const Page = z.object({ data: z.array(PartnerSchema), ...pageMeta });

export const listPublicPartnersRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/partners',
  description: 'Verified partner organisations with their public profiles. Public.',
  operationId: 'listPublicPartners',
  tags: ['Catalogue'],
  summary: 'Verified partner organisations',
  security: [],
  request: {
    query: z.object({
      kind: z
        .string()
        .max(40)
        .optional()
        .openapi({
          param: { name: 'kind', in: 'query' },
          description: 'A partner kind (see `/v1/vocabularies/partner-kinds`).',
        }),
      issues: list('issues', 'Strategic-issue codes.'),
      affairs: list('affairs', 'Affair codes.'),
      q: z
        .string()
        .trim()
        .min(2)
        .max(100)
        .optional()
        .openapi({
          param: { name: 'q', in: 'query' },
          description: 'Words to look for, in Indonesian.',
        }),
      limit: limitParam(20),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse('A page of partners.', Page),
    ...problemResponses(400),
  },
});

export function registerListPublicPartners(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPublicPartnersRoute, async (c) =>
    c.json(
      Page.parse(await listPublicPartners({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}
