import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { matchesForPotential } from '../../candidates/matches';
import type { AppEnv } from '../../platform/context';
import { cursorParam, limitParam } from '../../platform/pagination';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { MatchPage, PotentialParams } from './definitions';
export const matchPotentialRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/potentials/{potentialId}/matches',
  operationId: 'matchPotential',
  tags: ['Matching'],
  summary: 'Ranked partners and regions for a published potential',
  description:
    'Scores regions’ published potentials (KSDD) and verified partners (KSDPK, KSDPL, KSDLL, SINERGI) that share at least one issue or affair. The weights are documented in `src/scoring/weights.ts`. Computed per request: a change shows in the next one.',
  request: {
    params: PotentialParams,
    query: z.object({
      candidateType: z
        .enum(['partner', 'region'])
        .optional()
        .openapi({
          param: { name: 'candidateType', in: 'query' },
          description:
            '`region` (other regions’ potentials, KSDD) or `partner` (verified partners).',
        }),
      province: z
        .string()
        .regex(/^\d{2}$/, 'must be a two-digit province code')
        .optional()
        .openapi({
          param: { name: 'province', in: 'query' },
          description: 'Regions in this province; partners interested in it.',
        }),
      limit: limitParam(20),
      cursor: cursorParam,
    }),
  },
  responses: {
    200: jsonResponse('Candidates, best first; ties broken by id.', MatchPage),
  },
});

export function registerMatchPotential(app: OpenAPIHono<AppEnv>) {
  app.openapi(matchPotentialRoute, async (c) =>
    c.json(
      MatchPage.parse(
        await matchesForPotential({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}
