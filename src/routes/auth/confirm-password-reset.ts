import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { confirmPasswordReset } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { jsonBody, jsonResponse, Password, TokenBody } from '../common';

export const PasswordResetConfirmedResponse = z.object({ reset: z.literal(true) });

export const confirmPasswordResetRoute = createRoute({
  method: 'post',
  path: '/v1/auth/password-reset/confirm',
  operationId: 'confirmPasswordReset',
  tags: ['Accounts'],
  summary: 'Choose a new password with the emailed code',
  description: 'Ends every session of the account.',
  security: [],
  request: { body: jsonBody(TokenBody.extend({ password: Password }).strict()) },
  responses: {
    200: jsonResponse('Password changed.', PasswordResetConfirmedResponse),
    ...problemResponses(400, 429),
  },
});

export function registerConfirmPasswordReset(app: OpenAPIHono<AppEnv>) {
  app.openapi(confirmPasswordResetRoute, async (c) =>
    c.json(
      PasswordResetConfirmedResponse.parse(
        await confirmPasswordReset({ ctx: c.get('ctx'), input: c.req.valid('json') }),
      ),
      200,
    ),
  );
}
