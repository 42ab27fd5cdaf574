import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  forumDelegates,
  forumRegistrations,
  forumSessions,
  forums,
  memberships,
  potentials,
  tenants,
  users,
} from '../../db/schema';
import { authorize, requireActiveTenant, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import {
  convenerSession,
  forumRule,
  inScope,
  inWords,
  ownRegistration,
  placesHeld,
  type RegistrationRow,
} from './access';
import { cancelMeetingsOf } from './meetings';
import { notifyConvener, notifyRegistration } from './notices';
import { checkThemes } from './session-fields';
import { registrationOpen, VISIBLE } from './session-views';
import { promoteWaitlist } from './sessions';
import { localOf, ZONES, type Zone } from './time';

export type DelegateInput = { userId?: string; name?: string; title: string; head?: boolean };

/** Places are held by approved and pending delegations; the rest wait. */
const HOLDS_PLACE: RegistrationRow['status'][] = ['approved', 'pending'];

async function delegatesOf(db: Ctx['db'] | Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(forumDelegates)
    .where(inArray(forumDelegates.registrationId, ids))
    .orderBy(asc(forumDelegates.registrationId), asc(forumDelegates.position));
}

function registrationView(
  r: RegistrationRow,
  tenantName: string,
  delegates: (typeof forumDelegates.$inferSelect)[],
  waitlistPosition: number | null,
) {
  return {
    id: r.id,
    sessionId: r.sessionId,
    tenantId: r.tenantId,
    tenantName,
    status: r.status,
    waitlistPosition,
    delegates: delegates
      .filter((d) => d.registrationId === r.id)
      .map((d) => ({ userId: d.userId, name: d.name, title: d.title, head: d.head })),
    potentialIds: r.potentialIds,
    seeks: { issues: r.seeksIssues, affairs: r.seeksAffairs },
    note: r.note,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt,
    attended: r.attended,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
export type RegistrationView = ReturnType<typeof registrationView>;

async function present(db: Ctx['db'] | Tx, rows: RegistrationRow[]): Promise<RegistrationView[]> {
  if (rows.length === 0) return [];
  const [delegates, names, queue] = await Promise.all([
    delegatesOf(
      db,
      rows.map((r) => r.id),
    ),
    db
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(
        inArray(
          tenants.id,
          rows.map((r) => r.tenantId),
        ),
      ),
    db
      .select({ id: forumRegistrations.id, sessionId: forumRegistrations.sessionId })
      .from(forumRegistrations)
      .where(
        and(
          inArray(
            forumRegistrations.sessionId,
            rows.map((r) => r.sessionId),
          ),
          eq(forumRegistrations.status, 'waitlisted'),
        ),
      )
      .orderBy(asc(forumRegistrations.createdAt), asc(forumRegistrations.id)),
  ]);
  return rows.map((r) => {
    const position =
      r.status === 'waitlisted'
        ? queue.filter((q) => q.sessionId === r.sessionId).findIndex((q) => q.id === r.id) + 1
        : null;
    return registrationView(
      r,
      names.find((n) => n.id === r.tenantId)?.name ?? '',
      delegates,
      position,
    );
  });
}

/**
 * Checks a delegation: users must be members of the tenant, guests need a
 * name, one head at most, potentials its own and published, known codes.
 * Returns what the write needs; every problem names its field.
 */
async function checkDelegation(
  ctx: Ctx,
  tenant: { id: string },
  input: Pick<RegisterInput, 'delegates' | 'potentialIds' | 'seeks'>,
) {
  const errors: RaisedFieldError[] = [];
  const userIds = input.delegates.flatMap((d) => (d.userId ? [d.userId] : []));
  const members = userIds.length
    ? await ctx.db
        .select({ id: users.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.tenantId, tenant.id), inArray(memberships.userId, userIds)))
    : [];
  const seen = new Set<string>();
  input.delegates.forEach((d, i) => {
    if (d.userId && !members.some((m) => m.id === d.userId))
      errors.push({
        location: `body.delegates.${i}.userId`,
        message: fieldMessage('forums.must_user_who_is_member_registering'),
      });
    if (!d.userId && !d.name?.trim())
      errors.push({
        location: `body.delegates.${i}.name`,
        message: fieldMessage('forums.needed_for_guest_who_is_not'),
      });
    if (d.userId && seen.has(d.userId))
      errors.push({
        location: `body.delegates.${i}.userId`,
        message: fieldMessage('forums.same_person_is_listed_twice'),
      });
    if (d.userId) seen.add(d.userId);
  });
  const heads = input.delegates.filter((d) => d.head).length;
  if (heads > 1)
    errors.push({
      location: 'body.delegates',
      message: fieldMessage('forums.only_one_head_delegation'),
    });
  const potentialIds = [...new Set(input.potentialIds ?? [])];
  if (potentialIds.length) {
    const own = await ctx.db
      .select({ id: potentials.id })
      .from(potentials)
      .where(
        and(
          inArray(potentials.id, potentialIds),
          eq(potentials.tenantId, tenant.id),
          eq(potentials.status, 'published'),
        ),
      );
    potentialIds.forEach((p, i) => {
      if (!own.some((o) => o.id === p))
        errors.push({
          location: `body.potentialIds.${i}`,
          message: fieldMessage('forums.must_published_cooperation_potential_yours'),
        });
    });
  }
  const seeks = { issues: input.seeks?.issues ?? [], affairs: input.seeks?.affairs ?? [] };
  const themeErrors: RaisedFieldError[] = [];
  checkThemes(seeks, themeErrors);
  errors.push(
    ...themeErrors.map((e) => ({ ...e, location: e.location.replace('body.', 'body.seeks.') })),
  );

  if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
  return { members, heads, potentialIds, seeks };
}

/** The delegation's people as rows: users by their account name, guests as given. */
function delegateRows(
  registrationId: string,
  delegates: DelegateInput[],
  checked: Awaited<ReturnType<typeof checkDelegation>>,
) {
  const names = new Map(checked.members.map((m) => [m.id, m.name]));
  return delegates.map((d, i) => ({
    registrationId,
    position: i,
    userId: d.userId ?? null,
    name: d.userId ? names.get(d.userId)! : d.name!.trim(),
    title: d.title,
    head: checked.heads === 0 ? i === 0 : !!d.head,
  }));
}

export type RegisterInput = {
  tenantId: string;
  sessionId: string;
  delegates: DelegateInput[];
  potentialIds?: string[];
  seeks?: { issues?: string[]; affairs?: string[] };
  note?: string;
};

/**
 * A region or a verified partner registers its delegation as a tenant. The
 * session must be published and within its registration window; the tenant
 * within the forum's scope (or invited). Over capacity it joins the waitlist.
 */
export async function registerDelegation({ ctx, input }: { ctx: Ctx; input: RegisterInput }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.register');
  const actor = requireUser(ctx);
  requireActiveTenant(tenant);
  const [found] = await ctx.db
    .select({ session: forumSessions, forum: forums })
    .from(forumSessions)
    .innerJoin(forums, eq(forums.id, forumSessions.forumId))
    .where(eq(forumSessions.id, input.sessionId));
  if (!found || !VISIBLE.includes(found.session.status))
    throw notFound({ key: 'forum.session_not_found' });
  const { session, forum } = found;
  if (session.tenantId === tenant.id) throw forumRule('own_session');
  if (!(await inScope(ctx.db, forum, session, tenant))) {
    const [convener] = await ctx.db
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, forum.tenantId));
    const who =
      forum.scope === 'province'
        ? {
            id: `kabupaten/kota di wilayah ${convener?.name ?? ''} dan pihak yang diundang`,
            en: `the kabupaten/kota of ${convener?.name ?? ''} and invited parties`,
          }
        : { id: 'pihak yang diundang', en: 'invited parties' };
    throw forumRule('scope', who, 'FORBIDDEN');
  }
  if (!registrationOpen(session, ctx.now())) {
    const zone = session.timeZone as Zone;
    const window = `${localOf(session.registrationOpensAt, zone)} – ${localOf(session.registrationClosesAt, zone)} ${ZONES[zone]}`;
    throw forumRule('window', {
      id: `(${window}; status: ${inWords(session.status).id})`,
      en: `(${window}; status: ${inWords(session.status).en})`,
    });
  }

  const checked = await checkDelegation(ctx, tenant, input);
  const { potentialIds, seeks } = checked;
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    // one registration at a time per session: the capacity count stays true
    const [locked] = await tx
      .select()
      .from(forumSessions)
      .where(eq(forumSessions.id, session.id))
      .for('update');
    const [existing] = await tx
      .select()
      .from(forumRegistrations)
      .where(
        and(
          eq(forumRegistrations.sessionId, session.id),
          eq(forumRegistrations.tenantId, tenant.id),
        ),
      );
    // the convener's decline stands until the convener reopens it: registering again is no way around it
    if (existing?.status === 'declined') throw forumRule('registration_declined');
    if (existing && existing.status !== 'cancelled') throw forumRule('already_registered');
    const held = await placesHeld(tx, session.id);
    const full = held >= locked!.capacity;
    const status = full ? 'waitlisted' : locked!.autoApprove ? 'approved' : 'pending';
    const values = {
      status,
      potentialIds,
      seeksIssues: seeks.issues,
      seeksAffairs: seeks.affairs,
      note: input.note ?? '',
      decisionReason: null,
      decidedAt: status === 'approved' ? now : null,
      attended: null,
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    } as const;
    const regId = existing?.id ?? newId('registration', now.getTime());
    if (existing) {
      await tx.update(forumRegistrations).set(values).where(eq(forumRegistrations.id, regId));
      await tx.delete(forumDelegates).where(eq(forumDelegates.registrationId, regId));
    } else
      await tx
        .insert(forumRegistrations)
        .values({ id: regId, sessionId: session.id, tenantId: tenant.id, ...values });
    await tx.insert(forumDelegates).values(delegateRows(regId, input.delegates, checked));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.registered',
      targetType: 'forum_registration',
      targetId: regId,
      diff: {
        sessionId: { to: session.id },
        status: { to: status },
        delegates: { to: input.delegates.length },
      },
    });
    await recordAudit(tx, ctx, {
      tenantId: session.tenantId,
      action: 'forum.registration_received',
      targetType: 'forum_registration',
      targetId: regId,
      diff: { tenantId: { to: tenant.id }, status: { to: status } },
    });
    await notifyRegistration(tx, ctx, locked!, regId, status === 'pending' ? 'received' : status);
    if (status === 'pending') await notifyConvener(tx, ctx, locked!, tenant.name);
    return regId;
  });
  return getRegistration(ctx, id);
}

