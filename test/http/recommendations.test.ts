import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potentials, regions, tenantProfiles, tenants } from '../../db/schema';
import { newId } from '../../src/platform/ids';
import { canonicalCodes, VOCABULARIES } from '../../src/reference/vocabularies';
import { isCandidate, scoreValue } from '../../src/scoring/score';
import { type Candidate, type Target } from '../../src/scoring/types';
import { PARTNER_KIND_TO_COOPERATION } from '../../src/scoring/weights';
import { bearer, platformAdmin } from '../support/actors';
import { createHarness, type Harness } from '../support/harness';

/**
 * Recommendations bound scores in the database and score only the rows that
 * can reach the page: here they are checked against scoring every published
 * potential in memory with the pure scorer, on a random catalogue with
 * neighbours, mandatory potentials, values and every partner kind.
 */
let h: Harness;
let admin: { token: string };
let seed = 17;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number) => [
  ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(xs))),
];
const codes = (name: string) => VOCABULARIES.find((v) => v.name === name)!.terms.map((t) => t.code);
const ISSUES = codes('strategic-issues').slice(0, 4);
const AFFAIRS = codes('affairs').slice(0, 6);
const NOW = new Date();

let regionTenants: { id: string; code: string }[] = [];
const partnerIds: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  admin = await platformAdmin(h);
  // 40 regions in three provinces and beyond, 600 published potentials, 30 partners
  const all = await h.db
    .select({ id: tenants.id, code: tenants.regionCode })
    .from(tenants)
    .where(sql`${tenants.type} = 'region' and ${tenants.regionCode} ~ '^(72|73|51|35)\\.'`);
  regionTenants = all.slice(0, 40).map((t) => ({ id: t.id, code: t.code! }));
  for (const t of regionTenants)
    await h.db.insert(tenantProfiles).values({
      tenantId: t.id,
      neighbours:
        rand() < 0.5
          ? some(
              regionTenants.map((r) => r.code),
              3,
            )
          : [],
    });
  const rows = Array.from({ length: 600 }, () => {
    const t = pick(regionTenants);
    return {
      id: newId('potential'),
      tenantId: t.id,
      regionCode: t.code,
      provinceCode: t.code.slice(0, 2),
      title: `Potensi ${Math.floor(rand() * 1e6)}`,
      activity: 'Kegiatan',
      problem: 'Masalah',
      potential: 'Potensi',
      target: 'Sasaran',
      process: [{ party: 'Pemerintah daerah', role: 'Koordinasi' }],
      outputs: ['Keluaran'],
      outcome: 'Hasil',
      outcomeIndicator: 'Indikator',
      direction: rand() < 0.5 ? ('offer' as const) : ('need' as const),
      cooperationKinds: some(['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'], 3),
      mandatory: rand() < 0.2,
      affairs: some(AFFAIRS, 3),
      issues: some(ISSUES, 2),
      valueIdr: rand() < 0.3 ? null : Math.floor(rand() * 20_000) * 1_000_000,
      horizon: 'medium' as const,
      expiresOn: '2099-12-31',
      status: 'published' as const,
      publishedAt: NOW,
      updatedAt: new Date(NOW.getTime() - Math.floor(rand() * 400) * 86400_000),
      searchText: '',
    };
  });
  await h.db.insert(potentials).values(rows);
  const kinds = Object.keys(PARTNER_KIND_TO_COOPERATION);
  for (let i = 0; i < 30; i++) {
    const id = newId('tenant');
    partnerIds.push(id);
    await h.db.insert(tenants).values({
      id,
      type: 'partner',
      name: `Mitra ${i}`,
      status: 'active',
      partnerKind: pick(kinds),
    });
    await h.db.insert(tenantProfiles).values({
      tenantId: id,
      issues: some(ISSUES, 2),
      affairs: some(AFFAIRS, 3),
      regionsOfInterest:
        rand() < 0.3 ? [] : some([...regionTenants.map((r) => r.code), '72', '51'], 3),
      engagementMinIdr: rand() < 0.5 ? null : 100_000_000,
      engagementMaxIdr: rand() < 0.5 ? null : Math.floor(rand() * 20_000) * 1_000_000,
      updatedAt: new Date(NOW.getTime() - Math.floor(rand() * 400) * 86400_000),
    });
  }
}, 120_000);
afterAll(async () => {
  await h.close();
});

