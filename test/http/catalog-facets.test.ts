import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { rowsOf } from '../../src/platform/rows';
import { post, twoRegions } from '../support/actors';
import { createHarness, type Harness } from '../support/harness';
import { potentialBody, publishPotential } from '../support/potentials';

/**
 * The catalogue's facet counts (migration 0032): one sum of the entries'
 * packed facet values over the matches, and for the whole catalogue the sums
 * kept per expiry day. Every answer must equal counting each matching
 * potential's values one by one — here from the export of the same filters,
 * which lists every match with its values.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;

type Facets = {
  total: number;
  direction: { code: string; count: number }[];
  kind: { code: string; count: number }[];
  affairs: { code: string; count: number }[];
  issues: { code: string; count: number }[];
  model: { code: string; count: number }[];
  province: { code: string; label: string; count: number }[];
};
type Exported = { data: Record<string, string | null>[] };

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.db);
  fx = await twoRegions(h);
}, 120_000);
afterAll(() => h.close());

/** The facets as the API answers them, as one map: "affairs pariwisata" → 12. */
async function facetsOf(query: string) {
  const res = await h.json<Facets>(`/v1/catalog/potentials/facets${query}`);
  expect(res.status).toBe(200);
  const counts = new Map<string, number>();
  const { total, ...lists } = res.body;
  for (const [facet, list] of Object.entries(lists))
    for (const v of list) counts.set(`${facet} ${v.code}`, v.count);
  return { total, counts, body: res.body };
}

/** The same counts from the export: every match, each value of it once. */
async function countedOneByOne(query: string) {
  const res = await h.json<Exported>(`/v1/catalog/export.json${query}`);
  expect(res.status).toBe(200);
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const row of res.body.data) {
    add(`direction ${row.direction}`);
    add(`province ${row.province_code}`);
    if (row.model) add(`model ${row.model}`);
    for (const [facet, column] of [
      ['kind', 'cooperation_kinds'],
      ['affairs', 'affairs'],
      ['issues', 'issues'],
    ] as const)
      for (const code of new Set(String(row[column] ?? '').split('|')))
        if (code) add(`${facet} ${code}`);
  }
  return { total: res.body.data.length, counts };
}

async function expectSameCounts(query: string) {
  const [packed, exact] = await Promise.all([facetsOf(query), countedOneByOne(query)]);
  expect(packed.total, query).toBe(exact.total);
  expect(Object.fromEntries(packed.counts), query).toEqual(Object.fromEntries(exact.counts));
  return packed;
}

const QUERIES = [
  '',
  '?q=wisata',
  '?q=air%20bersih',
  '?q=sampah&direction=need',
  '?province=72',
  '?affairs=pariwisata&issues=penanggulangan_bencana',
  '?q=air%20bersih%20desa%20pesisir',
  '?q=tourism%20-bali',
];

