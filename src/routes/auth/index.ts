import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  confirmPasswordReset,
  requestPasswordReset,
  signIn,
  signOut,
  signOutEverywhere,
  signUp,
  verifyEmail,
} from '../../identity/accounts';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, Email, jsonBody, jsonResponse, Name, Password, TokenBody } from '../common';

const SignUpBody = z
  .object({
    email: Email,
    password: Password,
    name: Name(120).openapi({ example: 'Siti Rahmawati' }),
    locale: z
      .enum(['id', 'en'])
      .optional()
      .openapi({ description: 'Language of emails; default from Accept-Language.' }),
  })
  .strict()
  .openapi('SignUpRequest');
const Accepted = z.object({ status: z.string() }).openapi('Accepted');

const signUpRoute = createRoute({
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

const verifyRoute = createRoute({
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
    200: jsonResponse('The address is confirmed.', z.object({ verified: z.literal(true) })),
    ...problemResponses(400, 429),
  },
});

const SignInBody = z.object({ email: Email, password: Password }).strict().openapi('SignInRequest');
const SessionSchema = z
  .object({
    token: z.string().openapi({
      description:
        'Send as `Authorization: Bearer <token>`. Shown once. Browsers also get it as an HttpOnly cookie.',
    }),
    expiresAt: z.string(),
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      isPlatformAdmin: z.boolean(),
    }),
  })
  .openapi('NewSession');

const signInRoute = createRoute({
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

const signOutRoute = createRoute({
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

const signOutAllRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-out-everywhere',
  description: 'Ends every session of the account, on every device, including this one.',
  operationId: 'signOutEverywhere',
  tags: ['Accounts'],
  summary: 'End every session of this account',
  security: authSecurity,
  responses: {
    200: jsonResponse('Sessions ended.', z.object({ revoked: z.number().int() })),
    ...problemResponses(401, 403),
  },
});

const resetRoute = createRoute({
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

const confirmResetRoute = createRoute({
  method: 'post',
  path: '/v1/auth/password-reset/confirm',
  operationId: 'confirmPasswordReset',
  tags: ['Accounts'],
  summary: 'Choose a new password with the emailed code',
  description: 'Ends every session of the account.',
  security: [],
  request: { body: jsonBody(TokenBody.extend({ password: Password }).strict()) },
  responses: {
    200: jsonResponse('Password changed.', z.object({ reset: z.literal(true) })),
    ...problemResponses(400, 429),
  },
});

export function registerAuth(app: OpenAPIHono<AppEnv>) {
  app.openapi(signUpRoute, async (c) =>
    c.json(Accepted.parse(await signUp({ ctx: c.get('ctx'), input: c.req.valid('json') })), 202),
  );
  app.openapi(verifyRoute, async (c) =>
    c.json(await verifyEmail({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  );
  app.openapi(signInRoute, async (c) => {
    const out = await signIn({
      ctx: c.get('ctx'),
      input: { ...c.req.valid('json'), userAgent: c.req.header('user-agent') },
    });
    setSessionCookie(c, out.token, new Date(out.expiresAt));
    return c.json(SessionSchema.parse(out), 200);
  });
  app.openapi(signOutRoute, async (c) => {
    await signOut({ ctx: c.get('ctx') });
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(signOutAllRoute, async (c) => {
    const out = await signOutEverywhere({ ctx: c.get('ctx') });
    clearSessionCookie(c);
    return c.json(out, 200);
  });
  app.openapi(resetRoute, async (c) =>
    c.json(
      Accepted.parse(await requestPasswordReset({ ctx: c.get('ctx'), input: c.req.valid('json') })),
      202,
    ),
  );
  app.openapi(confirmResetRoute, async (c) =>
    c.json(await confirmPasswordReset({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  );
}
