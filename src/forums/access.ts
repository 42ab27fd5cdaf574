import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  forumDelegates,
  forumInvitations,
  forumRegistrations,
  forumSessions,
  forums,
  tenants,
  users,
} from '../../db/schema';
import { authorize, requireUser, type TenantRow } from '../identity/access';
import type { Ctx } from '../platform/context';
import { ApiError, badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';

export type ForumRow = typeof forums.$inferSelect;
export type SessionRow = typeof forumSessions.$inferSelect;
export type RegistrationRow = typeof forumRegistrations.$inferSelect;

/** A refusal that names the forum rule it follows: 409 by default, 403 for who may take part. */
export function forumRule(
  rule: keyof typeof FORUM_RULES,
  detail: { id: string; en: string } = { id: '', en: '' },
  code: 'CONFLICT' | 'FORBIDDEN' = 'CONFLICT',
): ApiError {
  const r = FORUM_RULES[rule];
  return new ApiError(code, {
    key: 'potential.rule',
    params: { ruleId: `${r.id}${detail.id}`, ruleEn: `${r.en}${detail.en}` },
  });
}

export const FORUM_RULES = {
  convener: {
    id: 'forum diselenggarakan oleh pemerintah daerah (provinsi atau kabupaten/kota); forum nasional atau tematik oleh admin platform',
    en: 'a forum is convened by a regional government (province or kabupaten/kota); national or thematic forums by a platform admin',
  },
  province_scope: {
    id: 'forum lingkup provinsi hanya dapat diselenggarakan oleh pemerintah provinsi',
    en: 'a province-wide forum can only be convened by a province',
  },
  national_scope: {
    id: 'forum lingkup nasional hanya dapat diselenggarakan oleh admin platform',
    en: 'a national forum can only be convened by a platform admin',
  },
  scope: {
    id: 'forum ini hanya menerima ',
    en: 'this forum only takes ',
  },
  window: {
    id: 'pendaftaran hanya dapat dilakukan dalam masa pendaftaran ',
    en: 'registration is only possible within the registration window ',
  },
  registration_state: {
    id: 'pendaftaran tidak menerima perubahan ini pada status ',
    en: 'the registration does not take this change in status ',
  },
  session_state: {
    id: 'sesi forum tidak dapat diubah seperti ini pada status ',
    en: 'the forum session cannot be changed this way in status ',
  },
  capacity: {
    id: 'kapasitas sesi forum tidak boleh di bawah jumlah delegasi yang sudah menempati tempat ',
    en: 'the session capacity cannot go below the delegations already holding a place ',
  },
  full: {
    id: 'kapasitas sesi forum sudah penuh ',
    en: 'the session is full ',
  },
  own_session: {
    id: 'penyelenggara tidak mendaftar ke forumnya sendiri',
    en: 'the convener does not register for its own forum',
  },
  registration_declined: {
    id: 'pendaftaran daerah atau organisasi ini pada sesi forum ini telah ditolak penyelenggara; hanya penyelenggara yang dapat membukanya kembali',
    en: 'the convener declined this tenant’s registration for this session; only the convener can reopen it',
  },
  already_registered: {
    id: 'daerah atau organisasi ini sudah terdaftar pada sesi forum ini',
    en: 'this tenant is already registered for this session',
  },
  minutes_before_held: {
    id: 'notulen dan tindak lanjut dicatat setelah sesi forum berlangsung',
    en: 'minutes and follow-ups are recorded once the session was held (status held or closed)',
  },
  held_before_start: {
    id: 'sesi forum baru dapat dinyatakan berlangsung setelah waktu mulainya',
    en: 'a session can be marked held only after it starts',
  },
  pairing: {
    id: 'penyelenggara hanya mengizinkan pertemuan bilateral antara mitra dan pemerintah daerah',
    en: 'the convener only allows meetings between partners and regions',
  },
  meeting_exists: {
    id: 'permintaan atau pertemuan bilateral dengan delegasi ini sudah ada',
    en: 'a request or meeting with this delegation already exists',
  },
  quota: {
    id: 'batas yang ditetapkan penyelenggara tercapai: ',
    en: 'the convener’s limit is reached: ',
  },
  not_recipient: {
    id: 'hanya delegasi yang diminta yang dapat menjawab',
    en: 'only the delegation asked can answer',
  },
  meeting_state: {
    id: 'pertemuan bilateral tidak menerima perubahan ini pada status ',
    en: 'the meeting does not take this change in status ',
  },
  before_meeting: {
    id: 'hasil pertemuan bilateral dicatat setelah waktunya tiba',
    en: 'a meeting’s outcome is recorded once its time has come',
  },
  no_day_plan: {
    id: 'sesi forum belum memiliki jadwal harian untuk pertemuan bilateral',
    en: 'the forum session has no daily schedule for bilateral meetings yet',
  },
  clash: {
    id: 'jadwal bentrok: ',
    en: 'schedule clash: ',
  },
  no_schedule: {
    id: 'jadwal pertemuan bilateral belum disusun',
    en: 'no meeting schedule has been made yet',
  },
  follow_up_agreement: {
    id: 'tindak lanjut ini sudah menghasilkan kerja sama',
    en: 'this follow-up already led to an agreement',
  },
} as const;

/** Status names inside sentences, in each language (the API's codes stay as they are). */
const STATUS_WORDS: Record<string, { id: string; en: string }> = {
  draft: { id: 'draf', en: 'draft' },
  published: { id: 'dipublikasikan', en: 'published' },
  registration_open: { id: 'pendaftaran dibuka', en: 'registration open' },
  registration_closed: { id: 'pendaftaran ditutup', en: 'registration closed' },
  held: { id: 'telah berlangsung', en: 'held' },
  closed: { id: 'selesai', en: 'closed' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
  pending: { id: 'menunggu persetujuan', en: 'pending' },
  approved: { id: 'disetujui', en: 'approved' },
  declined: { id: 'ditolak', en: 'declined' },
  waitlisted: { id: 'dalam daftar tunggu', en: 'waitlisted' },
  requested: { id: 'diminta', en: 'requested' },
  accepted: { id: 'diterima', en: 'accepted' },
  expired: { id: 'kedaluwarsa', en: 'expired' },
};
/** A status (or a list of them) as words for a rule's detail. */
export const inWords = (...statuses: string[]) => ({
  id: statuses.map((s) => STATUS_WORDS[s]?.id ?? s).join(', '),
  en: statuses.map((s) => STATUS_WORDS[s]?.en ?? s).join(', '),
});

/** Places a session has given: approved and pending delegations (the waitlist waits for these). */
export async function placesHeld(db: Ctx['db'] | Tx, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.sessionId, sessionId),
        inArray(forumRegistrations.status, ['approved', 'pending']),
      ),
    );
  return Number(row?.n ?? 0);
}

