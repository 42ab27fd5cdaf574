import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  agreementParties,
  agreements,
  boards,
  forumRegistrations,
  forumSessions,
  interests,
  memberships,
  proposals,
  regions,
  tenants,
  threads,
  users,
  watches,
} from '../../db/schema';
import { type Access, authorize, type TenantRow } from '../identity/access';
import type { Ctx } from '../platform/context';
import { ApiError, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { rowsOf } from '../platform/rows';
import { VOCABULARIES } from '../reference/vocabularies';

/**
 * Who reads and who writes where. A reader is the public (anonymous, the
 * public routes) or a tenant a user acts for (the `/v1/tenants/{id}` routes).
 * Every listing, count and search goes through `visibleBoards`, so a private
 * board never shows where its parties are not.
 */
export type BoardRow = typeof boards.$inferSelect;
export type Reader =
  | { kind: 'public' }
  | {
      kind: 'tenant';
      tenant: TenantRow;
      access: Access;
      userId: string | null;
      /** the province whose board it reads: its own for a province, its province for a kabupaten/kota */
      provinceCode: string | null;
      platformAdmin: boolean;
    };
export type TenantReader = Extract<Reader, { kind: 'tenant' }>;

export const PRIVATE_KINDS = ['interest', 'proposal', 'agreement'] as const;
export type PrivateKind = (typeof PRIVATE_KINDS)[number];

export async function readerOf(
  ctx: Ctx,
  tenantId: string,
  permission: 'discussion.read' | 'discussion.post',
): Promise<TenantReader> {
  const access = await authorize(ctx, tenantId, permission);
  const actor = ctx.actor;
  const { tenant } = access;
  return {
    kind: 'tenant',
    tenant,
    access,
    userId: actor?.type === 'user' ? actor.user.id : null,
    provinceCode:
      tenant.type === 'region' && tenant.regionCode ? tenant.regionCode.split('.')[0]! : null,
    platformAdmin: access.via === 'platform_admin',
  };
}

/** The boards a reader may read, as a condition on `boards`. */
export function visibleBoards(reader: Reader): SQL {
  if (reader.kind === 'public')
    return sql`(${boards.kind} = 'issue' or (${boards.kind} = 'session' and ${boards.publicRead}))`;
  if (reader.platformAdmin) return sql`true`;
  return visibleToTenant(sql`${reader.tenant.id}`, sql`${reader.provinceCode ?? ''}`);
}

/** The boards a tenant may read, as a condition on `boards`: its id and province code as SQL (a value or a column). */
function visibleToTenant(t: SQL, provinceCode: SQL): SQL {
  return sql`(${boards.kind} = 'issue'
    or (${boards.kind} = 'province' and ${boards.subjectId} = ${provinceCode})
    or (${boards.kind} = 'session' and (${boards.publicRead}
      or ${boards.subjectId} in (select ${forumSessions.id} from ${forumSessions} where ${forumSessions.tenantId} = ${t})
      or ${boards.subjectId} in (select ${forumRegistrations.sessionId} from ${forumRegistrations}
        where ${forumRegistrations.tenantId} = ${t} and ${forumRegistrations.status} = 'approved')))
    or (${boards.kind} in ('interest', 'proposal', 'agreement') and ${t} = any(${boards.memberTenantIds})))`;
}

/**
 * Whether a user may read a board now, as SQL over a user id and a board id
 * (values or columns): a platform admin, or a member of a tenant that sees the
 * board (every role of a region or partner reads discussions). Notifications
 * are checked with it when they are made and when a digest carries them, so
 * whoever left a tenant or a session hears nothing more of it.
 */
export function userMayReadBoard(userId: SQL, boardId: SQL): SQL {
  // aliased: the caller's own query may be over users
  return sql`(exists (select 1 from users pa where pa.id = ${userId} and pa.is_platform_admin)
    or exists (select 1 from ${memberships}
      join ${tenants} on ${tenants.id} = ${memberships.tenantId}
      join ${boards} on ${boards.id} = ${boardId}
      where ${memberships.userId} = ${userId}
        and ${visibleToTenant(
          sql`${tenants.id}`,
          sql`coalesce(split_part(${tenants.regionCode}, '.', 1), '')`,
        )}))`;
}

/** Of these users, the ones who may read the board now. */
export async function readersAmong(db: Tx | Ctx['db'], boardId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), userMayReadBoard(sql`${users.id}`, sql`${boardId}`)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Following ends with access: the user's follows of boards and threads they
 * may no longer read are dropped (a member removed from a tenant; a watcher
 * found unable to read when a post would notify them).
 */
export async function dropUnreadableWatches(db: Tx | Ctx['db'], userIds: string[]) {
  if (userIds.length === 0) return;
  const boardOfWatch = sql`(case when ${watches.targetType} = 'board' then ${watches.targetId}
    else (select ${threads.boardId} from ${threads} where ${threads.id} = ${watches.targetId}) end)`;
  await db
    .delete(watches)
    .where(
      and(
        inArray(watches.userId, userIds),
        sql`not ${userMayReadBoard(sql`${watches.userId}`, boardOfWatch)}`,
      ),
    );
}

/** A board the reader may read, else 404 (never 403: a private board's existence is not told). */
export async function readableBoard(ctx: Ctx, reader: Reader, boardId: string) {
  const [board] = await ctx.db
    .select()
    .from(boards)
    .where(and(eq(boards.id, boardId), visibleBoards(reader)));
  if (!board) throw notFound({ key: 'discussion.board_not_found' });
  return board;
}

/** Whether the session's convener or an approved delegation is this tenant. */
async function takesPart(ctx: Ctx, sessionId: string, tenantId: string) {
  const [row] = await rowsOf<{ ok: boolean }>(
    ctx.db,
    sql`
    select exists (select 1 from ${forumSessions} where ${forumSessions.id} = ${sessionId} and ${forumSessions.tenantId} = ${tenantId})
      or exists (select 1 from ${forumRegistrations} where ${forumRegistrations.sessionId} = ${sessionId}
        and ${forumRegistrations.tenantId} = ${tenantId} and ${forumRegistrations.status} = 'approved') as ok`,
  );
  return !!row?.ok;
}

/**
 * Whether the reader may write on the board: a member acting for its tenant
 * (never the public, never a platform admin acting for a tenant it does not
 * belong to); on a national board only a verified tenant; on a session board
 * only the convener and approved delegations, even once it is public.
 */
export async function canPost(ctx: Ctx, reader: Reader, board: BoardRow): Promise<boolean> {
  if (reader.kind === 'public' || reader.access.via !== 'member' || !reader.userId) return false;
  if (reader.tenant.status !== 'active') return false;
  switch (board.kind) {
    case 'issue':
      return true;
    case 'province':
      return board.subjectId === reader.provinceCode;
    case 'session':
      return takesPart(ctx, board.subjectId, reader.tenant.id);
    default:
      return board.memberTenantIds.includes(reader.tenant.id);
  }
}

/** Moderators: the convener's admins (a session board), the province's admins (its board), platform admins everywhere. */
export function isModerator(reader: Reader, board: BoardRow): boolean {
  if (reader.kind === 'public') return false;
  if (reader.platformAdmin) return true;
  return (
    reader.access.via === 'member' &&
    (reader.access.role === 'admin' || reader.access.role === 'head') &&
    !!board.moderatorTenantId &&
    board.moderatorTenantId === reader.tenant.id
  );
}

export function requireModerator(reader: Reader, board: BoardRow) {
  if (!isModerator(reader, board))
    throw new ApiError('FORBIDDEN', { key: 'discussion.moderators_only' });
}

const issueLabels = () => VOCABULARIES.find((v) => v.name === 'strategic-issues')!.terms;

/** The standing boards: one per strategic issue (national) and one per province. Created once, idempotently. */
// per database, not per process: a process may serve more than one (tests open a fresh one per story)
const standingReady = new WeakSet<object>();
export async function ensureStandingBoards(ctx: Ctx) {
  if (standingReady.has(ctx.db)) return;
  const now = ctx.now();
  await ctx.db
    .insert(boards)
    .values(
      issueLabels().map((t) => ({
        id: newId('board', now.getTime()),
        kind: 'issue' as const,
        subjectId: t.code,
        titleId: t.id,
        titleEn: t.en,
        lastActivityAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
  const provinces = await ctx.db
    .select({ code: regions.code, name: regions.name, tenantId: tenants.id })
    .from(regions)
    .leftJoin(tenants, eq(tenants.regionCode, regions.code))
    .where(eq(regions.kind, 'provinsi'));
  if (provinces.length)
    await ctx.db
      .insert(boards)
      .values(
        provinces.map((p) => ({
          id: newId('board', now.getTime()),
          kind: 'province' as const,
          subjectId: p.code,
          titleId: `Forum ${p.name}`,
          titleEn: `${p.name} forum`,
          moderatorTenantId: p.tenantId,
          lastActivityAt: now,
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
  // before the reference data is loaded there are no provinces yet: try again next time
  if (provinces.length > 0) standingReady.add(ctx.db);
}

/** The parties of a private subject who may read its conversation, or null when the tenant is not one of them. */
export async function partiesOf(
  ctx: Ctx | { db: Tx },
  kind: PrivateKind,
  subjectId: string,
): Promise<{ tenants: string[]; moderator: string | null; title: string } | null> {
  const db = ctx.db;
  if (kind === 'interest') {
    const [i] = await db.select().from(interests).where(eq(interests.id, subjectId));
    if (!i || i.status === 'declined') return null;
    return { tenants: [i.ownerTenantId, i.fromTenantId], moderator: null, title: '' };
  }
  if (kind === 'proposal') {
    const [p] = await db.select().from(proposals).where(eq(proposals.id, subjectId));
    if (!p) return null;
    const all = [p.partyA, p.partyB, ...(p.facilitatorTenantId ? [p.facilitatorTenantId] : [])];
    return { tenants: all, moderator: p.facilitatorTenantId, title: p.note.slice(0, 120) };
  }
  const [a] = await db.select().from(agreements).where(eq(agreements.id, subjectId));
  if (!a) return null;
  const parties = await db
    .select({ tenantId: agreementParties.tenantId })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, a.id));
  // the province that facilitated it (the agreement came from its proposal) follows it too
  let facilitator: string | null = null;
  if (a.sourceType === 'proposal' && a.sourceId) {
    const [p] = await db
      .select({ f: proposals.facilitatorTenantId })
      .from(proposals)
      .where(eq(proposals.id, a.sourceId));
    facilitator = p?.f ?? null;
  }
  return {
    tenants: [
      ...new Set([...parties.map((p) => p.tenantId), ...(facilitator ? [facilitator] : [])]),
    ],
    moderator: facilitator,
    title: a.title,
  };
}

/** Whether a session exists and this tenant convenes it or takes part: then it may open its board. */
export async function sessionBoardFor(
  ctx: Ctx,
  sessionId: string,
  tenantId: string,
  platformAdmin = false,
) {
  const [s] = await ctx.db
    .select({ id: forumSessions.id, title: forumSessions.title, convener: forumSessions.tenantId })
    .from(forumSessions)
    .where(eq(forumSessions.id, sessionId));
  if (!s) return null;
  if (!platformAdmin && !(await takesPart(ctx, sessionId, tenantId))) return null;
  return s;
}
