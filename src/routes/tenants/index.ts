import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { createAgency, deleteAgency, listAgencies, updateAgency } from '../../identity/agencies';
import { createApiKey, listApiKeys, revokeApiKey } from '../../identity/api-keys';
import { listAuditLog } from '../../identity/audit-log';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
} from '../../identity/invitations';
import { listMembers, removeMember, updateMember } from '../../identity/members';
import { getTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam } from '../../platform/pagination';
import {
  authSecurity,
  Email,
  idParam,
  jsonBody,
  jsonResponse,
  Name,
  NullableTimestamp,
  Role,
  TenantParams,
  Timestamp,
  TokenBody,
} from '../common';
import { idPattern } from '../common';
import { TenantSchema } from './schemas';

/**
 * Everything under /v1/tenants/{tenantId}: readable and writable only by the
 * tenant's members (by role), its province's facilitators where the permission
 * table allows, platform admins, and its own API keys. Outsiders get 404.
 */
const tenantErrors = problemResponses(400, 401, 403, 404);
const writeErrors = problemResponses(400, 401, 403, 404, 409);

// ---- tenant ----
const TenantDetail = TenantSchema.extend({
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

const getTenantRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}',
  description:
    'A tenant (a region or a partner organisation) as its members and its facilitating province see it.',
  operationId: 'getTenant',
  tags: ['Tenants'],
  summary: 'A tenant, as its members see it',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('The tenant and how you reach it.', TenantDetail),
    ...tenantErrors,
  },
});

// ---- members ----
const MemberSchema = z
  .object({
    id: z.string(),
    role: Role,
    agencyId: z.string().nullable(),
    createdAt: Timestamp,
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  })
  .openapi('Member');
const MemberParams = TenantParams.extend({
  membershipId: idParam('membershipId', 'mem', 'The membership.'),
});
const UpdateMemberBody = z
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

const listMembersRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/members',
  description:
    'Who belongs to the tenant and with which role (admins and heads; province admins for their kabupaten/kota).',
  operationId: 'listMembers',
  tags: ['Members'],
  summary: 'List members',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Members with their roles.', z.object({ data: z.array(MemberSchema) })),
    ...tenantErrors,
  },
});
const updateMemberRoute = createRoute({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/members/{membershipId}',
  operationId: 'updateMember',
  tags: ['Members'],
  summary: 'Change a member’s role',
  description: 'A tenant always keeps at least one admin (409 otherwise).',
  security: authSecurity,
  request: { params: MemberParams, body: jsonBody(UpdateMemberBody) },
  responses: {
    200: jsonResponse(
      'The updated membership.',
      z.object({
        id: z.string(),
        role: Role,
        agencyId: z.string().nullable(),
        userId: z.string(),
      }),
    ),
    ...writeErrors,
  },
});
const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/members/{membershipId}',
  operationId: 'removeMember',
  tags: ['Members'],
  summary: 'Remove a member',
  description: 'The last admin cannot be removed (409).',
  security: authSecurity,
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed.' }, ...writeErrors },
});

// ---- invitations ----
const InvitationSchema = z
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
const CreateInvitationBody = z
  .object({
    email: Email,
    role: Role,
    agencyId: idPattern('opd').nullable().optional(),
    lang: z
      .enum(['id', 'en'])
      .optional()
      .openapi({ description: 'Language of the email; default from Accept-Language.' }),
  })
  .strict()
  .openapi('CreateInvitationRequest');

const createInvitationRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/invitations',
  operationId: 'createInvitation',
  tags: ['Invitations'],
  summary: 'Invite someone by email',
  description:
    'Sends a single-use link valid for 7 days. A platform admin, or the province for its kabupaten/kota, invites a region’s first admin.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(CreateInvitationBody) },
  responses: {
    201: jsonResponse('The invitation (the token only travels by email).', InvitationSchema),
    ...writeErrors,
  },
});
const listInvitationsRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/invitations',
  description:
    'The tenant’s invitations with their state (pending, accepted, revoked, expired). A province sees them only while its kabupaten/kota is unclaimed.',
  operationId: 'listInvitations',
  tags: ['Invitations'],
  summary: 'List invitations',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Invitations, newest first.', z.object({ data: z.array(InvitationSchema) })),
    ...tenantErrors,
  },
});
const revokeInvitationRoute = createRoute({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/invitations/{invitationId}',
  description:
    'Revokes a pending invitation; its link stops working. Accepted, revoked or expired ones answer 410.',
  operationId: 'revokeInvitation',
  tags: ['Invitations'],
  summary: 'Revoke a pending invitation',
  security: authSecurity,
  request: {
    params: TenantParams.extend({
      invitationId: idParam('invitationId', 'inv', 'The invitation.'),
    }),
  },
  responses: { 204: { description: 'Revoked.' }, ...problemResponses(400, 401, 403, 404, 410) },
});
const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  operationId: 'acceptInvitation',
  tags: ['Invitations'],
  summary: 'Accept an invitation',
  description:
    'Signed in with the invited email. 410 when it was already used, revoked or has expired.',
  security: authSecurity,
  request: { body: jsonBody(TokenBody) },
  responses: {
    200: jsonResponse(
      'Your new membership.',
      z.object({
        membershipId: z.string(),
        tenantId: z.string(),
        role: Role,
        agencyId: z.string().nullable(),
      }),
    ),
    ...problemResponses(400, 401, 403, 409, 410, 429),
  },
});

// ---- agencies ----
const AgencySchema = z
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
const AgencyParams = TenantParams.extend({
  agencyId: idParam('agencyId', 'opd', 'The agency (OPD).'),
});
const CreateAgencyBody = z
  .object({
    name: Name(200).openapi({ example: 'Dinas Kebudayaan dan Pariwisata' }),
    shortName: z.string().trim().max(40).nullable().optional().openapi({ example: 'Disbudpar' }),
  })
  .strict()
  .openapi('CreateAgencyRequest');
const UpdateAgencyBody = CreateAgencyBody.partial().strict().openapi('UpdateAgencyRequest');

const listAgenciesRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agencies',
  description:
    'The region’s agencies (OPD) with their liaison officers (PPKSD), flagged when an agency has fewer than the two it needs.',
  operationId: 'listAgencies',
  tags: ['Agencies'],
  summary: 'List a region’s agencies (OPD) and their liaisons',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse(
      'Agencies, flagged when short of liaisons.',
      z.object({
        data: z.array(AgencySchema),
        requiredLiaisons: z.number().int(),
        agenciesNeedingLiaisons: z.number().int(),
      }),
    ),
    ...tenantErrors,
  },
});
const createAgencyRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agencies',
  description: 'Adds an agency (OPD) of the region. Names are unique within the region.',
  operationId: 'createAgency',
  tags: ['Agencies'],
  summary: 'Add an agency (OPD)',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(CreateAgencyBody) },
  responses: { 201: jsonResponse('The agency.', AgencySchema), ...writeErrors },
});
const updateAgencyRoute = createRoute({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/agencies/{agencyId}',
  description: 'Renames an agency or changes its short name.',
  operationId: 'updateAgency',
  tags: ['Agencies'],
  summary: 'Rename an agency',
  security: authSecurity,
  request: { params: AgencyParams, body: jsonBody(UpdateAgencyBody) },
  responses: {
    200: jsonResponse(
      'The agency.',
      z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }),
    ),
    ...writeErrors,
  },
});
const deleteAgencyRoute = createRoute({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/agencies/{agencyId}',
  description:
    'Removes an agency no one refers to: one with liaisons, a pending invitation or potentials answers 409 naming what still refers to it.',
  operationId: 'deleteAgency',
  tags: ['Agencies'],
  summary: 'Remove an agency without liaisons',
  security: authSecurity,
  request: { params: AgencyParams },
  responses: { 204: { description: 'Removed.' }, ...writeErrors },
});

// ---- API keys ----
const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: Timestamp,
    createdBy: z.string(),
    expiresAt: Timestamp,
    lastUsedAt: NullableTimestamp,
    revokedAt: NullableTimestamp,
    status: z.enum(['active', 'revoked', 'expired']),
  })
  .openapi('ApiKey');