/** A registration of the tenant's own, or 404: another tenant's does not exist for it. */
export async function ownRegistration(
  ctx: Ctx,
  { tenantId, registrationId }: { tenantId: string; registrationId: string },
  permission: 'forums.read' | 'forums.register',
) {
  const { tenant } = await authorize(ctx, tenantId, permission);
  const [registration] = await ctx.db
    .select()
    .from(forumRegistrations)
    .where(
      and(eq(forumRegistrations.id, registrationId), eq(forumRegistrations.tenantId, tenant.id)),
    );
  if (!registration) throw notFound({ key: 'forum.registration_not_found' });
  return { tenant, registration };
}

/** The convener's forum, or 404: outsiders do not learn that it exists. */
export async function convenerForum(
  ctx: Ctx,
  { tenantId, forumId }: { tenantId: string; forumId: string },
  permission: 'forums.read' | 'forums.manage',
) {
  const access = await authorize(ctx, tenantId, permission);
  const [forum] = await ctx.db
    .select()
    .from(forums)
    .where(and(eq(forums.id, forumId), eq(forums.tenantId, access.tenant.id)));
  if (!forum) throw notFound({ key: 'forum.not_found' });
  return { ...access, forum };
}

/** The convener's session (of that forum), or 404. */
export async function convenerSession(
  ctx: Ctx,
  { tenantId, forumId, sessionId }: { tenantId: string; forumId: string; sessionId: string },
  permission: 'forums.read' | 'forums.manage',
) {
  const { forum, tenant, via } = await convenerForum(ctx, { tenantId, forumId }, permission);
  const [session] = await ctx.db
    .select()
    .from(forumSessions)
    .where(and(eq(forumSessions.id, sessionId), eq(forumSessions.forumId, forum.id)));
  if (!session) throw notFound({ key: 'forum.session_not_found' });
  return { forum, session, tenant, via, actor: requireUser(ctx) };
}