describe('catalogue facets counted from packed values', () => {
  it('equal counting every match one by one, for the whole catalogue, filters and text', async () => {
    for (const query of QUERIES) await expectSameCounts(query);
    const whole = await facetsOf('');
    expect(whole.total).toBeGreaterThan(100);
    // provinces carry their names
    expect(whole.body.province.find((p) => p.code === '72')?.label).toBe('Sulawesi Tengah');
  });

  it('follow publishing, closing and expiry in the whole catalogue and its kept totals', async () => {
    const before = await facetsOf('');
    const id = await publishPotential(h, fx.a, fx.adminA, null, {
      affairs: ['kelautan_perikanan'],
      direction: 'need',
      expiresOn: new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10),
    });
    const published = await expectSameCounts('');
    expect(published.total).toBe(before.total + 1);
    expect(published.counts.get('affairs kelautan_perikanan')).toBe(
      (before.counts.get('affairs kelautan_perikanan') ?? 0) + 1,
    );
    // kept per expiry day: equal to grouping the entries again
    const kept = await rowsOf(
      h.db,
      sql`select t.expires_on::text, t.entries, t.unpacked, t.pack::text from catalog_totals t where t.entries > 0 order by 1`,
    );
    const regrouped = await rowsOf(
      h.db,
      sql`select expires_on::text, count(*)::int as entries, (count(*) - count(facet_pack))::int as unpacked, sum(facet_pack)::text as pack
        from catalog_entries group by 1 order by 1`,
    );
    expect(kept).toEqual(regrouped);

    // 41 days on, it has expired: the whole catalogue's counts drop it (the demo's potentials run longer)
    h.advance(41 * 86400_000);
    const later = await expectSameCounts('');
    expect(later.total).toBe(before.total);
    h.advance(-41 * 86400_000);

    const closed = await post(
      h,
      `/v1/tenants/${fx.a}/potentials/${id}/transitions`,
      { action: 'close' },
      fx.adminA.token,
    );
    expect(closed.status).toBe(200);
    const after = await expectSameCounts('');
    expect(after.total).toBe(before.total);
  });

  it('count one by one, still right, an entry whose value has no slot yet, until the load gives it one', async () => {
    // an affair no published potential holds yet loses its slot: as if the code knew a term the
    // reference data load had not yet given one (slots are otherwise never removed)
    const free = await rowsOf(
      h.db,
      sql`select code from catalog_facet_slots s where facet = 'affairs'
        and not exists (select 1 from catalog_entries e where s.code = any(e.affairs)) order by slot desc limit 1`,
    );
    const code = (free[0] as { code: string }).code;
    await rowsOf(
      h.db,
      sql`delete from catalog_facet_slots where facet = 'affairs' and code = ${code}`,
    );
    await publishPotential(h, fx.a, fx.adminA, null, { affairs: [code], direction: 'offer' });
    const unpacked = async () =>
      (
        await rowsOf(
          h.db,
          sql`select count(*)::int as n from catalog_entries where facet_pack is null`,
        )
      )[0];
    expect(await unpacked()).toEqual({ n: 1 });
    for (const query of [...QUERIES, `?affairs=${code}`]) await expectSameCounts(query);
    expect((await facetsOf(`?affairs=${code}`)).total).toBe(1);

    // the load gives it a slot after the last, repacking every entry and keeping the totals
    const last = await rowsOf(h.db, sql`select max(slot)::int as m from catalog_facet_slots`);
    const added = await rowsOf(h.db, sql`select sinergi_catalog_facet_slots_sync() as added`);
    expect(added[0]).toEqual({ added: 1 });
    const slot = await rowsOf(
      h.db,
      sql`select slot from catalog_facet_slots where facet = 'affairs' and code = ${code}`,
    );
    expect(slot[0]).toEqual({ slot: (last[0] as { m: number }).m + 1 });
    expect(await unpacked()).toEqual({ n: 0 });
    const kept = await rowsOf(
      h.db,
      sql`select sum(entries)::int as entries, sum(unpacked)::int as unpacked from catalog_totals`,
    );
    expect(kept[0]).toEqual({ entries: (await facetsOf('')).total, unpacked: 0 });
    for (const query of [...QUERIES, `?affairs=${code}`]) await expectSameCounts(query);
  });
});

describe('the typo fallback’s word list (migration 0034)', () => {
  it('holds the catalogue’s words: a word only in a draft is not in it until a potential with it is published', async () => {
    const inList = async () =>
      (await rowsOf(h.db, sql`select word from catalog_words where word = 'zirkonata'`)).length;
    const search = async () =>
      (
        await h.json<{ total: number; data: { title: string }[] }>(
          '/v1/catalog/potentials?q=zirkonta',
        )
      ).body;
    const draft = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ title: 'Pengolahan pasir zirkonata pesisir' }),
      fx.adminA.token,
    );
    expect(draft.status).toBe(201);
    expect(await inList()).toBe(0);
    expect((await search()).total).toBe(0);

    await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Pengolahan pasir zirkonata pesisir',
    });
    expect(await inList()).toBe(1);
    // the misspelt word is corrected to the published one's, and only the published one is found
    const found = await search();
    expect(found.total).toBe(1);
    expect(found.data[0]!.title).toBe('Pengolahan pasir zirkonata pesisir');
  });
});
