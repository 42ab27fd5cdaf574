import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  agreementActions,
  agreementParties,
  agreementSignatures,
  agreements,
  annualReports,
  digestItems,
  discussionNotifications,
  forumFollowUps,
  forumInvitations,
  forumRegistrations,
  forumSessions,
  forums,
  interests,
  potentials,
  proposals,
  regions,
  tenants,
  threads,
} from '../../db/schema';
import { STAGE_WORDS } from '../agreements/stages';
import { bestMatchesOf } from '../candidates/matches';
import { recommend } from '../candidates/recommendations';
import { userMayReadBoard } from '../discussion/access';
import { spokenDate, yearInIndonesia } from '../forums/time';
import { type Ctx, isoDate } from '../platform/context';
import { linkOf } from '../platform/links';
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

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400_000);

/** Every item of every recipient of a batch, before the no-repeat rule. */
async function gather(ctx: Ctx, recipients: Recipient[]) {
  const tenantIds = [...new Set(recipients.map((r) => r.tenantId))];
  const userIds = [...new Set(recipients.map((r) => r.userId))];
  const now = ctx.now();
  const [waitingInterests, waitingProposals, waitingSk, agreementRows, expiring, followUps, notes] =
    await Promise.all([
      ctx.db
        .select({
          id: interests.id,
          tenantId: interests.ownerTenantId,
          from: tenants.name,
          title: potentials.title,
          createdAt: interests.createdAt,
        })
        .from(interests)
        .innerJoin(potentials, eq(potentials.id, interests.potentialId))
        .innerJoin(tenants, eq(tenants.id, interests.fromTenantId))
        .where(and(inArray(interests.ownerTenantId, tenantIds), eq(interests.status, 'pending'))),
      ctx.db
        .select({
          id: proposals.id,
          partyA: proposals.partyA,
          partyB: proposals.partyB,
          answerA: proposals.answerA,
          answerB: proposals.answerB,
          expiresAt: proposals.expiresAt,
          note: proposals.note,
        })
        .from(proposals)
        .where(
          and(
            eq(proposals.status, 'pending'),
            or(inArray(proposals.partyA, tenantIds), inArray(proposals.partyB, tenantIds)),
          ),
        ),
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
          and(
            inArray(agreementParties.tenantId, tenantIds),
            sql`${agreements.stage} <> 'berakhir'`,
          ),
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
          id: forumFollowUps.id,
          tenantId: forumFollowUps.responsibleTenantId,
          title: forumFollowUps.title,
          dueDate: forumFollowUps.dueDate,
        })
        .from(forumFollowUps)
        .where(
          and(
            inArray(forumFollowUps.responsibleTenantId, tenantIds),
            eq(forumFollowUps.status, 'open'),
            lte(forumFollowUps.dueDate, isoDate(addDays(now, FOLLOW_UP_DAYS))),
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
    ]);
  const [unsigned, overdue, sessionsSoon, provinceTenants, openSessions, schedules, tenantRows] =
    await Promise.all([
      // a document other parties began signing that this tenant has not signed yet
      ctx.db
        .select({
          agreementId: agreementSignatures.agreementId,
          stage: agreementSignatures.stage,
          cycle: agreementSignatures.cycle,
          tenantId: agreementParties.tenantId,
          title: agreements.title,
        })
        .from(agreementSignatures)
        .innerJoin(agreements, eq(agreements.id, agreementSignatures.agreementId))
        .innerJoin(
          agreementParties,
          and(
            eq(agreementParties.agreementId, agreementSignatures.agreementId),
            inArray(agreementParties.tenantId, tenantIds),
          ),
        )
        .groupBy(
          agreementSignatures.agreementId,
          agreementSignatures.stage,
          agreementSignatures.cycle,
          agreementParties.tenantId,
          agreements.title,
        )
        .having(sql`bool_and(${agreementSignatures.tenantId} <> ${agreementParties.tenantId})`),
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
  for (const i of waitingInterests)
    add(i.tenantId, {
      section: 'decisions',
      key: `interest:${i.id}`,
      state: 'pending',
      waits: true,
      title: i.title,
      reason: {
        id: `${i.from} menyatakan minat; mohon ditanggapi.`,
        en: `${i.from} declared an interest; please answer.`,
      },
      url: linkOf(ctx.config, 'interests', {
        tenantId: i.tenantId,
        interestId: i.id,
        box: 'received',
      }),
    });
  for (const p of waitingProposals)
    for (const [party, answer] of [
      [p.partyA, p.answerA],
      [p.partyB, p.answerB],
    ] as const)
      if (answer === 'pending' && tenantIds.includes(party))
        add(party, {
          section: 'decisions',
          key: `proposal:${p.id}`,
          state: 'pending',
          waits: true,
          title: p.note.slice(0, 120),
          reason: {
            id: `Usulan kerja sama dari provinsi; mohon ditanggapi paling lambat ${spokenDate(isoDate(p.expiresAt), 'id')}.`,
            en: `A cooperation proposal from the province; please answer by ${spokenDate(isoDate(p.expiresAt), 'en')}.`,
          },
          url: linkOf(ctx.config, 'proposal', { tenantId: party, proposalId: p.id }),
        });
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
  for (const f of followUps)
    add(f.tenantId, {
      section: 'forums',
      key: `follow-up:${f.id}`,
      state: f.dueDate,
      title: f.title,
      reason: {
        id:
          f.dueDate < isoDate(now)
            ? `Tindak lanjut forum melewati tenggat ${spokenDate(f.dueDate, 'id')}.`
            : `Tindak lanjut forum jatuh tempo ${spokenDate(f.dueDate, 'id')}.`,
        en:
          f.dueDate < isoDate(now)
            ? `A forum follow-up is overdue since ${spokenDate(f.dueDate, 'en')}.`
            : `A forum follow-up is due on ${spokenDate(f.dueDate, 'en')}.`,
      },
      url: linkOf(ctx.config, 'followUp', { tenantId: f.tenantId, followUpId: f.id }),
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
  for (const u of unsigned)
    add(u.tenantId, {
      section: 'decisions',
      key: `agreement-sign:${u.agreementId}:${u.stage}:${u.cycle}`,
      state: 'unsigned',
      waits: true,
      title: u.title,
      reason: {
        id: `Pihak lain telah menandatangani ${STAGE_WORDS[u.stage].id}; menunggu tanda tangan daerah Anda.`,
        en: `Other parties have signed the ${STAGE_WORDS[u.stage].en}; waiting for your signature.`,
      },
      url: linkOf(ctx.config, 'agreement', { tenantId: u.tenantId, agreementId: u.agreementId }),
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
  // new matches for each tenant's published potentials (top 3 per tenant)
  const published = await ctx.db
    .select({ id: potentials.id, tenantId: potentials.tenantId, title: potentials.title })
    .from(potentials)
    .where(and(inArray(potentials.tenantId, tenantIds), eq(potentials.status, 'published')));
  for (const p of published.slice(0, 50)) {
    for (const m of await bestMatchesOf(ctx, p.tenantId, p.id, 3)) {
      const reason = m.reasons[0];
      add(p.tenantId, {
        section: 'opportunities',
        key: `match:${p.id}:${m.candidate.tenantId}`,
        state: 'new',
        title: `${m.candidate.name} — ${p.title}`,
        reason: {
          id: `Skor kecocokan ${spokenNumber(m.score, 'id')}. ${reason?.id ?? ''}`.trim(),
          en: `Match score ${spokenNumber(m.score, 'en')}. ${reason?.en ?? ''}`.trim(),
        },
        url: linkOf(ctx.config, 'potentialMatches', { tenantId: p.tenantId, potentialId: p.id }),
      });
    }
  }
  // new potentials of others that fit the tenant (its recommendations), read from its side
  for (const t of tenantRows) {
    const { data } = await recommend(ctx, t, 0, 3);
    for (const r of data)
      add(t.id, {
        section: 'opportunities',
        key: `fit:${r.potential.id}`,
        state: 'new',
        title: r.potential.title,
        reason: {
          id: `Potensi baru yang cocok (skor ${spokenNumber(r.score, 'id')}). ${r.reasons[0]?.id ?? ''}`.trim(),
          en: `A new potential that fits (score ${spokenNumber(r.score, 'en')}). ${r.reasons[0]?.en ?? ''}`.trim(),
        },
        url: linkOf(ctx.config, 'catalogPotential', { potentialId: r.potential.id }),
      });
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
  return { byTenant, byUser };
}

/**
 * Each recipient's digest: its tenant's items and its own discussion news, in
 * the sections it wants, without what it was already told (same key and
 * state), except a decision still waiting a week later. Also returns the
 * discussion notifications it covers, to be marked digested when sent.
 */
export async function composeBatch(ctx: Ctx, recipients: Recipient[]) {
  if (recipients.length === 0) return new Map<string, { items: DigestItem[]; notes: string[] }>();
  const { byTenant, byUser } = await gather(ctx, recipients);
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
    for (const item of byTenant.get(r.tenantId) ?? []) {
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
