import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  agreementActions,
  agreementParties,
  agreements,
  annualReports,
  digestItems,
  discussionNotifications,
  forumInvitations,
  forumRegistrations,
  forumSessions,
  forums,
  inboxItems,
  potentials,
  regions,
  tenants,
  threads,
} from '../../db/schema';
import { bestMatchesOf, mutualScores } from '../candidates/matches';
import { recommend } from '../candidates/recommendations';
import { userMayReadBoard } from '../discussion/access';
import { channelOf } from '../events/channels';
import { openItemsWithReaders } from '../events/inbox';
import { EVENT_TYPES, type EventType } from '../events/types';
import { spokenDate, yearInIndonesia } from '../forums/time';
import { type Ctx, isoDate } from '../platform/context';
import { addDays, wibDate } from '../platform/date-rules';
import { linkOf } from '../platform/links';
import { placeOf } from '../platform/offices';
import { textArray } from '../platform/pg-arrays';
import { rowsFrom } from '../platform/rows';
import { spokenNumber } from '../platform/text';
import { addAgreementItems } from './agreement-items';
import type { DigestItem, Section } from './render';

export type { DigestItem, Section } from './render';

/**
 * What a digest says, per recipient (an account, for one tenant it belongs
 * to): decisions waiting, what is about to lapse, new opportunities, forums
 * and the discussion. Each item has a stable key and a state: an item is
 * repeated only when its state changed, or — a decision — when it is still
 * waiting a week after it was last sent ("masih menunggu"). Reads are per
 * batch of recipients (a fixed number of statements per batch), except the
 * matches, computed once per tenant's published potential.
 */
export type Recipient = { userId: string; tenantId: string; sections: string[] };

const STILL_WAITING_DAYS = 7;
const EXPIRING_POTENTIAL_DAYS = 30;
const FOLLOW_UP_DAYS = 14;
/** news (informational events) this recent goes in the digest of who chose it there */
const NEWS_DAYS = 14;
/** at most this many opportunities: the digest is read for what waits, not for leads */
const OPPORTUNITIES = 5;
/** each side's potentials read when two tenants' fit is scored both ways (the first by id: the same from either side) */
const PAIR_TARGETS = 3;