/**
 * The registering tenant changes its delegation (people, potentials, what it
 * seeks) without losing its place or its turn on the waitlist.
 */
export async function updateRegistration({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Omit<RegisterInput, 'sessionId'> & { registrationId: string };
}) {
  const { tenant, registration: row } = await ownRegistration(ctx, input, 'forums.register');
  requireUser(ctx);
  if (!['pending', 'approved', 'waitlisted'].includes(row.status))
    throw forumRule('registration_state', inWords(row.status));
  const checked = await checkDelegation(ctx, tenant, input);
  await ctx.db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(forumSessions)
      .where(eq(forumSessions.id, row.sessionId))
      .for('update');
    if (['held', 'closed', 'cancelled'].includes(session!.status))
      throw forumRule('session_state', inWords(session!.status));
    await tx
      .update(forumRegistrations)
      .set({
        potentialIds: checked.potentialIds,
        seeksIssues: checked.seeks.issues,
        seeksAffairs: checked.seeks.affairs,
        note: input.note ?? row.note,
        updatedAt: ctx.now(),
      })
      .where(eq(forumRegistrations.id, row.id));
    await tx.delete(forumDelegates).where(eq(forumDelegates.registrationId, row.id));
    await tx.insert(forumDelegates).values(delegateRows(row.id, input.delegates, checked));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.registration_updated',
      targetType: 'forum_registration',
      targetId: row.id,
      diff: {
        delegates: { to: input.delegates.length },
        potentialIds: { from: row.potentialIds, to: checked.potentialIds },
      },
    });
  });
  return getRegistration(ctx, row.id);
}

