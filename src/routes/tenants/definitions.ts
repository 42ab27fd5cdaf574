import { z } from '@hono/zod-openapi';
import { cursorParam, limitParam } from '../../platform/pagination';
import {
  Email,
  idParam,
  idPattern,
  Name,
  NullableTimestamp,
  Role,
  TenantParams,
  Timestamp,
} from '../common';
import { TenantSchema } from './schemas';

// ---- tenant ----
export const TenantDetail = TenantSchema.extend({
  memberCount: z.number().int(),
  access: z.object({
    via: z.enum(['member', 'facilitator', 'platform_admin', 'api_key']),
    role: z
      .enum([...Role.options, 'platform_admin'])
      .nullable()
      .openapi({
        description:
          'The caller’s role: a member’s, a facilitating province member’s, or `platform_admin`.',
      }),
  }),
}).openapi('TenantDetail');

// ---- members ----
export const MemberSchema = z
  .object({
    id: z.string(),
    role: Role,
    agencyId: z.string().nullable(),
    createdAt: Timestamp,
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  })
  .openapi('Member');

export const MemberParams = TenantParams.extend({
  membershipId: idParam('membershipId', 'membership', 'The membership.'),
});

export const UpdateMemberBody = z
  .object({
    role: Role,
    agencyId: z
      .string()
      .max(40)
      .nullable()
      .optional()
      .openapi({ description: 'Required for `liaison`: the agency (OPD) served.' }),
  })
  .strict()
  .openapi('UpdateMemberRequest');

// ---- invitations ----
export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    agencyId: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expiresAt: Timestamp,
    createdAt: Timestamp,
    acceptedAt: NullableTimestamp,
  })
  .openapi('Invitation');

export const CreateInvitationBody = z
  .object({
    email: Email,
    role: Role,
    agencyId: idPattern('agency').nullable().optional(),
    lang: z
      .enum(['id', 'en'])
      .optional()
      .openapi({ description: 'Language of the email; default from Accept-Language.' }),
  })
  .strict()
  .openapi('CreateInvitationRequest');

// ---- agencies ----
export const AgencySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    liaisons: z.array(
      z.object({
        membershipId: z.string(),
        userId: z.string(),
        name: z.string(),
        email: z.string(),
      }),
    ),
    liaisonCount: z.number().int(),
    needsLiaisons: z.boolean().openapi({
      description: 'True while the agency has fewer than the two liaisons (PPKSD) it must appoint.',
    }),
    createdAt: Timestamp,
  })
  .openapi('Agency');

export const AgencyParams = TenantParams.extend({
  agencyId: idParam('agencyId', 'agency', 'The agency (OPD).'),
});

export const CreateAgencyBody = z
  .object({
    name: Name(200).openapi({ example: 'Dinas Kebudayaan dan Pariwisata' }),
    shortName: z.string().trim().max(40).nullable().optional().openapi({ example: 'Disbudpar' }),
  })
  .strict()
  .openapi('CreateAgencyRequest');

export const UpdateAgencyBody = CreateAgencyBody.partial().strict().openapi('UpdateAgencyRequest');

// ---- API keys ----
/** Who made a standing credential, and whether they still belong to the tenant. */
export const CreatorSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    stillMember: z.boolean().openapi({
      description:
        'False once the person has left the tenant: an API key they made keeps working (integrations outlive people) until an admin revokes it; a calendar feed they made is revoked with their membership.',
    }),
  })
  .openapi('Creator');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: Timestamp,
    createdBy: z.string(),
    creator: CreatorSchema.nullable(),
    expiresAt: Timestamp,
    lastUsedAt: NullableTimestamp,
    revokedAt: NullableTimestamp,
    status: z.enum(['active', 'revoked', 'expired']),
  })
  .openapi('ApiKey');

export const NewApiKeySchema = ApiKeySchema.extend({
  token: z
    .string()
    .openapi({ description: 'Shown once. Send as `Authorization: Bearer <token>`.' }),
}).openapi('NewApiKey');

export const CreateApiKeyBody = z
  .object({
    name: Name(100).openapi({ example: 'Integrasi SIPD' }),
    scopes: z
      .array(z.enum(['read', 'write', 'webhooks']))
      .min(1)
      .max(3)
      .openapi({ description: '`webhooks`: manage the tenant’s webhook endpoints.' }),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .optional()
      .openapi({ default: 90, description: 'Days until the key expires (1–365).' }),
  })
  .strict()
  .openapi('CreateApiKeyRequest');

// ---- audit log ----
export const AuditEntrySchema = z
  .object({
    id: z.string(),
    tenantId: z.string().nullable(),
    actorUserId: z.string().nullable(),
    actorApiKeyId: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    diff: z.record(
      z.string(),
      z.object({ from: z.unknown().optional(), to: z.unknown().optional() }),
    ),
    requestId: z.string(),
    createdAt: Timestamp,
  })
  .openapi('AuditEntry');

export const AuditQuery = z.object({
  action: z
    .string()
    .max(80)
    .optional()
    .openapi({
      param: { name: 'action', in: 'query' },
      description: 'Only this action, e.g. `membership.updated`.',
      example: 'membership.updated',
    }),
  actorUserId: z
    .string()
    .max(40)
    .optional()
    .openapi({
      param: { name: 'actorUserId', in: 'query' },
      description: 'Only writes by this user.',
    }),
  targetType: z
    .string()
    .max(40)
    .optional()
    .openapi({
      param: { name: 'targetType', in: 'query' },
      description: 'Only writes to this kind of object, e.g. `potential`.',
    }),
  targetId: z
    .string()
    .max(40)
    .optional()
    .openapi({
      param: { name: 'targetId', in: 'query' },
      description: 'Only writes to this object.',
    }),
  from: z.coerce
    .date()
    .optional()
    .openapi({ param: { name: 'from', in: 'query' }, description: 'ISO date-time, inclusive.' }),
  to: z.coerce
    .date()
    .optional()
    .openapi({ param: { name: 'to', in: 'query' }, description: 'ISO date-time, inclusive.' }),
  limit: limitParam(50),
  cursor: cursorParam,
});
