import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { memberships, tenants } from '../../db/schema';
import type { ApiKeyActor, Ctx, UserActor } from '../platform/context';
import { ApiError, notFound } from '../platform/errors';
import { prepared } from '../platform/prepared';

/**
 * Who may do what in a tenant. One table: each permission lists the member
 * roles that hold it in a region tenant and in a partner tenant, whether a
 * province's members hold it over their kabupaten/kota (facilitation), and the
 * API-key scope that grants it (null: keys never do).
 *
 * The answer to someone outside the tenant is 404, never 403, so a tenant's
 * existence and contents do not leak; 403 is for members whose role is too small.
 */
export type RegionRole = 'admin' | 'liaison' | 'head' | 'viewer';
export type PartnerRole = 'admin' | 'member';
export type Role = RegionRole | PartnerRole;

type Rule = {
  region: RegionRole[];
  partner: PartnerRole[];
  /** province members acting on a kabupaten/kota of theirs: roles in the province tenant */
  facilitator: RegionRole[];
  apiKeyScope: 'read' | 'write' | 'webhooks' | null;
};

const ALL_REGION: RegionRole[] = ['admin', 'liaison', 'head', 'viewer'];

export const PERMISSIONS = {
  'tenant.read': {
    region: ALL_REGION,
    partner: ['admin', 'member'],
    facilitator: ALL_REGION,
    apiKeyScope: 'read',
  },
  'members.read': {
    region: ['admin', 'head'],
    partner: ['admin'],
    facilitator: ['admin'],
    apiKeyScope: null,
  },
  'members.manage': { region: ['admin'], partner: ['admin'], facilitator: [], apiKeyScope: null },
  'webhooks.manage': {
    region: ['admin'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: 'webhooks',
  },
  'invitations.manage': {
    region: ['admin'],
    partner: ['admin'],
    facilitator: ['admin'],
    apiKeyScope: null,
  },
  'agencies.read': {
    region: ALL_REGION,
    partner: [],
    facilitator: ALL_REGION,
    apiKeyScope: 'read',
  },
  'agencies.manage': { region: ['admin'], partner: [], facilitator: [], apiKeyScope: 'write' },
  'api_keys.manage': { region: ['admin'], partner: ['admin'], facilitator: [], apiKeyScope: null },
  'audit.read': { region: ['admin'], partner: ['admin'], facilitator: [], apiKeyScope: null },
  'potentials.read': {
    region: ALL_REGION,
    partner: [],
    facilitator: ALL_REGION,
    apiKeyScope: 'read',
  },
  'potentials.write': {
    region: ['admin', 'liaison', 'head'],
    partner: [],
    facilitator: [],
    apiKeyScope: 'write',
  },
  /** drafting a new potential: the TKKSD and the agencies' liaisons, not the head */
  'potentials.draft': {
    region: ['admin', 'liaison'],
    partner: [],
    facilitator: [],
    apiKeyScope: 'write',
  },
  /** lifecycle decisions (Berita Acara, SK, publication): people only, never an API key */
  'potentials.decide': {
    region: ['admin', 'liaison', 'head'],
    partner: [],
    facilitator: [],
    apiKeyScope: null,
  },
  'rounds.read': { region: ALL_REGION, partner: [], facilitator: ALL_REGION, apiKeyScope: 'read' },
  'rounds.manage': { region: ['admin'], partner: [], facilitator: [], apiKeyScope: null },
  'profile.manage': { region: ['admin'], partner: ['admin'], facilitator: [], apiKeyScope: null },
  'interests.read': {
    region: ['admin', 'head', 'liaison'],
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: 'read',
  },
  'interests.express': {
    region: ['admin', 'head', 'liaison'],
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: null,
  },
  /** answering an interest: the head's decision, or the TKKSD secretariat recording it */
  'interests.decide': {
    region: ['admin', 'head'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: null,
  },
  'proposals.create': { region: ['admin'], partner: [], facilitator: [], apiKeyScope: null },
  'proposals.read': {
    region: ['admin', 'head'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: 'read',
  },
  'proposals.answer': {
    region: ['admin', 'head'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: null,
  },
  'agreements.read': {
    region: ALL_REGION,
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: 'read',
  },
  'agreements.consent': {
    region: ['admin', 'head'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: null,
  },
  'agreements.sign': {
    region: ['admin', 'head'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: null,
  },
  'agreements.write': {
    region: ['admin', 'head', 'liaison'],
    partner: ['admin'],
    facilitator: [],
    apiKeyScope: null,
  },
  /** convening forums: the TKKSD secretariat (admin) and liaisons */
  'forums.manage': {
    region: ['admin', 'liaison'],
    partner: [],
    facilitator: [],
    apiKeyScope: null,
  },
  'forums.read': {
    region: ALL_REGION,
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: 'read',
  },
  /** registering a delegation to someone else's forum, and following up on it */
  'forums.register': {
    region: ['admin', 'liaison', 'head'],
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: null,
  },
  'reports.read': { region: ALL_REGION, partner: [], facilitator: [], apiKeyScope: 'read' },
  /** reading boards and threads as this tenant; writing in them (and moderating, where its admins moderate) */
  'discussion.read': {
    region: ALL_REGION,
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: 'read',
  },
  'discussion.post': {
    region: ['admin', 'liaison', 'head'],
    partner: ['admin', 'member'],
    facilitator: [],
    apiKeyScope: null,
  },
  /** submitting the annual report, and a province reviewing its kabupaten/kota's */
  'reports.submit': { region: ['admin', 'head'], partner: [], facilitator: [], apiKeyScope: null },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Each role as officials name the office that holds it. */
const OFFICES: Record<
  'region' | 'partner' | 'province',
  Record<string, { id: string; en: string }>
> = {
  region: {
    admin: { id: 'Sekretariat TKKSD', en: 'the TKKSD secretariat' },
    head: { id: 'kepala daerah', en: 'the head of region' },
    liaison: { id: 'pejabat penghubung perangkat daerah', en: 'an agency’s liaison officer' },
    viewer: { id: 'pemantau', en: 'an observer' },
  },
  partner: {
    admin: { id: 'pengelola organisasi', en: 'the organisation’s administrator' },
    member: { id: 'anggota organisasi', en: 'a member of the organisation' },
  },
  province: {
    admin: { id: 'Sekretariat TKKSD provinsi', en: 'the province’s TKKSD secretariat' },
    head: { id: 'gubernur', en: 'the governor' },
    liaison: { id: 'pejabat penghubung provinsi', en: 'a province liaison officer' },
    viewer: { id: 'pemantau provinsi', en: 'a province observer' },
  },
};

const joined = (words: string[], and: string) =>
  words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`;

/** Who may do an act, named by office in both languages (no role codes): the 403's words. */
export function whoMay(roles: readonly Role[], where: 'region' | 'partner' | 'province') {
  const names = roles.flatMap((r) => OFFICES[where][r] ?? []);
  return {
    whoId: names.length
      ? joined(
          names.map((n) => n.id),
          'atau',
        )
      : 'admin platform',
    whoEn: names.length
      ? joined(
          names.map((n) => n.en),
          'or',
        )
      : 'a platform admin',
  };
}

export type TenantRow = typeof tenants.$inferSelect;
export type Access = {
  tenant: TenantRow;
  /** how the caller holds the permission */
  via: 'member' | 'facilitator' | 'platform_admin' | 'api_key';
  role: Role | 'platform_admin' | null;
  /** the agency a liaison serves (member access only) */
  agencyId: string | null;
};

export function requireActor(ctx: Ctx): UserActor | ApiKeyActor {
  if (!ctx.actor) throw new ApiError('UNAUTHORIZED', { key: ctx.authError ?? 'auth.required' });
  return ctx.actor;
}

export function requireUser(ctx: Ctx): UserActor {
  const actor = requireActor(ctx);
  if (actor.type !== 'user') throw new ApiError('FORBIDDEN', { key: 'auth.api_keys_cannot' });
  return actor;
}

export function requirePlatformAdmin(ctx: Ctx): UserActor {
  const actor = requireUser(ctx);
  if (!actor.user.isPlatformAdmin)
    throw new ApiError('FORBIDDEN', { key: 'access.platform_admin_only' });
  return actor;
}

export async function getTenantOr404(ctx: Ctx, tenantId: string): Promise<TenantRow> {
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw notFound({ key: 'tenant.not_found' });
  return tenant;
}

export async function membershipOf(ctx: Ctx, tenantId: string, userId: string) {
  const [m] = await ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return m ?? null;
}

/** 401 for nobody, 404 for outsiders, 403 for members whose role is too small. */
export async function authorize(
  ctx: Ctx,
  tenantId: string,
  permission: Permission,
): Promise<Access> {
  const actor = requireActor(ctx);
  const rule: Rule = PERMISSIONS[permission];

  if (actor.type === 'api_key') {
    if (actor.tenantId !== tenantId) throw notFound({ key: 'tenant.not_found' });
    const tenant = await getTenantOr404(ctx, tenantId);
    if (!rule.apiKeyScope) throw new ApiError('FORBIDDEN', { key: 'auth.api_keys_cannot' });
    if (!actor.scopes.includes(rule.apiKeyScope))
      throw new ApiError('FORBIDDEN', { key: 'access.scope', params: { scope: rule.apiKeyScope } });
    return { tenant, via: 'api_key', role: null, agencyId: null };
  }

  if (actor.user.isPlatformAdmin) {
    const tenant = await getTenantOr404(ctx, tenantId);
    return { tenant, via: 'platform_admin', role: 'platform_admin', agencyId: null };
  }
  const { tenant, membership, facilitatorRole } = await accessOf(ctx, tenantId, actor.user.id);

  if (membership) {
    const allowed: Role[] = tenant.type === 'region' ? rule.region : rule.partner;
    if (!allowed.includes(membership.role)) {
      throw new ApiError('FORBIDDEN', {
        key: 'access.forbidden',
        params: whoMay(allowed, tenant.type === 'region' ? 'region' : 'partner'),
      });
    }
    return { tenant, via: 'member', role: membership.role, agencyId: membership.agencyId };
  }

  if (facilitatorRole) {
    if (!(rule.facilitator as Role[]).includes(facilitatorRole)) {
      throw new ApiError('FORBIDDEN', {
        key: 'access.forbidden',
        params: whoMay(rule.facilitator, 'province'),
      });
    }
    return { tenant, via: 'facilitator', role: facilitatorRole, agencyId: null };
  }
  throw notFound({ key: 'tenant.not_found' });
}

/**
 * The tenant, the user's membership in it and the user's role in the
 * tenant's province (for a kabupaten/kota: the province that facilitates it),
 * in one statement: every request a member or facilitator makes reads them
 * before anything else. A kabupaten/kota's code is its province's code and
 * more ("61.71" in "61").
 */
async function accessOf(ctx: Ctx, tenantId: string, userId: string) {
  const [row] = await prepared(ctx.db, 'access_of', (db, name) => {
    const province = alias(tenants, 'province');
    const facilitator = alias(memberships, 'facilitator');
    const user = sql.placeholder('userId');
    return db
      .select({
        tenant: tenants,
        role: memberships.role,
        agencyId: memberships.agencyId,
        facilitatorRole: facilitator.role,
      })
      .from(tenants)
      .leftJoin(
        memberships,
        and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, user)),
      )
      .leftJoin(
        province,
        and(
          eq(tenants.type, 'region'),
          sql`strpos(${tenants.regionCode}, '.') > 0`,
          eq(province.regionCode, sql`left(${tenants.regionCode}, 2)`),
        ),
      )
      .leftJoin(
        facilitator,
        and(eq(facilitator.tenantId, province.id), eq(facilitator.userId, user)),
      )
      .where(eq(tenants.id, sql.placeholder('tenantId')))
      .prepare(name);
  }).execute({ tenantId, userId });
  if (!row) throw notFound({ key: 'tenant.not_found' });
  return {
    tenant: row.tenant,
    membership: row.role ? { role: row.role, agencyId: row.agencyId } : null,
    facilitatorRole: row.facilitatorRole,
  };
}

/**
 * Acting toward others (interests, agreements) needs a tenant in good standing:
 * a verified, active partner or an active region.
 */
export function requireActiveTenant(tenant: TenantRow): void {
  if (tenant.status !== 'active') throw new ApiError('FORBIDDEN', { key: 'tenant.not_verified' });
}

/** The province code of a province tenant (the one that facilitates its kabupaten/kota), else null. */
export function provinceOf(tenant: Pick<TenantRow, 'type' | 'regionCode'>): string | null {
  return tenant.type === 'region' && tenant.regionCode && !tenant.regionCode.includes('.')
    ? tenant.regionCode
    : null;
}
