import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, twoRegions } from '../support/actors';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';
import { potentialBody } from '../support/potentials';

/** A potential and an agreement name their object; the regulations that then apply come back as a checklist. */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
}, 60_000);
afterAll(() => h?.close());

type Regulated = { regulations: { code: string; title: string }[] };

describe('the object of cooperation and its regulations (issue 11, item 5)', () => {
  it('lists the regulations for a potential about regional assets', async () => {
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ object: 'aset_daerah', cooperationKinds: ['KSDD'] }),
      fx.adminA.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const got = await h.json<Regulated & { object: string }>(
      `/v1/tenants/${fx.a}/potentials/${id}`,
      { headers: { authorization: `Bearer ${fx.adminA.token}` } },
    );
    expect(got.body.object).toBe('aset_daerah');
    expect(got.body.regulations.map((r) => r.code)).toEqual([
      'PP 28/2018',
      'Permendagri 22/2020',
      'PP 27/2014',
      'Permendagri 19/2016',
    ]);
  });

  it('refuses an object that is not in the list, naming the field', async () => {
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/potentials`,
      potentialBody({ object: 'apa_saja' }),
      fx.adminA.token,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.[0]?.location).toBe('body.object');
  });

  it('lists procurement rules on an agreement about goods and services', async () => {
    const res = await post(
      h,
      `/v1/tenants/${fx.a}/agreements`,
      {
        title: 'Pengadaan bersama alat berat',
        parties: [fx.a, fx.b],
        kind: 'KSDD',
        object: 'barang_jasa',
      },
      fx.adminA.token,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as Regulated).regulations.map((r) => r.code)).toEqual([
      'PP 28/2018',
      'Permendagri 22/2020',
      'Perpres 16/2018',
      'Peraturan LKPP 9/2018',
    ]);
  });
});
