import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requestPasswordReset } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { Email, jsonBody, jsonResponse } from '../common';
import { Accepted } from './definitions';

export const requestPasswordResetRoute = createRoute({
  method: 'post',
  path: '/v1/auth/password-reset',
  operationId: 'requestPasswordReset',
  tags: ['Accounts'],
  summary: 'Ask for a password-reset link',
  description: 'Answers 202 whether or not the email is registered.',
  security: [],
  request: { body: jsonBody(z.object({ email: Email }).strict()) },
  responses: {
    202: jsonResponse('If the address is registered, a link is on its way.', Accepted),
    ...problemResponses(400, 429),
  },
});

export function registerRequestPasswordReset(app: OpenAPIHono<AppEnv>) {
  app.openapi(requestPasswordResetRoute, async (c) =>
    c.json(
      Accepted.parse(await requestPasswordReset({ ctx: c.get('ctx'), input: c.req.valid('json') })),
      202,
    ),
  );
}
