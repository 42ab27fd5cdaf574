import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { verifyEmail } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { jsonBody, jsonResponse, TokenBody } from '../common';

export const EmailVerifiedResponse = z.object({ verified: z.literal(true) });

export const verifyEmailRoute = createRoute({
  method: 'post',
  path: '/v1/auth/verify-email',
  description:
    'Confirms the account’s email with the code from the verification email (also in its link). A code works once and expires.',
  operationId: 'verifyEmail',
  tags: ['Accounts'],
  summary: 'Confirm an email address',
  security: [],
  request: { body: jsonBody(TokenBody) },
  responses: {
    200: jsonResponse('The address is confirmed.', EmailVerifiedResponse),
    ...problemResponses(400, 429),
  },
});

export function registerVerifyEmail(app: OpenAPIHono<AppEnv>) {
  app.openapi(verifyEmailRoute, async (c) =>
    c.json(
      EmailVerifiedResponse.parse(
        await verifyEmail({ ctx: c.get('ctx'), input: c.req.valid('json') }),
      ),
      200,
    ),
  );
}
