import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { signOut } from '../../identity/accounts';
import { clearSessionCookie } from '../../platform/auth';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity } from '../common';

export const signOutRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-out',
  description:
    'Ends the session that made the request; its token stops working at once and the browser cookie is cleared.',
  operationId: 'signOut',
  tags: ['Accounts'],
  summary: 'End this session',
  security: authSecurity,
  responses: { 204: { description: 'Signed out.' }, ...problemResponses(401, 403) },
});

export function registerSignOut(app: OpenAPIHono<AppEnv>) {
  app.openapi(signOutRoute, async (c) => {
    await signOut({ ctx: c.get('ctx') });
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
