import { z } from '@hono/zod-openapi';

const Labels = z
  .object({ id: z.string(), en: z.string() })
  .openapi('Labels', { description: 'The label in Indonesian and in English.' });

export const VocabularySummarySchema = z
  .object({
    name: z.string().openapi({ example: 'strategic-issues' }),
    label: z
      .string()
      .openapi({ description: 'In the request’s language.', example: 'Isu strategis' }),
    labels: Labels,
    description: z.string(),
    termCount: z.number().int(),
    href: z.string().openapi({ example: '/v1/vocabularies/strategic-issues' }),
  })
  .openapi('VocabularySummary');

export const VocabularySchema = z
  .object({
    name: z.string(),
    label: z.string(),
    labels: Labels,
    description: z.string(),
    groups: z.array(z.object({ code: z.string(), label: z.string(), labels: Labels })),
    terms: z.array(
      z.object({
        code: z
          .string()
          .openapi({ description: 'Stable API value.', example: 'penanggulangan_bencana' }),
        label: z.string().openapi({ example: 'Penanggulangan bencana' }),
        labels: Labels,
        group: z.string().nullable(),
        description: z.string().nullable(),
      }),
    ),
  })
  .openapi('Vocabulary');