async function getRegistration(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(forumRegistrations).where(eq(forumRegistrations.id, id));
  const [view] = await present(ctx.db, [row!]);
  return view!;
}

/** One registration, to the tenant that registered or the session's convener; else 404. */
export async function getForumRegistration({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; registrationId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const [row] = await ctx.db
    .select({ r: forumRegistrations })
    .from(forumRegistrations)
    .innerJoin(forumSessions, eq(forumSessions.id, forumRegistrations.sessionId))
    .where(
      and(
        eq(forumRegistrations.id, input.registrationId),
        or(eq(forumRegistrations.tenantId, tenant.id), eq(forumSessions.tenantId, tenant.id)),
      ),
    );
  if (!row) throw notFound({ key: 'forum.registration_not_found' });
  const [view] = await present(ctx.db, [row.r]);
  return view!;
}

/** The registering tenant withdraws; a place it held goes to the first on the waitlist. */
export async function cancelRegistration({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; registrationId: string };
}) {
  const { tenant, registration: row } = await ownRegistration(ctx, input, 'forums.register');
  await ctx.db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(forumSessions)
      .where(eq(forumSessions.id, row.sessionId))
      .for('update');
    if (['held', 'closed'].includes(session!.status))
      throw forumRule('session_state', inWords(session!.status));
    const [updated] = await tx
      .update(forumRegistrations)
      .set({ status: 'cancelled', updatedAt: ctx.now() })
      .where(
        and(
          eq(forumRegistrations.id, row.id),
          inArray(forumRegistrations.status, ['approved', 'pending', 'waitlisted']),
        ),
      )
      .returning();
    if (!updated) throw forumRule('registration_state', inWords(row.status));
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'forum.registration_cancelled',
      targetType: 'forum_registration',
      targetId: row.id,
      diff: { status: { from: row.status, to: 'cancelled' } },
    });
    // its meetings there go with it: the other delegations are told, and stop being asked
    await cancelMeetingsOf(tx, ctx, session!, tenant);
    if (HOLDS_PLACE.includes(row.status)) await promoteWaitlist(tx, ctx, session!);
  });
  return getRegistration(ctx, row.id);
}

