import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementParties,
  agreements,
  interests,
  potentials,
  regions,
  tenantProfiles,
  tenants,
  users,
} from '../../db/schema';
import { LABELS } from '../../src/candidates/candidates';
import { newId } from '../../src/platform/ids';
import { VOCABULARIES } from '../../src/reference/vocabularies';
import { rank } from '../../src/scoring/score';
import { type Candidate, type History, type Target } from '../../src/scoring/types';
import { bearer, platformAdmin } from '../support/actors';
import { createHarness, type Harness } from '../support/harness';

/**
 * The endpoint narrows candidates in SQL by bounds before ranking the
 * survivors. This checks, on a few hundred generated candidates with every
 * geography, kind, history and freshness case, that what it answers is
 * exactly what ranking every candidate in memory answers: the same ids, the
 * same scores, the same order and the same total, page by page and under the
 * filters. The in-memory side is built from the source tables, so it also
 * checks that the triggers keep `match_candidates` in step with them.
 */
const NOW = new Date('2026-11-23T08:00:00Z');
const TODAY = '2026-11-23';
const codes = (name: string) => VOCABULARIES.find((v) => v.name === name)!.terms.map((t) => t.code);
const ISSUES = codes('strategic-issues');
const AFFAIRS = codes('affairs').slice(0, 8).concat('transmigrasi'); // a narrow pool so candidates overlap, plus the sign bit
const KINDS = ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'];
const PARTNER_KINDS = [
  'company',
  'bumn_bumd',
  'university',
  'ngo',
  'foreign_region',
  'foreign_institution',
  'central_institution',
];
// Central Sulawesi and its neighbours, Java, and DKI's administrative regions (never candidates)
const REGION_CODES = [
  '72.71',
  '72.10',
  '72.03',
  '72.01',
  '72.02',
  '73.71',
  '74.71',
  '71.71',
  '32.73',
  '32.04',
  '33.74',
  '31.71',
  '31.72',
  '72',
];

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number, min = 1) => [
  ...new Set(Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(xs))),
];
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86400_000);

let h: Harness;
let admin: { token: string };
let sample: (typeof potentials.$inferSelect)[] = [];

type Page = {
  data: { score: number; candidate: { tenantId: string; potentialId: string | null } }[];
  total: number;
  nextCursor: string | null;
};

/** Every published, unexpired potential and every active partner, straight from the source tables. */
async function universe(): Promise<Candidate[]> {
  const pots = await h.db
    .select({ p: potentials, r: regions })
    .from(potentials)
    .innerJoin(regions, eq(regions.code, potentials.regionCode))
    .where(and(eq(potentials.status, 'published'), sql`${potentials.expiresOn} >= ${TODAY}`));
  const partners = await h.db
    .select({ t: tenants, p: tenantProfiles })
    .from(tenants)
    .innerJoin(tenantProfiles, eq(tenantProfiles.tenantId, tenants.id))
    .where(and(eq(tenants.type, 'partner'), eq(tenants.status, 'active')));
  return [
    ...pots.map(
      ({ p, r }): Candidate => ({
        type: 'potential',
        id: p.id,
        tenantId: p.tenantId,
        title: p.title,
        regionCode: p.regionCode,
        provinceCode: p.provinceCode,
        islandGroup: r.islandGroup,
        autonomous: r.autonomous,
        direction: p.direction,
        affairs: p.affairs,
        issues: p.issues,
        cooperationKinds: p.cooperationKinds,
        valueIdr: p.valueIdr,
        updatedAt: p.updatedAt,
      }),
    ),
    ...partners.map(
      ({ t, p }): Candidate => ({
        type: 'partner',
        id: t.id,
        tenantId: t.id,
        name: t.name,
        partnerKind: t.partnerKind ?? 'company',
        affairs: p.affairs,
        issues: p.issues,
        offers: p.offers,
        regionsOfInterest: p.regionsOfInterest,
        engagementMinIdr: p.engagementMinIdr,
        engagementMaxIdr: p.engagementMaxIdr,
        updatedAt: p.updatedAt,
      }),
    ),
  ];
}

async function historyOf(tenantId: string): Promise<Map<string, History>> {
  const out = new Map<string, History>();
  const of = (t: string) =>
    out.get(t) ?? out.set(t, { accepted: 0, declined: 0, agreements: 0 }).get(t)!;
  for (const i of await h.db.select().from(interests)) {
    const other =
      i.ownerTenantId === tenantId
        ? i.fromTenantId
        : i.fromTenantId === tenantId
          ? i.ownerTenantId
          : null;
    if (other && i.status === 'accepted') of(other).accepted++;
    if (other && i.status === 'declined') of(other).declined++;
  }
  const parties = await h.db.select().from(agreementParties);
  // only agreements every party confirmed count: one side cannot raise its own history
  const confirmed = new Set(
    (await h.db.select().from(agreements)).filter((a) => a.confirmedAt !== null).map((a) => a.id),
  );
  for (const a of new Set(parties.map((p) => p.agreementId).filter((a) => confirmed.has(a)))) {
    const members = parties.filter((p) => p.agreementId === a).map((p) => p.tenantId);
    if (members.includes(tenantId)) for (const m of members) if (m !== tenantId) of(m).agreements++;
  }
  return out;
}

