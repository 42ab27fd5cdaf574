import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potentials, regions } from '../../db/schema';
import { seedDemo } from '../../db/seed/demo';
import { searchTextOf } from '../../src/potentials/potentials';
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
  it('builds each potential’s search text exactly as the API does (affair and issue labels included)', async () => {
    const rows = await h.db.select().from(potentials);
    expect(rows.length).toBeGreaterThanOrEqual(13);
    for (const row of rows) expect(row.searchText, row.title).toBe(searchTextOf(row));
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

  it('gives the same results and total whatever the page size (issue 17)', async () => {
    for (const q of ['inflasi pangan', 'kelola sampah', 'wisata bahari', 'perbatasan']) {
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
});