/** Every published potential scored against the tenant's candidates in memory: what the endpoint must equal. */
async function expected(tenantId: string) {
  const [tenant] = await h.db.select().from(tenants).where(sql`${tenants.id} = ${tenantId}`);
  const regionRows = new Map((await h.db.select().from(regions)).map((r) => [r.code, r]));
  const profiles = new Map((await h.db.select().from(tenantProfiles)).map((p) => [p.tenantId, p]));
  const published = await h.db.select().from(potentials);
  const own: Candidate[] =
    tenant!.type === 'partner'
      ? [
          {
            type: 'partner',
            id: tenant!.id,
            tenantId: tenant!.id,
            name: tenant!.name,
            partnerKind: tenant!.partnerKind!,
            ...(() => {
              const p = profiles.get(tenant!.id)!;
              return {
                issues: p.issues,
                affairs: p.affairs,
                offers: p.offers,
                regionsOfInterest: p.regionsOfInterest,
                engagementMinIdr: p.engagementMinIdr,
                engagementMaxIdr: p.engagementMaxIdr,
                updatedAt: p.updatedAt,
              };
            })(),
          },
        ]
      : published
          .filter((p) => p.tenantId === tenantId)
          .map((p) => ({
            type: 'potential',
            id: p.id,
            tenantId: p.tenantId,
            title: p.title,
            regionCode: p.regionCode,
            provinceCode: p.provinceCode,
            islandGroup: regionRows.get(p.regionCode)!.islandGroup,
            autonomous: true,
            direction: p.direction,
            affairs: p.affairs,
            issues: p.issues,
            cooperationKinds: p.cooperationKinds,
            valueIdr: p.valueIdr,
            updatedAt: p.updatedAt,
          }));
  const scored = published
    .filter((p) => p.tenantId !== tenantId)
    .map((p) => {
      const target: Target = {
        id: p.id,
        tenantId: p.tenantId,
        regionCode: p.regionCode,
        provinceCode: p.provinceCode,
        islandGroup: regionRows.get(p.regionCode)!.islandGroup,
        direction: p.direction,
        affairs: canonicalCodes(p.affairs),
        issues: canonicalCodes(p.issues),
        cooperationKinds: canonicalCodes(p.cooperationKinds),
        mandatory: p.mandatory,
        valueIdr: p.valueIdr,
        neighbours: profiles.get(p.tenantId)?.neighbours ?? [],
      };
      const best = Math.max(
        0,
        ...own.filter((c) => isCandidate(target, c)).map((c) => scoreValue(target, c, NOW)),
      );
      return { id: p.id, score: best };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return scored;
}

type Page = {
  data: { potential: { id: string }; score: number }[];
  total: number;
  nextCursor: string | null;
};

describe('recommendations', () => {
  it('equal scoring every published potential in memory, for partners of every kind and for regions, page after page', async () => {
    const asked = [...partnerIds.slice(0, 12), ...regionTenants.slice(0, 12).map((t) => t.id)];
    let compared = 0;
    for (const tenantId of asked) {
      const want = await expected(tenantId);
      let cursor: string | null = null;
      const got: { id: string; score: number }[] = [];
      let total = -1;
      for (let page = 0; page < 3; page++) {
        const res: { status: number; body: Page } = await h.json<Page>(
          `/v1/tenants/${tenantId}/recommendations?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { headers: bearer(admin.token) },
        );
        if (res.status !== 200) console.error(h.logs.slice(-3).join('\n'));
        expect(res.status).toBe(200);
        total = res.body.total;
        got.push(...res.body.data.map((d) => ({ id: d.potential.id, score: d.score })));
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      expect(total, tenantId).toBe(want.length);
      expect(got, tenantId).toEqual(want.slice(0, got.length));
      expect(got.length).toBe(Math.min(21, want.length));
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