/** The convener approves (a place must be free) or declines (with a reason). */
export async function decideRegistration({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    tenantId: string;
    forumId: string;
    sessionId: string;
    registrationId: string;
    decision: 'approve' | 'decline' | 'reopen';
    reason?: string;
  };
}) {
  const { session, tenant } = await convenerSession(ctx, input, 'forums.manage');
  const [row] = await ctx.db
    .select()
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.id, input.registrationId),
        eq(forumRegistrations.sessionId, session.id),
      ),
    );
  if (!row) throw notFound({ key: 'forum.registration_not_found' });
  if (input.decision === 'decline' && !input.reason?.trim())
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.reason',
        message: fieldMessage('forums.reason_is_needed_decline'),
      },
    ]);
  const from: (typeof row.status)[] =
    input.decision === 'reopen' ? ['declined'] : ['pending', 'waitlisted'];
  if (!from.includes(row.status)) throw forumRule('registration_state', inWords(row.status));
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(forumSessions)
      .where(eq(forumSessions.id, session.id))
      .for('update');
    if (input.decision === 'approve' && row.status === 'waitlisted') {
      const held = await placesHeld(tx, session.id);
      if (held >= locked!.capacity)
        throw forumRule('full', { id: `(${locked!.capacity})`, en: `(${locked!.capacity})` });
    }
    const status =
      input.decision === 'approve'
        ? 'approved'
        : input.decision === 'reopen'
          ? 'pending'
          : 'declined';
    const [updated] = await tx
      .update(forumRegistrations)
      .set({
        status,
        decisionReason: input.reason?.trim() || null,
        decidedAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(and(eq(forumRegistrations.id, row.id), eq(forumRegistrations.status, row.status)))
      .returning();
    if (!updated) throw forumRule('registration_state', inWords(row.status));
    for (const t of [tenant.id, row.tenantId])
      await recordAudit(tx, ctx, {
        tenantId: t,
        action: `forum.registration_${status}`,
        targetType: 'forum_registration',
        targetId: row.id,
        diff: {
          status: { from: row.status, to: status },
          ...(input.reason ? { reason: { to: input.reason } } : {}),
        },
      });
    // reopening is the convener's own step: the delegation hears of the decision that follows
    if (status !== 'pending')
      await notifyRegistration(tx, ctx, locked!, row.id, status, input.reason);
    if (status === 'declined' && row.status === 'pending') await promoteWaitlist(tx, ctx, locked!);
  });
  return getRegistration(ctx, row.id);
}

/** The convener's list of a session's registrations, delegations included. */
export async function listSessionRegistrations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; forumId: string; sessionId: string };
}) {
  const { session } = await convenerSession(ctx, input, 'forums.read');
  const rows = await ctx.db
    .select()
    .from(forumRegistrations)
    .where(eq(forumRegistrations.sessionId, session.id))
    .orderBy(asc(forumRegistrations.createdAt), asc(forumRegistrations.id));
  return { data: await present(ctx.db, rows) };
}

/** A tenant's own registrations, newest first. */
export async function listOwnRegistrations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'forums.read');
  const rows = await ctx.db
    .select()
    .from(forumRegistrations)
    .where(eq(forumRegistrations.tenantId, tenant.id))
    .orderBy(desc(forumRegistrations.createdAt))
    .limit(500);
  return { data: await present(ctx.db, rows) };
}

/** Sessions a tenant takes part in, for its calendar feed. */
export async function sessionsAttendedBy(db: Ctx['db'], tenantId: string) {
  return db
    .select({
      session: forumSessions,
      status: forumRegistrations.status,
      convener: { type: tenants.type, name: tenants.name, regionCode: tenants.regionCode },
    })
    .from(forumRegistrations)
    .innerJoin(forumSessions, eq(forumSessions.id, forumRegistrations.sessionId))
    .innerJoin(tenants, eq(tenants.id, forumSessions.tenantId))
    .where(
      and(
        eq(forumRegistrations.tenantId, tenantId),
        inArray(forumRegistrations.status, ['approved', 'pending', 'waitlisted']),
      ),
    );
}