async function targetOf(p: typeof potentials.$inferSelect): Promise<Target> {
  const [r] = await h.db.select().from(regions).where(eq(regions.code, p.regionCode));
  const [profile] = await h.db
    .select()
    .from(tenantProfiles)
    .where(eq(tenantProfiles.tenantId, p.tenantId));
  return {
    id: p.id,
    tenantId: p.tenantId,
    regionCode: p.regionCode,
    provinceCode: p.provinceCode,
    islandGroup: r!.islandGroup,
    direction: p.direction,
    affairs: p.affairs,
    issues: p.issues,
    cooperationKinds: p.cooperationKinds,
    mandatory: p.mandatory,
    valueIdr: p.valueIdr,
    neighbours: profile?.neighbours ?? [],
  };
}

beforeAll(async () => {
  h = await createHarness({ clock: () => NOW });
  admin = await platformAdmin(h);
  const regionTenants = await h.db
    .select({ id: tenants.id, code: tenants.regionCode })
    .from(tenants)
    .where(sql`${tenants.regionCode} in ${REGION_CODES}`);
  const userId = newId('user');
  await h.db.insert(users).values({
    id: userId,
    email: 'generator@contoh.go.id',
    name: 'Generator',
    passwordHash: 'x',
    emailVerifiedAt: NOW,
  });

  // neighbours declared by some regions
  await h.db.insert(tenantProfiles).values(
    regionTenants
      .filter((_, i) => i % 3 === 0)
      .map((t) => ({
        tenantId: t.id,
        neighbours: some(
          REGION_CODES.filter((c) => c !== t.code),
          3,
        ),
      })),
  );

  const rows = Array.from({ length: 220 }, (_, i) => {
    const t = regionTenants[i % regionTenants.length]!;
    return {
      id: newId('potential'),
      tenantId: t.id,
      regionCode: t.code!,
      provinceCode: t.code!.slice(0, 2),
      title: `Potensi ${i}`,
      activity: 'Kegiatan',
      problem: 'Masalah',
      potential: 'Potensi',
      target: 'Sasaran',
      process: [{ party: 'Pemda', role: 'Koordinasi' }],
      outputs: ['Dokumen'],
      outcome: 'Hasil',
      outcomeIndicator: 'Indikator',
      direction: pick(['offer', 'need'] as const),
      cooperationKinds: some(KINDS, 3),
      mandatory: rand() < 0.3,
      affairs: some(AFFAIRS, 3, 0),
      issues: some(ISSUES.slice(0, 5), 2, 0),
      valueIdr: rand() < 0.2 ? null : Math.floor(rand() * 5000) * 1_000_000,
      horizon: 'short' as const,
      searchText: `potensi ${i}`,
      expiresOn: rand() < 0.1 ? '2026-11-01' : '2028-12-31',
      status: rand() < 0.9 ? ('published' as const) : ('draft' as const),
      publishedAt: NOW,
      updatedAt: daysAgo(Math.floor(rand() * 420)),
    };
  });
  await h.db.insert(potentials).values(rows);

  const partnerIds: string[] = [];
  for (let i = 0; i < 180; i++) {
    const id = newId('tenant');
    partnerIds.push(id);
    await h.db.insert(tenants).values({
      id,
      type: 'partner',
      name: `Mitra ${i}`,
      status: rand() < 0.9 ? 'active' : 'unverified',
      partnerKind: pick(PARTNER_KINDS),
    });
    const min = rand() < 0.3 ? null : Math.floor(rand() * 500) * 1_000_000;
    await h.db.insert(tenantProfiles).values({
      tenantId: id,
      issues: some(ISSUES.slice(0, 5), 2, 0),
      affairs: some(AFFAIRS, 3, 0),
      offers: rand() < 0.5 ? 'Layanan' : null,
      regionsOfInterest: rand() < 0.4 ? [] : some(REGION_CODES, 3),
      engagementMinIdr: min,
      engagementMaxIdr: min === null ? null : min + Math.floor(rand() * 3000) * 1_000_000,
      updatedAt: daysAgo(Math.floor(rand() * 420)),
    });
  }

  // the triggers follow later changes too: a suspended partner, a closed potential, an edited profile
  await h.db.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, partnerIds[0]!));
  await h.db.update(potentials).set({ status: 'closed' }).where(eq(potentials.id, rows[0]!.id));
  await h.db
    .update(tenantProfiles)
    .set({ issues: ['inflasi', 'pariwisata'], updatedAt: daysAgo(3) })
    .where(eq(tenantProfiles.tenantId, partnerIds[1]!));

  sample = (
    await h.db
      .select()
      .from(potentials)
      .where(and(eq(potentials.status, 'published'), sql`${potentials.expiresOn} >= ${TODAY}`))
  ).filter((_, i) => i % 8 === 0);
  // past cooperation for the sampled owners: accepted and declined interests, and an agreement
  for (const [i, p] of sample.entries()) {
    const other = partnerIds[(i * 7 + 3) % partnerIds.length]!;
    const status = i % 3 === 0 ? ('declined' as const) : ('accepted' as const);
    await h.db.insert(interests).values({
      id: newId('interest'),
      potentialId: p.id,
      ownerTenantId: p.tenantId,
      fromTenantId: other,
      fromUserId: userId,
      message: 'Minat',
      status,
    });
    if (i % 2 === 0) {
      const agreementId = newId('agreement');
      await h.db.insert(agreements).values({
        id: agreementId,
        title: 'Kerja sama',
        kind: 'KSDPK',
        affairs: [],
        issues: [],
        createdBy: userId,
        // half confirmed by both, half still awaiting the other party (which must not count)
        confirmedAt: i % 4 === 0 ? new Date() : null,
      });
      await h.db.insert(agreementParties).values([
        { agreementId, tenantId: p.tenantId },
        { agreementId, tenantId: partnerIds[(i * 11 + 5) % partnerIds.length]! },
      ]);
    }
  }
}, 180_000);

