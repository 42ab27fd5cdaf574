import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntries, potentials, tenants } from '../../db/schema';
import { newId } from '../../src/platform/ids';
import { placesOf, searchTextOf } from '../../src/potentials/search-text';
import { createHarness, type Harness } from '../support/harness';

/**
 * The catalogue's ranking in two tiers and its bounded total: the
 * words in the title, then in the activity, rank first; a match elsewhere
 * comes after, newest first; a text search counts up to 200.
 */
let h: Harness;
const titled = [
  'Budidaya rumput laut Teluk',
  'Rumput laut dan garam rakyat',
  'Rumput laut pesisir',
];
const inActivity = ['Sentra olahan pesisir A', 'Sentra olahan pesisir B'];
const ELSEWHERE = 226; // 3 + 2 + 226 = 231 matches, past the bound of 200
const DAY = 86400_000;
let ids: { titled: string[]; inActivity: string[]; elsewhere: string[] };

type Page = {
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
  data: { id: string; title: string; score: number | null }[];
};

beforeAll(async () => {
  h = await createHarness();
  const regionTenants = await h.db
    .select({ id: tenants.id, code: tenants.regionCode })
    .from(tenants)
    .where(eq(tenants.type, 'region'))
    .limit(40);
  const places = await placesOf(
    h.db,
    regionTenants.map((t) => t.code!),
  );
  const now = Date.now();
  const row = (i: number, title: string, activity: string, problem: string) => {
    const t = regionTenants[i % regionTenants.length]!;
    const base = {
      id: newId('potential'),
      tenantId: t.id,
      regionCode: t.code!,
      provinceCode: t.code!.slice(0, 2),
      title,
      activity,
      problem,
      potential: 'Potensi daerah.',
      target: 'Meningkatkan kesejahteraan masyarakat.',
      process: [{ party: 'Pemerintah daerah', role: 'Koordinasi' }],
      outputs: ['Dokumen rencana aksi'],
      outcome: 'Layanan meningkat.',
      outcomeIndicator: 'Indeks kepuasan masyarakat',
      direction: 'offer' as const,
      cooperationKinds: ['KSDD'],
      mandatory: false,
      affairs: ['kelautan_perikanan'],
      issues: [],
      horizon: 'medium' as const,
      expiresOn: '2031-12-31',
      status: 'published' as const,
      // distinct days: "newest first" is one order
      publishedAt: new Date(now - (i + 1) * DAY),
      candidatePartner: null,
    };
    return { ...base, ...searchTextOf(base, places.get(base.regionCode)!) };
  };
  const rows = [
    // the titled ones are the oldest: their tier, not their date, puts them first
    ...titled.map((t, i) =>
      row(
        1000 + i,
        t,
        'Kerja sama pengolahan hasil laut.',
        i === 0 ? 'Budidaya belum tertata.' : 'Belum tertata.',
      ),
    ),
    ...inActivity.map((t, i) =>
      row(900 + i, t, 'Kerja sama pengolahan rumput laut menjadi karaginan.', 'Belum tertata.'),
    ),
    ...Array.from({ length: ELSEWHERE }, (_, i) =>
      row(i, `Kawasan minapolitan ${i + 1}`, 'Kerja sama hilirisasi.', 'Harga rumput laut jatuh.'),
    ),
  ];
  await h.db.insert(potentials).values(rows);
  ids = {
    titled: rows.slice(0, 3).map((r) => r.id),
    inActivity: rows.slice(3, 5).map((r) => r.id),
    elsewhere: rows.slice(5).map((r) => r.id),
  };
}, 120_000);
afterAll(async () => {
  await h.close();
});

const get = async (query: string) => {
  const res = await h.json<Page>(`/v1/catalog/potentials?${query}`);
  expect(res.status, query).toBe(200);
  return res.body;
};
/** Every page, following `nextCursor`. */
const walk = async (query: string, limit: number) => {
  const seen: Page['data'] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await get(
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    seen.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
};

describe('catalogue ranking', () => {
  it('puts the words in the title first, then in the activity, then the rest newest first', async () => {
    const page = await get('q=rumput%20laut&limit=10');
    const order = page.data.map((d) => d.id);
    expect(new Set(order.slice(0, 3))).toEqual(new Set(ids.titled));
    expect(order.slice(3, 5).sort()).toEqual([...ids.inActivity].sort());
    // the rest: the newest of the potentials that hold the words only in their background
    expect(order.slice(5)).toEqual(ids.elsewhere.slice(0, 5));
    const scores = page.data.map((d) => d.score!);
    expect(Math.min(...scores.slice(0, 3))).toBeGreaterThan(Math.max(...scores.slice(3, 5)));
    expect(Math.min(...scores.slice(3, 5))).toBeGreaterThan(0);
    expect(scores.slice(5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts a text search up to 200 and says so; without text the total is exact', async () => {
    const text = await get('q=rumput%20laut&limit=5');
    expect(text).toMatchObject({ total: 200, totalIsLowerBound: true });
    const few = await get('q=karaginan&limit=5');
    expect(few).toMatchObject({ total: 2, totalIsLowerBound: false });
    const all = await get('limit=5');
    expect(all).toMatchObject({ total: 3 + 2 + ELSEWHERE, totalIsLowerBound: false });
  });

  it('pages past the bound and across the tiers the same whatever the page size', async () => {
    const [seven, hundred] = await Promise.all([
      walk('q=rumput%20laut', 7),
      walk('q=rumput%20laut', 100),
    ]);
    expect(hundred.map((d) => d.id)).toEqual(seven.map((d) => d.id));
    expect(hundred.map((d) => d.id).sort()).toEqual(
      [...ids.titled, ...ids.inActivity, ...ids.elsewhere].sort(),
    );
    // by newest with text: one order, every match
    const newest = await walk('q=rumput%20laut&sort=newest', 50);
    expect(newest.map((d) => d.id)).toEqual([...ids.elsewhere, ...ids.inActivity, ...ids.titled]);
  });

  it('keeps a negated word out of the title tier when it is elsewhere in the text', async () => {
    // the first titled potential says "Budidaya" in its title and its background
    const page = await get('q=rumput%20laut%20-budidaya&limit=10');
    const order = page.data.map((d) => d.id);
    expect(order).not.toContain(ids.titled[0]);
    expect(order.slice(0, 2).sort()).toEqual(ids.titled.slice(1).sort());
  });

  it('follows a potential leaving the catalogue and coming back', async () => {
    const id = ids.titled[1]!;
    await h.db.update(potentials).set({ status: 'closed' }).where(eq(potentials.id, id));
    expect((await get('q=garam&limit=10')).data.map((d) => d.id)).not.toContain(id);
    expect((await h.json(`/v1/catalog/potentials/${id}`)).status).toBe(404);
    await h.db.update(potentials).set({ status: 'published' }).where(eq(potentials.id, id));
    expect((await get('q=garam&limit=10')).data.map((d) => d.id)).toContain(id);
    const [entries] = await h.db.select({ n: count() }).from(catalogEntries);
    expect(entries!.n).toBe(3 + 2 + ELSEWHERE);
  });
});