const NewApiKeySchema = ApiKeySchema.extend({
  token: z
    .string()
    .openapi({ description: 'Shown once. Send as `Authorization: Bearer <token>`.' }),
}).openapi('NewApiKey');
const CreateApiKeyBody = z
  .object({
    name: Name(100).openapi({ example: 'Integrasi SIPD' }),
    scopes: z
      .array(z.enum(['read', 'write']))
      .min(1)
      .max(2),
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

const listApiKeysRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/api-keys',
  description:
    'The tenant’s API keys with scopes, expiry and last use. The secret is shown only once, at creation.',
  operationId: 'listApiKeys',
  tags: ['API keys'],
  summary: 'List the tenant’s API keys',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Keys (never their secrets).', z.object({ data: z.array(ApiKeySchema) })),
    ...tenantErrors,
  },
});
const createApiKeyRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/api-keys',
  description:
    'Creates an API key for a machine client (scopes `read`/`write`, 1–365 days). The token is in this response only.',
  operationId: 'createApiKey',
  tags: ['API keys'],
  summary: 'Create an API key',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(CreateApiKeyBody) },
  responses: {
    201: jsonResponse('The key with its token, shown this once.', NewApiKeySchema),
    ...writeErrors,
  },
});
const revokeApiKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/api-keys/{keyId}',
  operationId: 'revokeApiKey',
  tags: ['API keys'],
  summary: 'Revoke an API key',
  description: 'It stops working on the next request.',
  security: authSecurity,
  request: { params: TenantParams.extend({ keyId: idParam('keyId', 'key', 'The API key.') }) },
  responses: { 204: { description: 'Revoked.' }, ...writeErrors },
});

// ---- audit log ----
const AuditEntrySchema = z
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
const AuditQuery = z.object({
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
const listAuditRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/audit-log',
  operationId: 'listAuditLog',
  tags: ['Audit'],
  summary: 'The tenant’s audit log',
  description: 'Every write: actor, action, target, what changed and the request id. Newest first.',
  security: authSecurity,
  request: { params: TenantParams, query: AuditQuery },
  responses: {
    200: jsonResponse(
      'A page of entries.',
      z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
    ),
    ...tenantErrors,
  },
});

export function registerTenants(app: OpenAPIHono<AppEnv>) {
  app.openapi(getTenantRoute, async (c) =>
    c.json(
      TenantDetail.parse(await getTenant({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );

  app.openapi(listMembersRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(MemberSchema) })
        .parse(await listMembers({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(updateMemberRoute, async (c) =>
    c.json(
      await updateMember({
        ctx: c.get('ctx'),
        input: { ...c.req.valid('param'), ...c.req.valid('json') },
      }),
      200,
    ),
  );
  app.openapi(removeMemberRoute, async (c) => {
    await removeMember({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });

  app.openapi(createInvitationRoute, async (c) =>
    c.json(
      InvitationSchema.parse(
        await createInvitation({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(listInvitationsRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(InvitationSchema) })
        .parse(await listInvitations({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(revokeInvitationRoute, async (c) => {
    await revokeInvitation({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
  app.openapi(acceptInvitationRoute, async (c) =>
    c.json(await acceptInvitation({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  );

  app.openapi(listAgenciesRoute, async (c) =>
    c.json(await listAgencies({ ctx: c.get('ctx'), input: c.req.valid('param') }), 200),
  );
  app.openapi(createAgencyRoute, async (c) =>
    c.json(
      AgencySchema.parse(
        await createAgency({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(updateAgencyRoute, async (c) =>
    c.json(
      await updateAgency({
        ctx: c.get('ctx'),
        input: { ...c.req.valid('param'), ...c.req.valid('json') },
      }),
      200,
    ),
  );
  app.openapi(deleteAgencyRoute, async (c) => {
    await deleteAgency({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });

  app.openapi(listApiKeysRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(ApiKeySchema) })
        .parse(await listApiKeys({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
  app.openapi(createApiKeyRoute, async (c) =>
    c.json(
      NewApiKeySchema.parse(
        await createApiKey({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
  app.openapi(revokeApiKeyRoute, async (c) => {
    await revokeApiKey({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });

  app.openapi(listAuditRoute, async (c) => {
    const out = await listAuditLog({
      ctx: c.get('ctx'),
      input: { ...c.req.valid('param'), ...c.req.valid('query') },
    });
    return c.json(
      z.object({ data: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).parse(out),
      200,
    );
  });
}
