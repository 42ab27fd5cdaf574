import { z } from '@hono/zod-openapi';
import { ID_PREFIXES, type IdKind } from '../platform/ids';
import { singleLineProblem, TEXT_PROBLEM_MESSAGES } from '../platform/text';
import { termCodes } from '../reference/vocabularies';

/** Every authenticated operation accepts a bearer token (session or API key) or the session cookie. */
export const authSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** An id in a body or query: an empty or malformed one is a 400 naming the field, never a query. */
export const idPattern = (kind: IdKind) =>
  z
    .string()
    .regex(
      new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-z]{26}$`),
      `must be an id starting with ${ID_PREFIXES[kind]}_`,
    );

/** A path parameter holding an id of one kind: its prefix and pattern come from `ID_PREFIXES`. */
export const idParam = (name: string, kind: IdKind, description: string) =>
  idPattern(kind).openapi({
    param: { name, in: 'path' },
    description,
    example: `${ID_PREFIXES[kind]}_01jd2x6v0m8kq3b7e5y4w9c1ta`,
  });

export const TenantParams = z.object({
  tenantId: idParam('tenantId', 'tenant', 'The tenant (a region or a partner organisation).'),
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
/**
 * A single-line text (names, titles, numbers): no control character at all, so
 * nothing can break an email header or a log line. Multi-line text takes only
 * `\n` and `\t` (enforced for every body string by the input guard).
 * Stored as text and returned as JSON strings: never rendered as markup by the API.
 */
export const Name = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => singleLineProblem(v) === null, {
      params: TEXT_PROBLEM_MESSAGES.control,
      message: TEXT_PROBLEM_MESSAGES.control.en,
    });

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

/**
 * A `201 Created` response: the body is the created resource and `Location`
 * its URL in this API (where it is read, or where its own operations live).
 */
export const createdResponse = <T extends z.ZodType>(
  description: string,
  schema: T,
  location = 'The created resource.',
) => ({
  description,
  headers: {
    Location: {
      description: location,
      schema: { type: 'string' as const, format: 'uri-reference' },
    },
  },
  content: { 'application/json': { schema } },
});

/**
 * A link people will click: `https:` (and `http:` outside production, checked by
 * the domain with `checkLink`); `javascript:`, `data:` and every other scheme are refused.
 */
export const WebLink = (max = 1000) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v) && URL.canParse(v), {
      params: {
        id: 'harus tautan yang diawali https://',
        en: 'must be a link starting with https://',
      },
      message: 'must be a link starting with https://',
    })
    .openapi({ format: 'uri', example: 'https://jdih.palukota.go.id/pks-1' });

// ---- fixed lists, as enums in the OpenAPI document ----
export const TenantType = z.enum(['region', 'partner']).openapi('TenantType');
export const TenantStatus = z
  .enum(['unclaimed', 'active', 'unverified', 'suspended'])
  .openapi('TenantStatus', {
    description:
      'Regions are `unclaimed` until their first admin joins; partners `unverified` until the platform verifies them.',
  });
export const RegionKind = z.enum(['provinsi', 'kabupaten', 'kota']).openapi('RegionKind');
export const RoundStatus = z.enum(['open', 'closed']).openapi('RoundStatus');
const vocabularyEnum = (name: 'partner-kinds' | 'cooperation-kinds') => {
  const codes = [...termCodes(name)];
  return z.enum(codes as [string, ...string[]]);
};
export const PartnerKind = vocabularyEnum('partner-kinds').openapi('PartnerKind', {
  description: 'See `/v1/vocabularies/partner-kinds`.',
});
export const CooperationKind = vocabularyEnum('cooperation-kinds').openapi('CooperationKind', {
  description: 'See `/v1/vocabularies/cooperation-kinds`.',
});

/** A calendar date in a response (`YYYY-MM-DD`). */
export const DateString = z.string().openapi({ format: 'date', example: '2027-06-30' });