/** A line that ends as a sentence does. */
const sentence = (s: string) => (/[.!?”]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** Every item of every recipient of a batch, before the no-repeat rule. */
async function gather(ctx: Ctx, recipients: Recipient[]) {
  const tenantIds = [...new Set(recipients.map((r) => r.tenantId))];
  const userIds = [...new Set(recipients.map((r) => r.userId))];
  const now = ctx.now();
  const [waitingSk, agreementRows, expiring, notes, stream] = await Promise.all([
    ctx.db
      .select({ id: potentials.id, tenantId: potentials.tenantId, title: potentials.title })
      .from(potentials)
      .where(and(inArray(potentials.tenantId, tenantIds), eq(potentials.status, 'prioritised'))),
    ctx.db
      .select({
        row: agreements,
        id: agreements.id,
        tenantId: agreementParties.tenantId,
        partyStatus: agreementParties.status,
        title: agreements.title,
        stage: agreements.stage,
        confirmedAt: agreements.confirmedAt,
        pksEnd: agreements.pksEnd,
      })
      .from(agreementParties)
      .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
      .where(
        and(inArray(agreementParties.tenantId, tenantIds), sql`${agreements.stage} <> 'berakhir'`),
      ),
    ctx.db
      .select({
        id: potentials.id,
        tenantId: potentials.tenantId,
        title: potentials.title,
        expiresOn: potentials.expiresOn,
      })
      .from(potentials)
      .where(
        and(
          inArray(potentials.tenantId, tenantIds),
          eq(potentials.status, 'published'),
          lte(potentials.expiresOn, isoDate(addDays(now, EXPIRING_POTENTIAL_DAYS))),
          gte(potentials.expiresOn, isoDate(now)),
        ),
      ),
    ctx.db
      .select({
        id: discussionNotifications.id,
        userId: discussionNotifications.userId,
        kind: discussionNotifications.kind,
        postId: discussionNotifications.postId,
        threadId: discussionNotifications.threadId,
        title: threads.title,
      })
      .from(discussionNotifications)
      .innerJoin(threads, eq(threads.id, discussionNotifications.threadId))
      .where(
        and(
          inArray(discussionNotifications.userId, userIds),
          isNull(discussionNotifications.digestedAt),
          // read access is checked again when the digest is made, not only when the post was
          userMayReadBoard(sql`${discussionNotifications.userId}`, sql`${threads.boardId}`),
        ),
      ),
    // what the event stream asks of each recipient, and the news they read in the digest
    openItemsWithReaders(
      ctx.db,
      and(
        inArray(inboxItems.userId, userIds),
        inArray(inboxItems.tenantId, tenantIds),
        or(eq(inboxItems.kind, 'action'), gte(inboxItems.createdAt, addDays(now, -NEWS_DAYS))),
      ),
    ),
  ]);
  const [overdue, sessionsSoon, provinceTenants, openSessions, schedules, tenantRows] =
    await Promise.all([
      // actions past their due date, per agreement and responsible tenant
      ctx.db
        .select({
          agreementId: agreementActions.agreementId,
          tenantId: agreementActions.responsibleTenantId,
          title: agreements.title,
          n: sql<number>`count(*)::int`,
        })
        .from(agreementActions)
        .innerJoin(agreements, eq(agreements.id, agreementActions.agreementId))
        .where(
          and(
            inArray(agreementActions.responsibleTenantId, tenantIds),
            sql`${agreementActions.status} <> 'done'`,
            sql`${agreementActions.dueDate} < ${isoDate(now)}::date`,
            sql`${agreements.stage} <> 'berakhir'`,
          ),
        )
        .groupBy(
          agreementActions.agreementId,
          agreementActions.responsibleTenantId,
          agreements.title,
        ),
      ctx.db
        .select({
          id: forumSessions.id,
          forumId: forumSessions.forumId,
          tenantId: forumRegistrations.tenantId,
          title: forumSessions.title,
          startsAt: forumSessions.startsAt,
          status: forumRegistrations.status,
        })
        .from(forumRegistrations)
        .innerJoin(forumSessions, eq(forumSessions.id, forumRegistrations.sessionId))
        .where(
          and(
            inArray(forumRegistrations.tenantId, tenantIds),
            inArray(forumRegistrations.status, ['approved', 'pending', 'waitlisted']),
            gte(forumSessions.startsAt, now),
            lte(forumSessions.startsAt, addDays(now, FOLLOW_UP_DAYS)),
          ),
        ),
      ctx.db
        .select({ id: tenants.id, code: tenants.regionCode })
        .from(tenants)
        .where(and(inArray(tenants.id, tenantIds), sql`${tenants.regionCode} ~ '^[0-9]{2}$'`)),
      // sessions taking registrations that the tenant may join: the rule of forums/access.ts inScope
      // (invited to the forum or the session, national, or its province's) in one statement for the batch
      ctx.db.execute(sql`
      select s.id, s.forum_id as "forumId", s.title, s.registration_closes_at as "closesAt", t.id as "tenantId",
        exists (select 1 from ${forumRegistrations} r where r.session_id = s.id and r.tenant_id = t.id) as registered
      from ${forumSessions} s
      join ${forums} f on f.id = s.forum_id
      join ${tenants} c on c.id = f.tenant_id
      join ${tenants} t on t.id = any(${textArray(tenantIds)}::text[])
      where s.status in ('published', 'registration_open') and t.id <> f.tenant_id
        and s.registration_opens_at <= ${now} and s.registration_closes_at > ${now}
        and (f.scope = 'national'
          or (f.scope = 'province' and t.type = 'region' and split_part(t.region_code, '.', 1) = split_part(c.region_code, '.', 1))
          or t.id = any(f.invited_tenant_ids)
          or exists (select 1 from ${forumInvitations} i where i.session_id = s.id and i.tenant_id = t.id))`),
      // meeting schedules published for sessions the tenant takes part in
      ctx.db
        .select({
          id: forumSessions.id,
          forumId: forumSessions.forumId,
          title: forumSessions.title,
          publishedAt: forumSessions.schedulePublishedAt,
          tenantId: forumRegistrations.tenantId,
        })
        .from(forumRegistrations)
        .innerJoin(forumSessions, eq(forumSessions.id, forumRegistrations.sessionId))
        .where(
          and(
            inArray(forumRegistrations.tenantId, tenantIds),
            eq(forumRegistrations.status, 'approved'),
            eq(forumSessions.scheduleStatus, 'published'),
            gte(forumSessions.startsAt, now),
          ),
        ),
      ctx.db.select().from(tenants).where(inArray(tenants.id, tenantIds)),
    ]);
  // for a province: its kabupaten/kota without an SK this year, and without last year's annual report
  const gaps = new Map<string, { unmapped: string[]; unreported: string[]; year: number }>();
  if (provinceTenants.length) {
    const year = yearInIndonesia(now);
    const codes = provinceTenants.map((p) => p.code!);
    const rows = await ctx.db
      .select({
        province: regions.provinceCode,
        unmapped: sql<
          string[] | null
        >`array_agg(${regions.name} order by ${regions.code}) filter (where not exists (select 1 from ${potentials} p where p.tenant_id = ${tenants.id} and p.sk_date >= ${`${year}-01-01`}::date))`,
        unreported: sql<
          string[] | null
        >`array_agg(${regions.name} order by ${regions.code}) filter (where not exists (select 1 from ${annualReports} r where r.tenant_id = ${tenants.id} and r.year = ${year - 1}))`,
      })
      .from(regions)
      .innerJoin(tenants, eq(tenants.regionCode, regions.code))
      .where(and(inArray(regions.provinceCode, codes), eq(regions.autonomous, true)))
      .groupBy(regions.provinceCode);
    for (const p of provinceTenants) {
      const r = rows.find((x) => x.province === p.code);
      if (r) gaps.set(p.id, { unmapped: r.unmapped ?? [], unreported: r.unreported ?? [], year });
    }
  }
  const byTenant = new Map<string, DigestItem[]>();
  // one entry per key: the same fact reached twice (a pair matched from both sides) is said once
  const seenKeys = new Set<string>();
  const add = (tenantId: string, item: DigestItem) => {
    if (seenKeys.has(`${tenantId}|${item.key}`)) return;
    seenKeys.add(`${tenantId}|${item.key}`);
    const list = byTenant.get(tenantId);
    if (list) list.push(item);
    else byTenant.set(tenantId, [item]);
  };
  for (const p of waitingSk)
    add(p.tenantId, {
      section: 'decisions',
      key: `potential-sk:${p.id}`,
      state: 'prioritised',
      waits: true,
      title: p.title,
      reason: {
        id: 'Telah diprioritaskan dalam Berita Acara; menunggu penetapan dengan SK kepala daerah.',
        en: 'Prioritised in the Berita Acara; waiting for the head’s decree (SK).',
      },
      url: linkOf(ctx.config, 'potential', { tenantId: p.tenantId, potentialId: p.id }),
    });
  await addAgreementItems(ctx, agreementRows, now, add);
  for (const p of expiring)
    add(p.tenantId, {
      section: 'lapsing',
      key: `potential-expiring:${p.id}`,
      state: p.expiresOn,
      title: p.title,
      reason: {
        id: `Masa tayang di katalog berakhir pada ${spokenDate(p.expiresOn, 'id')}.`,
        en: `Its listing in the catalogue ends on ${spokenDate(p.expiresOn, 'en')}.`,
      },
      url: linkOf(ctx.config, 'potential', { tenantId: p.tenantId, potentialId: p.id }),
    });
  type OpenRow = {
    id: string;
    forumId: string;
    title: string;
    closesAt: string | Date;
    tenantId: string;
    registered: boolean;
  };
  for (const o of rowsFrom<OpenRow>(openSessions)) {
    const closes = new Date(o.closesAt);
    if (o.registered) continue;
    const soon = closes.getTime() - now.getTime() <= 3 * 86400_000;
    add(o.tenantId, {
      section: 'forums',
      key: `session-registration:${o.id}`,
      state: soon ? 'closing' : 'open',
      title: o.title,
      reason: soon
        ? {
            id: `Pendaftaran sesi forum ditutup ${spokenDate(isoDate(closes), 'id')}; daerah Anda belum mendaftar.`,
            en: `Registration for this forum session closes on ${spokenDate(isoDate(closes), 'en')}; you have not registered.`,
          }
        : {
            id: `Pendaftaran sesi forum dibuka sampai ${spokenDate(isoDate(closes), 'id')}.`,
            en: `Registration for this forum session is open until ${spokenDate(isoDate(closes), 'en')}.`,
          },
      url: linkOf(ctx.config, 'forumSession', { forumId: o.forumId, sessionId: o.id }),
    });
  }
  for (const sc of schedules)
    add(sc.tenantId, {
      section: 'forums',
      key: `schedule:${sc.id}`,
      state: sc.publishedAt?.toISOString() ?? 'published',
      title: sc.title,
      reason: {
        id: 'Jadwal pertemuan bilateral sesi ini telah dipublikasikan.',
        en: 'The bilateral meeting schedule of this session has been published.',
      },
      url: linkOf(ctx.config, 'sessionMeetings', { tenantId: sc.tenantId, sessionId: sc.id }),
    });
  for (const o of overdue)
    add(o.tenantId, {
      section: 'lapsing',
      key: `agreement-overdue:${o.agreementId}`,
      state: String(o.n),
      title: o.title,
      reason: {
        id: `${o.n} kegiatan rencana aksi yang menjadi tanggung jawab Anda melewati tenggat.`,
        en: `${o.n} action plan item(s) you are responsible for are overdue.`,
      },
      url: linkOf(ctx.config, 'agreement', { tenantId: o.tenantId, agreementId: o.agreementId }),
    });
  for (const f of sessionsSoon)
    add(f.tenantId, {
      section: 'forums',
      key: `session:${f.id}`,
      state: `${f.status}:${f.startsAt.toISOString()}`,
      title: f.title,
      reason: {
        id: `Sesi forum yang Anda daftari dimulai ${spokenDate(isoDate(f.startsAt), 'id')}${f.status === 'approved' ? '' : ' (pendaftaran belum disetujui)'}.`,
        en: `A forum session you registered for starts on ${spokenDate(isoDate(f.startsAt), 'en')}${f.status === 'approved' ? '' : ' (registration not yet approved)'}.`,
      },
      url: linkOf(ctx.config, 'forumSession', { forumId: f.forumId, sessionId: f.id }),
    });
  for (const [tenantId, g] of gaps) {
    // the province's list names them all (at most 38, Jawa Timur's): whom to call is the point of it
    const named = (names: string[]) => names.join(', ');
    if (g.unmapped.length > 0)
      add(tenantId, {
        section: 'decisions',
        key: `province-unmapped:${g.year}`,
        state: String(g.unmapped.length),
        title: `${g.unmapped.length} kabupaten/kota`,
        reason: {
          id: `Belum menetapkan hasil pemetaan potensi kerja sama dengan SK tahun ${g.year}: ${named(g.unmapped)}.`,
          en: `Have not yet established their ${g.year} mapping by decree: ${named(g.unmapped)}.`,
        },
        url: linkOf(ctx.config, 'mappingReport', { tenantId }),
      });
    if (g.unreported.length > 0)
      add(tenantId, {
        section: 'decisions',
        key: `province-unreported:${g.year - 1}`,
        state: String(g.unreported.length),
        title: `${g.unreported.length} kabupaten/kota`,
        reason: {
          id: `Belum menyampaikan laporan tahunan kerja sama daerah tahun ${g.year - 1}: ${named(g.unreported)}.`,
          en: `Have not submitted their ${g.year - 1} annual cooperation report: ${named(g.unreported)}.`,
        },
        url: linkOf(ctx.config, 'annualReporting', { tenantId, year: g.year - 1 }),
      });
  }
  // opportunities: a handful, one entry per other tenant, named, with the same score read from either side
  const published = await ctx.db
    .select({ id: potentials.id, tenantId: potentials.tenantId, title: potentials.title })
    .from(potentials)
    .where(and(inArray(potentials.tenantId, tenantIds), eq(potentials.status, 'published')))
    .orderBy(desc(potentials.updatedAt));
  for (const t of tenantRows) {
    type Found = { score: number; theirs: string | null; url: string };
    const found = new Map<string, Found>();
    const keep = (other: string, f: Found) => {
      const prev = found.get(other);
      if (other !== t.id && (!prev || f.score > prev.score)) found.set(other, f);
    };
    // its newest published potentials' best partners…
    for (const p of published.filter((x) => x.tenantId === t.id).slice(0, 3))
      for (const m of await bestMatchesOf(ctx, t.id, p.id, 3))
        keep(m.candidate.tenantId, {
          score: m.score,
          theirs: m.candidate.type === 'region' ? m.candidate.name : null,
          url: linkOf(ctx.config, 'potentialMatches', { tenantId: t.id, potentialId: p.id }),
        });
    // …and others' potentials that fit it
    for (const r of (await recommend(ctx, t, 0, OPPORTUNITIES)).data)
      keep(r.potential.tenantId, {
        score: r.score,
        theirs: r.potential.title,
        url: linkOf(ctx.config, 'catalogPotential', { potentialId: r.potential.id }),
      });
    const top = [...found].sort((x, y) => y[1].score - x[1].score).slice(0, OPPORTUNITIES);
    if (top.length === 0) continue;
    const others = top.map(([other]) => other);
    const [mutual, names] = await Promise.all([
      mutualScores(ctx, t.id, others, PAIR_TARGETS),
      ctx.db
        .select({
          id: tenants.id,
          type: tenants.type,
          name: tenants.name,
          regionCode: tenants.regionCode,
        })
        .from(tenants)
        .where(inArray(tenants.id, others)),
    ]);
    const ranked = top
      .map(([other, f]) => ({ other, f, m: mutual.get(other) }))
      .sort((x, y) => (y.m?.score ?? y.f.score) - (x.m?.score ?? x.f.score));
    for (const { other, f, m } of ranked) {
      const who = names.find((n) => n.id === other);
      const score = m?.score ?? f.score;
      const reason = m?.reasons[0];
      add(t.id, {
        section: 'opportunities',
        key: `pair:${other}`,
        state: 'new',
        title: `${who ? placeOf(who) : other}${f.theirs ? ` — ${f.theirs}` : ''}`,
        reason: {
          id: sentence(`Skor kecocokan ${spokenNumber(score, 'id')}. ${reason?.id ?? ''}`),
          en: sentence(`Match score ${spokenNumber(score, 'en')}. ${reason?.en ?? ''}`),
        },
        url: f.url,
      });
    }
  }
  const byUser = new Map<
    string,
    { item: DigestItem; notificationId: string; threadId: string; postId: string }[]
  >();
  for (const n of notes)
    byUser.set(n.userId, [
      ...(byUser.get(n.userId) ?? []),
      {
        notificationId: n.id,
        threadId: n.threadId,
        postId: n.postId,
        item: {
          section: 'discussion',
          key: `discussion:${n.postId}`,
          state: n.kind,
          title: n.title,
          reason:
            n.kind === 'mention'
              ? { id: 'Anda disebut dalam diskusi.', en: 'You were mentioned.' }
              : n.kind === 'reply'
                ? { id: 'Tulisan Anda ditanggapi.', en: 'Someone replied to you.' }
                : {
                    id: 'Tulisan baru di diskusi yang Anda ikuti.',
                    en: 'A new post where you follow.',
                  },
          url: '',
        },
      },
    ]);
  const byRecipient = new Map<string, DigestItem[]>();
  for (const r of stream) {
    const item = streamItem(ctx, r);
    if (!item) continue;
    const key = `${r.userId}|${r.tenantId}`;
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), item]);
  }
  return { byTenant, byUser, byRecipient };
}

