import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { listVocabularies } from '../../reference/vocabulary-queries';
import { VocabularySummarySchema } from './schemas';

const Response = z.object({ data: z.array(VocabularySummarySchema) }).openapi('VocabularyList');

export const listVocabulariesRoute = createRoute({
  method: 'get',
  path: '/v1/vocabularies',
  description:
    'The names of the fixed vocabularies (affairs, strategic issues, cooperation kinds and models, sectors, partner kinds) with their sizes. Public, cacheable.',
  operationId: 'listVocabularies',
  tags: ['Vocabularies'],
  summary: 'List the domain vocabularies',
  security: [],
  responses: {
    200: {
      description: 'Every vocabulary with its term count.',
      content: { 'application/json': { schema: Response } },
    },
    ...problemResponses(500),
  },
});

export function registerListVocabularies(app: OpenAPIHono<AppEnv>) {
  app.openapi(listVocabulariesRoute, async (c) => {
    const out = await listVocabularies({ ctx: c.get('ctx') });
    return c.json(Response.parse(out), 200);
  });
}
