import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { decideBatch } from '../../potentials/decisions';
import { createdResponse, idPattern, jsonBody, Name } from '../common';
import { tenantWrite } from '../tenant-route';
import { IsoDate } from './schemas';

export const BatchDecisionRequest = z
  .object({
    kind: z.enum(['berita_acara', 'sk']).openapi({
      description:
        '`berita_acara`: the TKKSD plenary prioritises the submitted potentials, ranked as listed; `sk`: the head’s decree establishes the prioritised ones.',
    }),
    number: Name(100).openapi({ description: 'The Berita Acara’s or the SK’s number.' }),
    date: IsoDate,
    roundId: idPattern('round')
      .optional()
      .openapi({ description: 'The mapping round they answer.' }),
    attendees: z
      .array(z.object({ name: Name(200), title: Name(200) }).strict())
      .max(200)
      .optional()
      .openapi({ description: 'Who attended the plenary (Berita Acara).' }),
    potentialIds: z
      .array(idPattern('potential'))
      .min(1)
      .max(500)
      .openapi({ description: 'In order: a Berita Acara ranks them as listed.' }),
  })
  .strict()
  .openapi('BatchDecisionRequest');

export const BatchDecisionResponse = z.object({
  id: z.string(),
  kind: z.enum(['berita_acara', 'sk']),
  number: z.string(),
  date: z.string(),
  roundId: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string(), title: z.string() })),
  potentials: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      priorityRank: z.number().int().nullable(),
    }),
  ),
});

export const decidePotentialsRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/potentials/decisions',
  operationId: 'decidePotentials',
  tags: ['Potentials'],
  summary: 'One Berita Acara or one SK for a list of potentials',
  description:
    'The normal path of a mapping: the plenary’s Berita Acara prioritises a ranked list of submitted potentials, the head’s SK establishes the prioritised list. All or nothing: a potential in another state stops the batch, naming it.',
  request: { body: jsonBody(BatchDecisionRequest) },
  responses: {
    201: createdResponse('The decision and the potentials it moved.', BatchDecisionResponse),
  },
});

export function registerDecidePotentials(app: OpenAPIHono<AppEnv>) {
  app.openapi(decidePotentialsRoute, async (c) => {
    const p = c.req.valid('param');
    const created = BatchDecisionResponse.parse(
      await decideBatch({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/decisions/${created.id}`);
    return c.json(created, 201);
  });
}
