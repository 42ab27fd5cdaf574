import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potentials, regions } from '../../db/schema';
import { seedDemo } from '../../db/seed/demo';
import { POTENTIALS } from '../../db/seed/demo-catalogue';
import { placesOf, searchTextOf } from '../../src/potentials/search-text';
import { createHarness, type Harness } from '../support/harness';

/** `npm run seed:demo` writes what the API itself would have written. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.db);
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the demo catalogue', () => {
  it('builds each potential’s search text exactly as the API does (labels and place names included)', async () => {
    const rows = await h.db.select().from(potentials);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    const places = await placesOf(
      h.db,
      rows.map((r) => r.regionCode),
    );
    for (const row of rows) {
      const built = searchTextOf(row, places.get(row.regionCode)!);
      expect(row.searchText, row.title).toBe(built.searchText);
      expect(row.searchTextEn, row.title).toBe(built.searchTextEn);
    }
  });

  it('places PLBN Aruk in Kabupaten Sambas', async () => {
    const rows = await h.db.select().from(potentials);
    const aruk = rows.find((r) => r.title.includes('Aruk'))!;
    const all = await h.db.select().from(regions);
    expect(all.find((r) => r.code === aruk.regionCode)?.name).toBe('Kabupaten Sambas');
  });

  it('shows Bali’s forum to everyone, registration open, with Bali’s potentials on the agenda', async () => {
    const res = await h.json<{
      data: {
        title: string;
        status: string;
        zoneLabel: string;
        agenda: { potentialIds: string[] }[];
      }[];
    }>('/v1/forums?province=51&when=upcoming');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const [session] = res.body.data;
    expect(session).toMatchObject({ status: 'registration_open', zoneLabel: 'WITA' });
    expect(session!.agenda.flatMap((a) => a.potentialIds).length).toBeGreaterThan(0);
    // seeding again replaces the demo forum rather than adding one
    await seedDemo(h.db);
    const again = await h.json<{ data: unknown[] }>('/v1/forums?province=51');
    expect(again.body.data).toHaveLength(1);
  });

  it('is found through the catalogue by an affair’s label, as an API-made potential is', async () => {
    const res = await h.json<{ total: number }>('/v1/catalog/potentials?q=pariwisata');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
  });

  it('gives the same results and total whatever the page size', async () => {
    // incl. a typo (the fallback runs before paging too) and words only optional or expanded
    for (const q of [
      'inflasi pangan',
      'kelola sampah',
      'wisata bahari',
      'perbatasan',
      'sampha',
      'SPAM regional',
    ]) {
      const page = (limit: number) =>
        h.json<{ total: number; data: { id: string }[] }>(
          `/v1/catalog/potentials?q=${encodeURIComponent(q)}&limit=${limit}`,
        );
      const [one, ten, all] = await Promise.all([page(1), page(10), page(100)]);
      expect(one.body.total, q).toBe(all.body.total);
      expect(ten.body.total, q).toBe(all.body.total);
      expect(
        one.body.data.map((d) => d.id),
        q,
      ).toEqual(all.body.data.slice(0, 1).map((d) => d.id));
      expect(
        ten.body.data.map((d) => d.id),
        q,
      ).toEqual(all.body.data.slice(0, 10).map((d) => d.id));
    }
  });

  const search = async (q: string) => {
    const res = await h.json<{
      total: number;
      data: { title: string; regionCode: string; provinceCode: string }[];
    }>(`/v1/catalog/potentials?q=${encodeURIComponent(q)}&limit=100`);
    expect(res.status, q).toBe(200);
    return res.body;
  };
  const byTitle = new Map(POTENTIALS.map((p) => [p.title, p]));

  it('finds the tourism potentials for an English query, through the English labels and the thesaurus', async () => {
    const found = await search('tourism');
    const titles = found.data.map((d) => d.title);
    for (const t of [
      'Pengembangan desa wisata berbasis subak',
      'Paket wisata bersama Mandalika–Gili',
      'Wisata bahari dan selam Raja Ampat',
      'Destinasi super prioritas Labuan Bajo dan Flores',
    ])
      expect(titles).toContain(t);
    // everything found is about tourism, as its writer or its region classified it
    for (const t of titles) {
      const p = byTitle.get(t)!;
      expect(
        p.topics.includes('wisata') ||
          p.issues.includes('pariwisata') ||
          p.affairs.includes('pariwisata'),
        t,
      ).toBe(true);
    }
    const warning = (await search('disaster early warning')).data.map((d) => d.title);
    expect(warning).toContain('Sistem peringatan dini tsunami dan likuefaksi');
    expect(warning).toContain('Peringatan dini tsunami pesisir Selat Sunda');
  });

  it('does not take UMKM for "umum", nor correct a short word into another', async () => {
    const umkm = await search('UMKM');
    expect(umkm.total).toBeGreaterThan(5);
    for (const d of umkm.data)
      expect(byTitle.get(d.title)!.topics.join(), d.title).toMatch(
        /umkm|industri|wisata|pertanian|kemiskinan|olahraga|budaya|digital/,
      );
    // these say "umum" (public facilities, public works) and nothing of small business
    const titles = umkm.data.map((d) => d.title);
    expect(titles).not.toContain('Relokasi dan hunian tetap penyintas bencana Sigi');
    expect(titles).not.toContain('SPAM regional Wosusokas');
    // a short typo is not corrected at all: "umkn" is one letter from "umum" as well as from "umkm"
    expect((await search('umkn')).total).toBe(0);
    // and the affix look-alikes of the old trigram fallback do not come back
    expect((await search('sampha')).data.map((d) => d.title)).not.toContain(
      'Pemantauan lahar dingin Merapi', // says "sampai"
    );
  });

  it('finds a region’s potentials by its name and a province’s by its name or short form', async () => {
    const sigi = await search('Sigi');
    expect(sigi.data.length).toBeGreaterThan(0);
    expect(new Set(sigi.data.map((d) => d.regionCode))).toEqual(new Set(['72.10']));
    const inSigi = POTENTIALS.filter((p) => p.region === '72.10').map((p) => p.title);
    expect(sigi.data.map((d) => d.title).sort()).toEqual(inSigi.sort());
    for (const [q, province] of [
      ['Kalbar', '61'],
      ['Sulteng', '72'],
      ['NTB', '52'],
      ['Jatim', '35'],
      ['West Java', '32'],
    ] as const) {
      const found = await search(q);
      const expected = POTENTIALS.filter((p) => p.region.startsWith(`${province}.`));
      expect(found.total, q).toBe(expected.length);
      expect(new Set(found.data.map((d) => d.provinceCode)), q).toEqual(new Set([province]));
    }
  });

  it('corrects a typo of five letters or more to the closest words, with what the thesaurus adds', async () => {
    const found = (await search('stuntng')).data.map((d) => d.title);
    // "stunting" and, through the thesaurus, "tengkes" and "gizi"
    expect(found).toContain('Percepatan penurunan stunting Kabupaten Kupang');
    expect(found).toContain('Telur dan ikan untuk balita Brebes');
    expect((await search('kemiskinann')).total).toBe((await search('kemiskinan')).total);
  });

  it('answers 400 naming q for a query without a word to search for, and takes a negation alone as "all but"', async () => {
    for (const q of ['- -', '"-"', '?!']) {
      const res = await h.json<{ errors: { location: string }[] }>(
        `/v1/catalog/potentials?q=${encodeURIComponent(q)}`,
      );
      expect(res.status, q).toBe(400);
      expect(res.body.errors.map((e) => e.location)).toContain('query.q');
    }
    const all = (await search('bencana')).total;
    const without = await search('bencana -tsunami');
    expect(without.total).toBeGreaterThan(0);
    expect(without.total).toBeLessThan(all);
    expect(without.data.map((d) => d.title)).not.toContain(
      'Peringatan dini tsunami pesisir Selat Sunda',
    );
    const noTsunami = await search('-tsunami');
    expect(noTsunami.total).toBe(POTENTIALS.length - (await search('tsunami')).total);
  });
});