/** Where an item of the stream shows: what the forum asks under forums, the rest under decisions. */
const SECTION_OF_OBJECT: Record<string, Section> = {
  forum_meeting: 'forums',
  forum_registration: 'forums',
  forum_follow_up: 'forums',
};

/**
 * An inbox item as the digest says it: an action item (whatever its channel:
 * the digest lists what waits) with its deadline, or news the person chose to
 * read here. The PKS reminders are left to the agreement's own lapsing entry.
 */
function streamItem(
  ctx: Ctx,
  r: {
    id: string;
    tenantId: string;
    type: string;
    kind: string;
    objectType: string;
    objectId: string;
    text: { id: string; en: string };
    dueAt: Date | null;
    role: string;
    channels: Record<string, string> | null;
  },
): DigestItem | null {
  const type = r.type as EventType;
  if (!EVENT_TYPES[type] || type.startsWith('agreement.pks_')) return null;
  const url = objectLink(ctx, r.tenantId, type, r.objectType, r.objectId);
  if (r.kind === 'action')
    return {
      section: SECTION_OF_OBJECT[r.objectType] ?? 'decisions',
      key: `${r.objectType}:${r.objectId}:${type}`,
      state: 'open',
      waits: true,
      title: r.text,
      reason: r.dueAt
        ? {
            id: `Paling lambat ${spokenDate(wibDate(r.dueAt), 'id')}.`,
            en: `By ${spokenDate(wibDate(r.dueAt), 'en')}.`,
          }
        : { id: 'Menunggu tindakan Bapak/Ibu.', en: 'Awaiting your action.' },
      url,
    };
  if (channelOf(r.channels, r.role, type) !== 'digest') return null;
  return {
    section: 'news',
    key: `event:${r.id}`,
    state: 'info',
    title: r.text,
    reason: { id: 'Untuk diketahui.', en: 'For your information.' },
    url,
  };
}

