import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { signIn } from '../../identity/accounts';
import { setSessionCookie } from '../../platform/auth';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { jsonBody, jsonResponse } from '../common';
import { SessionSchema, SignInBody } from './definitions';

export const signInRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-in',
  operationId: 'signIn',
  tags: ['Accounts'],
  summary: 'Sign in with email and password',
  description:
    'Rate-limited per account and per client address (429 with Retry-After). A wrong email and a wrong password answer the same.',
  security: [],
  request: { body: jsonBody(SignInBody) },
  responses: {
    200: jsonResponse('A new session.', SessionSchema),
    ...problemResponses(400, 401, 403, 429),
  },
});

export function registerSignIn(app: OpenAPIHono<AppEnv>) {
  app.openapi(signInRoute, async (c) => {
    const out = await signIn({
      ctx: c.get('ctx'),
      input: { ...c.req.valid('json'), userAgent: c.req.header('user-agent') },
    });
    setSessionCookie(c, out.token, new Date(out.expiresAt));
    return c.json(SessionSchema.parse(out), 200);
  });
}
