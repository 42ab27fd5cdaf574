import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { PartnerKind } from '../common';
import { idPattern } from '../common';
import {
  catalogFacets,
  EXPORT_COLUMNS,
  exportCatalog,
  getPublishedPotential,
  listPublicPartners,
  searchCatalog,
  toCsv,
} from '../../potentials/catalog';
import { expressInterest } from '../../interests/interests';
import { getRegionProfile } from '../../profiles/profiles';
import type { AppEnv } from '../../platform/context';
import { ApiError } from '../../platform/errors';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { authSecurity, idParam, jsonResponse, NullableTimestamp } from '../common';
import { RegionCodeSchema } from '../regions/schemas';
import { InterestSchema, ProfileSchema } from '../potentials/index';
import { IsoDate, PublicPotentialSchema } from '../potentials/schemas';

/** The public catalogue: no sign-in; only published, unexpired potentials and verified partners. */
const list = (name: string, description: string) =>
  z
    .string()
    .max(500)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .optional()
    .openapi({
      param: { name, in: 'query' },
      description: `${description} Comma-separated; matches any.`,
      type: 'string',
    });

const FilterQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'q', in: 'query' },
      description: 'Full-text search in Indonesian: "miskin" finds "kemiskinan ekstrem".',
      example: 'bencana',
    }),
  province: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit province code')
    .optional()
    .openapi({
      param: { name: 'province', in: 'query' },
      description: 'Only potentials of this province (two-digit code, e.g. `51`).',
    }),
  region: RegionCodeSchema.optional().openapi({ param: { name: 'region', in: 'query' } }),
  direction: z
    .enum(['offer', 'need'])
    .optional()
    .openapi({
      param: { name: 'direction', in: 'query' },
      description: '`offer` (what a region offers) or `need` (what it seeks).',
    }),
  kind: list('kind', 'Cooperation kinds (KSDD, KSDPK, KSDLN, SINERGI).'),
  affairs: list('affairs', 'Affair codes.'),
  issues: list('issues', 'Strategic-issue codes.'),
  model: z
    .string()
    .max(60)
    .optional()
    .openapi({
      param: { name: 'model', in: 'query' },
      description: 'A cooperation model code (see `/v1/vocabularies/cooperation-models`).',
    }),
  valueMin: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'valueMin', in: 'query' }, description: 'Rupiah.' }),
  valueMax: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'valueMax', in: 'query' }, description: 'Rupiah.' }),
  expiresAfter: IsoDate.optional().openapi({
    param: { name: 'expiresAfter', in: 'query' },
    description: 'Only potentials still valid after this date.',
  }),
});
const SearchQuery = FilterQuery.extend({
  sort: z
    .enum(['relevance', 'newest', 'value'])
    .optional()
    .openapi({
      param: { name: 'sort', in: 'query' },
      description: 'Default: relevance with `q`, newest without.',
    }),
  limit: limitParam(20),
  cursor: cursorParam,
});

const PageSchema = z
  .object({
    data: z.array(
      PublicPotentialSchema.extend({
        score: z.number().nullable().openapi({ description: 'Relevance, with `q`.' }),
      }),
    ),
    ...pageMeta,
    sort: z.enum(['relevance', 'newest', 'value']),
  })
  .openapi('CatalogPage');
const Facet = z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() }));
const FacetsSchema = z
  .object({
    total: z.number().int(),
    direction: Facet,
    kind: Facet,
    affairs: Facet,
    issues: Facet,
    model: Facet,
    province: Facet,
  })
  .openapi('CatalogFacets');

const searchRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/potentials',
  description:
    'Published, unexpired potentials of every region. Public. Full-text search in Indonesian (`q`), filters, sorts and cursor pagination; totals count every match.',
  operationId: 'searchCatalog',
  tags: ['Catalogue'],
  summary: 'Search published cooperation potentials',
  security: [],
  request: { query: SearchQuery },
  responses: {
    200: jsonResponse('A page of published potentials.', PageSchema),
    ...problemResponses(400),
  },
});
const facetsRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/potentials/facets',
  operationId: 'catalogFacets',
  tags: ['Catalogue'],
  summary: 'Counts per filter value',
  description:
    'The same filters as the search; answers how many potentials match each value of each filter, e.g. "Pariwisata (42)".',
  security: [],
  request: { query: FilterQuery },
  responses: { 200: jsonResponse('Facet counts.', FacetsSchema), ...problemResponses(400) },
});
const getRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/potentials/{potentialId}',
  description:
    'One published potential as the public sees it. Drafts and other unpublished states answer 404.',
  operationId: 'getPublishedPotential',
  tags: ['Catalogue'],
  summary: 'One published potential',
  security: [],
  request: { params: z.object({ potentialId: idParam('potentialId', 'pot', 'The potential.') }) },
  responses: {
    200: jsonResponse('The potential.', PublicPotentialSchema),
    ...problemResponses(400, 404),
  },
});
const exportCsvRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/export.csv',
  operationId: 'exportCatalogCsv',
  tags: ['Catalogue'],
  summary: 'Open data: the catalogue as CSV',
  description: `Stable columns: ${EXPORT_COLUMNS.join(', ')}. Lists are joined with |.`,
  security: [],
  request: { query: FilterQuery },
  responses: {
    200: { description: 'CSV (RFC 4180, UTF-8).', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400),
  },
});
const exportJsonRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/export.json',
  description:
    'The whole public catalogue as JSON with documented, stable fields (open data). Public.',
  operationId: 'exportCatalogJson',
  tags: ['Catalogue'],
  summary: 'Open data: the catalogue as JSON',
  security: [],
  request: { query: FilterQuery },
  responses: {
    200: jsonResponse(
      'The same columns as the CSV.',
      z.object({ columns: z.array(z.string()), data: z.array(z.record(z.string(), z.unknown())) }),
    ),
    ...problemResponses(400),
  },
});
const RegionProfileSchema = ProfileSchema.extend({ activeAgreements: z.number().int() }).openapi(
  'RegionProfile',
);
const PartnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: PartnerKind.nullable(),
    website: z.string().nullable(),
    country: z.string().nullable(),
    verifiedAt: NullableTimestamp,
    summary: z.string().nullable(),
    sectors: z.array(z.string()),
    issues: z.array(z.string()),
    affairs: z.array(z.string()),
    regionsOfInterest: z.array(z.string()),
    offers: z.string().nullable(),
    engagementMinIdr: z.number().nullable(),
    engagementMaxIdr: z.number().nullable(),
    isDemo: z.boolean(),
  })
  .openapi('PublicPartner');
const partnersRoute = createRoute({
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
    200: jsonResponse(
      'A page of partners.',
      z.object({ data: z.array(PartnerSchema), ...pageMeta }),
    ),
    ...problemResponses(400),
  },
});
const regionProfileRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/regions/{code}/profile',
  description:
    'A region’s public profile: what it offers and needs, and how many active agreements it is party to (confirmed by every party).',
  operationId: 'getRegionProfile',
  tags: ['Catalogue'],
  summary: 'A region’s public profile',
  security: [],
  request: {
    params: z.object({ code: RegionCodeSchema.openapi({ param: { name: 'code', in: 'path' } }) }),
  },
  responses: {
    200: jsonResponse(
      'Summary, flagship sectors, contacts by role, and how many agreements it is party to now.',
      RegionProfileSchema,
    ),
    ...problemResponses(400, 404),
  },
});
const expressRoute = createRoute({
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
    params: z.object({ potentialId: idParam('potentialId', 'pot', 'The potential.') }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              fromTenantId: idPattern('ten').openapi({
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
    201: jsonResponse('The interest, pending.', InterestSchema),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});
export function registerCatalog(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchRoute, async (c) =>
    c.json(
      PageSchema.parse(await searchCatalog({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
  app.openapi(facetsRoute, async (c) =>
    c.json(
      FacetsSchema.parse(await catalogFacets({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
  app.openapi(exportCsvRoute, async (c) => {
    const rows = await exportCatalog({ ctx: c.get('ctx'), input: c.req.valid('query') });
    return c.body(toCsv(rows, EXPORT_COLUMNS), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="sinergi-katalog.csv"',
    });
  });
  app.openapi(exportJsonRoute, async (c) =>
    c.json(
      {
        columns: [...EXPORT_COLUMNS],
        data: await exportCatalog({ ctx: c.get('ctx'), input: c.req.valid('query') }),
      },
      200,
    ),
  );
  app.openapi(getRoute, async (c) =>
    c.json(
      PublicPotentialSchema.parse(
        await getPublishedPotential({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
  app.openapi(partnersRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(PartnerSchema), ...pageMeta })
        .parse(await listPublicPartners({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
  app.openapi(regionProfileRoute, async (c) =>
    c.json(
      RegionProfileSchema.parse(
        await getRegionProfile({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
  app.openapi(expressRoute, async (c) => {
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
    return c.json(InterestSchema.parse(interest), 201);
  });
}