/** The link to what an item is about, from the link table; the inbox where the object has no page of its own. */
function objectLink(
  ctx: Ctx,
  tenantId: string,
  type: EventType,
  objectType: string,
  id: string,
): string {
  const c = ctx.config;
  switch (objectType) {
    case 'interest':
      return linkOf(c, 'interests', {
        tenantId,
        interestId: id,
        box: type === 'interest.received' ? 'received' : 'sent',
      });
    case 'agreement':
      return linkOf(c, 'agreement', { tenantId, agreementId: id });
    case 'proposal':
      return linkOf(c, 'proposal', { tenantId, proposalId: id });
    case 'potential':
      return linkOf(c, 'potential', { tenantId, potentialId: id });
    case 'annual_report':
      return linkOf(c, 'annualReport', { tenantId, reportId: id });
    case 'mapping_round':
      return linkOf(c, 'round', { tenantId, roundId: id });
    case 'forum_follow_up':
      return linkOf(c, 'followUp', { tenantId, followUpId: id });
    default:
      return linkOf(c, 'inbox', { tenantId });
  }
}

/**
 * Each recipient's digest: its tenant's items and its own discussion news, in
 * the sections it wants, without what it was already told (same key and
 * state), except a decision still waiting a week later. Also returns the
 * discussion notifications it covers, to be marked digested when sent.
 */
