import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Role, TenantType, TenantStatus } from '../common';
import { getMe, listSessions, revokeSession } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, idParam, Timestamp } from '../common';

const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      isPlatformAdmin: z.boolean(),
    }),
    memberships: z.array(
      z.object({
        membershipId: z.string(),
        role: Role,
        agencyId: z.string().nullable(),
        tenant: z.object({
          id: z.string(),
          name: z.string(),
          type: TenantType,
          status: TenantStatus,
          regionCode: z.string().nullable(),
        }),
      }),
    ),
  })
  .openapi('Me');

const SessionList = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        createdAt: Timestamp,
        lastSeenAt: Timestamp,
        expiresAt: Timestamp,
        userAgent: z.string().nullable(),
        clientAddress: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
  })
  .openapi('SessionList');

const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  description:
    'The signed-in account with its memberships: each tenant, role and, for a liaison, the agency served.',
  operationId: 'getMe',
  tags: ['Accounts'],
  summary: 'The signed-in user and their tenants',
  security: authSecurity,
  responses: {
    200: { description: 'You.', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(401, 403),
  },
});

const sessionsRoute = createRoute({
  method: 'get',
  path: '/v1/me/sessions',
  description:
    'The account’s active sessions (device, address, last use), marking the current one. Secrets are never shown.',
  operationId: 'listMySessions',
  tags: ['Accounts'],
  summary: 'Your active sessions',
  security: authSecurity,
  responses: {
    200: {
      description: 'Active sessions, most recently used first.',
      content: { 'application/json': { schema: SessionList } },
    },
    ...problemResponses(401, 403),
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/v1/me/sessions/{sessionId}',
  description: 'Revokes one of the account’s sessions; it fails on its next request.',
  operationId: 'revokeMySession',
  tags: ['Accounts'],
  summary: 'End one of your sessions',
  security: authSecurity,
  request: { params: z.object({ sessionId: idParam('sessionId', 'ses', 'The session to end.') }) },
  responses: {
    204: { description: 'Ended; it stops working on the next request.' },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerMe(app: OpenAPIHono<AppEnv>) {
  app.openapi(meRoute, async (c) =>
    c.json(MeSchema.parse(await getMe({ ctx: c.get('ctx') })), 200),
  );
  app.openapi(sessionsRoute, async (c) =>
    c.json(SessionList.parse(await listSessions({ ctx: c.get('ctx') })), 200),
  );
  app.openapi(revokeRoute, async (c) => {
    await revokeSession({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}
