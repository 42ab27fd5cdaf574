import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { NullableTimestamp, PartnerKind } from '../common';
import { ProfileSchema } from '../potentials/definitions';
import { IsoDate, PublicPotentialSchema } from '../potentials/schemas';
import { RegionCodeSchema } from '../regions/schemas';

/** The public catalogue: no sign-in; only published, unexpired potentials and verified partners. */
export const list = (name: string, description: string) =>
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

export const FilterQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'q', in: 'query' },
      description:
        'Full-text search: Indonesian stems ("miskin" finds "kemiskinan ekstrem"), the thesaurus (abbreviations such as UMKM or SPAM, near terms, English words such as "tourism"), region and province names and short forms ("Kalbar"), and typos of five letters or more when nothing else is found. "Quoted phrases" are taken as written, -word excludes, `atau`/`or` joins alternatives.',
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
  kind: list('kind', 'Cooperation kinds (KSDD, KSDPK, KSDPL, KSDLL, SINERGI).'),
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

export const SearchQuery = FilterQuery.extend({
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

export const PageSchema = z
  .object({
    data: z.array(
      PublicPotentialSchema.extend({
        score: z.number().nullable().openapi({
          description:
            'Relevance, with `q`: how well the title and the activity hold the words (title above activity); 0 when the words are found only in the other fields, which come after, newest first.',
        }),
      }),
    ),
    ...pageMeta,
    total: z.number().int().openapi({
      description:
        'How many potentials match: exact without `q`; with `q`, counted up to 200 (see `totalIsLowerBound`).',
    }),
    totalIsLowerBound: z
      .boolean()
      .openapi({ description: 'True when a text search matches more than 200: show “200+”.' }),
    sort: z.enum(['relevance', 'newest', 'value']),
  })
  .openapi('CatalogPage');

export const Facet = z.array(
  z.object({ code: z.string(), label: z.string(), count: z.number().int() }),
);

export const FacetsSchema = z
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

export const RegionProfileSchema = ProfileSchema.extend({
  activeAgreements: z.number().int(),
}).openapi('RegionProfile');

export const PartnerSchema = z
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
