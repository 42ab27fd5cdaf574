import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { signUp } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { jsonBody, jsonResponse } from '../common';
import { Accepted, SignUpBody } from './definitions';

export const signUpRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-up',
  operationId: 'signUp',
  tags: ['Accounts'],
  summary: 'Create an account',
  description:
    'Answers 202 whether or not the email is registered; a new address gets a confirmation link, a registered one a notice. Rate-limited per address and per client.',
  security: [],
  request: { body: jsonBody(SignUpBody) },
  responses: {
    202: jsonResponse('A confirmation email is on its way.', Accepted),
    ...problemResponses(400, 429),
  },
});

export function registerSignUp(app: OpenAPIHono<AppEnv>) {
  app.openapi(signUpRoute, async (c) =>
    c.json(Accepted.parse(await signUp({ ctx: c.get('ctx'), input: c.req.valid('json') })), 202),
  );
}