export async function composeBatch(ctx: Ctx, recipients: Recipient[]) {
  if (recipients.length === 0) return new Map<string, { items: DigestItem[]; notes: string[] }>();
  const { byTenant, byUser, byRecipient } = await gather(ctx, recipients);
  const userIds = [...new Set(recipients.map((r) => r.userId))];
  const sent = await ctx.db
    .select({
      userId: digestItems.userId,
      tenantId: digestItems.tenantId,
      key: digestItems.itemKey,
      state: digestItems.state,
      at: sql<Date>`max(${digestItems.createdAt})`,
    })
    .from(digestItems)
    .where(inArray(digestItems.userId, userIds))
    .groupBy(digestItems.userId, digestItems.tenantId, digestItems.itemKey, digestItems.state);
  const last = new Map(
    sent.map((s) => [`${s.userId}|${s.tenantId}|${s.key}|${s.state}`, new Date(s.at)]),
  );
  const out = new Map<string, { items: DigestItem[]; notes: string[] }>();
  const now = ctx.now().getTime();
  // a user's discussion news goes in one of its digests of the batch
  const noted = new Set<string>();
  for (const r of recipients) {
    const wanted = (s: Section) => r.sections.length === 0 || r.sections.includes(s);
    const items: DigestItem[] = [];
    for (const item of [
      ...(byRecipient.get(`${r.userId}|${r.tenantId}`) ?? []),
      ...(byTenant.get(r.tenantId) ?? []),
    ]) {
      if (!wanted(item.section)) continue;
      const before = last.get(`${r.userId}|${r.tenantId}|${item.key}|${item.state}`);
      if (!before) items.push(item);
      else if (item.waits && now - before.getTime() >= STILL_WAITING_DAYS * 86400_000)
        items.push({ ...item, stillWaiting: true });
    }
    const own = wanted('discussion') && !noted.has(r.userId) ? (byUser.get(r.userId) ?? []) : [];
    if (own.length) noted.add(r.userId);
    // read through the tenant of this digest
    items.push(
      ...own.map((o) => ({
        ...o.item,
        url: linkOf(ctx.config, 'thread', {
          tenantId: r.tenantId,
          threadId: o.threadId,
          postId: o.postId,
        }),
      })),
    );
    out.set(`${r.userId}|${r.tenantId}`, { items, notes: own.map((o) => o.notificationId) });
  }
  return out;
}
