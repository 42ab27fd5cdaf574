import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listPublicSessions } from '../../forums/public-sessions';
import type { AppEnv } from '../../platform/context';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { readErrors, SessionSchema } from './schemas';

export const PublicSessionsQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit province code')
    .optional()
    .openapi({ description: 'Convened in this province (by the province or one of its regions).' }),
  issue: z
    .string()
    .max(60)
    .optional()
    .openapi({ description: 'Has this strategic issue among its themes.' }),
  affair: z
    .string()
    .max(60)
    .optional()
    .openapi({ description: 'Has this government affair among its themes.' }),
  when: z.enum(['upcoming', 'past']).optional().openapi({
    description: '`upcoming`: not yet ended, soonest first; `past`: ended, latest first.',
  }),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Words in the title or description.' }),
  limit: limitParam(20),
  cursor: cursorParam,
});

export const PublicSessionsResponse = z.object({
  data: z.array(SessionSchema),
  nextCursor: pageMeta.nextCursor,
});

export const listForumSessionsRoute = createRoute({
  method: 'get',
  path: '/v1/forums',
  operationId: 'listForumSessions',
  tags: ['Forums'],
  summary: 'Published forum sessions, for everyone',
  description:
    'Without sign-in: sessions once published (cancelled ones too, marked), with the agenda and the names of registered tenants. People’s contacts are never shown.',
  security: [],
  request: { query: PublicSessionsQuery },
  responses: {
    200: {
      description: 'A page of sessions.',
      content: { 'application/json': { schema: PublicSessionsResponse } },
    },
    ...readErrors,
  },
});

export function registerListForumSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(listForumSessionsRoute, async (c) =>
    c.json(
      PublicSessionsResponse.parse(
        await listPublicSessions({ ctx: c.get('ctx'), input: c.req.valid('query') }),
      ),
      200,
    ),
  );
}
