import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { signOutEverywhere } from '../../identity/accounts';
import { clearSessionCookie } from '../../platform/auth';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonResponse } from '../common';

export const SignedOutEverywhereResponse = z.object({ revoked: z.number().int() });

export const signOutEverywhereRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-out-everywhere',
  description: 'Ends every session of the account, on every device, including this one.',
  operationId: 'signOutEverywhere',
  tags: ['Accounts'],
  summary: 'End every session of this account',
  security: authSecurity,
  responses: {
    200: jsonResponse('Sessions ended.', SignedOutEverywhereResponse),
    ...problemResponses(401, 403),
  },
});

export function registerSignOutEverywhere(app: OpenAPIHono<AppEnv>) {
  app.openapi(signOutEverywhereRoute, async (c) => {
    const out = await signOutEverywhere({ ctx: c.get('ctx') });
    clearSessionCookie(c);
    return c.json(SignedOutEverywhereResponse.parse(out), 200);
  });
}
