import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { VOCABULARY_NAMES } from '../../reference/vocabularies';
import { getVocabulary } from '../../reference/vocabulary-queries';
import { VocabularySchema } from './schemas';

export const getVocabularyRoute = createRoute({
  method: 'get',
  path: '/v1/vocabularies/{name}',
  operationId: 'getVocabulary',
  tags: ['Vocabularies'],
  summary: 'Get one vocabulary with its terms',
  description: `One of: ${VOCABULARY_NAMES.map((n) => `\`${n}\``).join(', ')}.`,
  security: [],
  request: {
    params: z.object({
      name: z
        .string()
        .max(64)
        .openapi({
          param: { name: 'name', in: 'path' },
          example: 'affairs',
          description: 'The vocabulary’s name; an unknown name answers 404.',
        }),
    }),
  },
  responses: {
    200: {
      description: 'The vocabulary and its terms in order.',
      content: { 'application/json': { schema: VocabularySchema } },
    },
    ...problemResponses(400, 404),
  },
});

export function registerGetVocabulary(app: OpenAPIHono<AppEnv>) {
  app.openapi(getVocabularyRoute, async (c) => {
    const out = await getVocabulary({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.json(VocabularySchema.parse(out), 200);
  });
}