/** Whether a tenant falls within a session's scope: the forum's rule, or an invitation. */
export async function inScope(
  db: Ctx['db'] | Tx,
  forum: ForumRow,
  session: SessionRow,
  tenant: TenantRow,
): Promise<boolean> {
  if (forum.invitedTenantIds.includes(tenant.id)) return true;
  const [invited] = await db
    .select({ n: sql<number>`1` })
    .from(forumInvitations)
    .where(
      and(eq(forumInvitations.sessionId, session.id), eq(forumInvitations.tenantId, tenant.id)),
    );
  if (invited) return true;
  if (forum.scope === 'national') return true;
  if (forum.scope === 'province') {
    const [convener] = await db
      .select({ regionCode: tenants.regionCode })
      .from(tenants)
      .where(eq(tenants.id, forum.tenantId));
    return (
      tenant.type === 'region' &&
      !!convener?.regionCode &&
      !!tenant.regionCode?.startsWith(`${convener.regionCode}.`)
    );
  }
  return false;
}

/** Who hears about a registration: the person who registered and the delegates who are users. */
export async function recipientsOf(db: Ctx['db'] | Tx, registrationIds: string[]) {
  if (registrationIds.length === 0) return [];
  const [registrants, delegates] = await Promise.all([
    db
      .select({
        registrationId: forumRegistrations.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
      })
      .from(forumRegistrations)
      .innerJoin(users, eq(users.id, forumRegistrations.createdBy))
      .where(inArray(forumRegistrations.id, registrationIds)),
    db
      .select({
        registrationId: forumDelegates.registrationId,
        email: users.email,
        name: users.name,
        locale: users.locale,
      })
      .from(forumDelegates)
      .innerJoin(users, eq(users.id, forumDelegates.userId))
      .where(inArray(forumDelegates.registrationId, registrationIds)),
  ]);
  const seen = new Set<string>();
  return [...registrants, ...delegates].filter((r) => {
    const key = `${r.registrationId} ${r.email}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Checks that a session can be named as the origin of an interest or proposal:
 * the tenant convened it or took part in it (an approved delegation).
 */
export async function checkOrigin(
  ctx: Ctx,
  sessionId: string | undefined,
  tenantId: string,
  location = 'body.originSessionId',
): Promise<void> {
  if (!sessionId) return;
  const [row] = await ctx.db
    .select({ convener: forumSessions.tenantId, registered: forumRegistrations.id })
    .from(forumSessions)
    .leftJoin(
      forumRegistrations,
      and(
        eq(forumRegistrations.sessionId, forumSessions.id),
        eq(forumRegistrations.tenantId, tenantId),
        eq(forumRegistrations.status, 'approved'),
      ),
    )
    .where(eq(forumSessions.id, sessionId));
  if (!row || (row.convener !== tenantId && !row.registered))
    throw badRequest({ key: 'request.invalid' }, [
      {
        location,
        message: fieldMessage('forums.must_forum_session_you_convened_took'),
      },
    ]);
}