afterAll(async () => {
  await h.close();
});

const key = (xs: { id: string; score: number }[]) => xs.map((x) => `${x.id}:${x.score}`);

describe('matching through the database equals ranking everyone in memory', () => {
  it('for every sampled potential, page by page and under each filter', async () => {
    const all = await universe();
    expect(sample.length).toBeGreaterThan(20);
    let compared = 0;
    for (const p of sample) {
      const target = await targetOf(p);
      const history = await historyOf(p.tenantId);
      const filters: { query: string; keep: (c: Candidate) => boolean }[] = [
        { query: '', keep: () => true },
        { query: '&candidateType=partner', keep: (c) => c.type === 'partner' },
        { query: '&candidateType=region', keep: (c) => c.type === 'potential' },
        {
          query: '&province=72',
          keep: (c) =>
            c.type === 'potential'
              ? c.provinceCode === '72'
              : c.regionsOfInterest.some((r) => r === '72' || r.startsWith('72.')),
        },
      ];
      for (const f of filters) {
        const expected = rank(target, all.filter(f.keep), { now: NOW, labels: LABELS, history });
        let cursor: string | null = null;
        for (let page = 0; page < 3; page++) {
          const limit = [7, 5, 20][page]!;
          const res: { status: number; body: Page } = await h.json<Page>(
            `/v1/tenants/${p.tenantId}/potentials/${p.id}/matches?limit=${limit}${f.query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            { headers: bearer(admin.token) },
          );
          expect(res.status).toBe(200);
          const offset = [0, 7, 12][page]!;
          expect(res.body.total).toBe(expected.total);
          expect(
            key(
              res.body.data.map((m) => ({
                id: m.candidate.potentialId ?? m.candidate.tenantId,
                score: m.score,
              })),
            ),
          ).toEqual(
            key(
              expected.matches
                .slice(offset, offset + limit)
                .map((m) => ({ id: m.candidate.id, score: m.score })),
            ),
          );
          compared++;
          cursor = res.body.nextCursor;
          if (!cursor) break;
        }
      }
    }
    expect(compared).toBeGreaterThan(80);
  }, 120_000);

  it('keeps the vocabularies’ bit order in the database functions (a new code needs a migration)', async () => {
    const { rows } = await h.client.query<{ issues: string[]; affairs: string[]; kinds: string[] }>(
      'select sinergi_issues() as issues, sinergi_affairs() as affairs, sinergi_kinds() as kinds',
    );
    expect(rows[0]!.issues).toEqual(codes('strategic-issues'));
    expect(rows[0]!.kinds).toEqual(codes('cooperation-kinds'));
    expect(rows[0]!.affairs).toEqual(codes('affairs'));
    expect(codes('affairs').length).toBeLessThanOrEqual(32);
    for (const [i, code] of codes('affairs').entries()) {
      const r = await h.client.query<{ m: number }>(
        'select sinergi_code_mask($1::text[], sinergi_affairs()) as m',
        [[code, 'not_a_code']],
      );
      expect(r.rows[0]!.m).toBe(1 << i);
    }
  });
});
