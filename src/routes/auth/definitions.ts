import { z } from '@hono/zod-openapi';
import { Email, Name, Password } from '../common';

export const SignUpBody = z
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

export const Accepted = z.object({ status: z.string() }).openapi('Accepted');

export const SignInBody = z
  .object({ email: Email, password: Password })
  .strict()
  .openapi('SignInRequest');

export const SessionSchema = z
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
