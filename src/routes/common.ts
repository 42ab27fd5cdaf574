import { z } from '@hono/zod-openapi';

/** Every authenticated operation accepts a bearer token (session or API key) or the session cookie. */
export const authSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

export const idParam = (name: string, prefix: string, description: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `must be an id starting with ${prefix}_`)
    .openapi({
      param: { name, in: 'path' },
      description,
      example: `${prefix}_01jd2x6v0m8kq3b7e5y4w9c1ta`,
    });

export const TenantParams = z.object({
  tenantId: idParam('tenantId', 'ten', 'The tenant (a region or a partner organisation).'),
});

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .email()
  .max(254)
  .openapi({ example: 'kerjasama@bandungkota.go.id' });
export const Password = z.string().min(1).max(500).openapi({
  description: 'At least 10 characters; common passwords are refused.',
  example: 'sangat-rahasia-2026',
});
/** Text fields are stored as text and returned as JSON strings: never rendered as markup by the API. */
export const Name = (max = 200) => z.string().trim().min(1).max(max);
export const Timestamp = z
  .date()
  .or(z.string())
  .transform((v) => (v instanceof Date ? v.toISOString() : v))
  .openapi({ type: 'string', format: 'date-time' });
export const NullableTimestamp = Timestamp.nullable().openapi({
  type: ['string', 'null'],
  format: 'date-time',
});

export const TokenBody = z
  .object({
    token: z
      .string()
      .min(10)
      .max(200)
      .openapi({ description: 'The code from the email (also in its link as `?token=`).' }),
  })
  .strict();

export const Role = z.enum(['admin', 'liaison', 'head', 'viewer', 'member']).openapi({
  description:
    'Region tenants: `admin` (TKKSD secretariat), `liaison` (PPKSD, bound to one agency), `head` (kepala daerah), `viewer`. Partner tenants: `admin`, `member`.',
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
/** A JSON response with its description. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
