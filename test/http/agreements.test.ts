import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, bearer, platformAdmin, post, regionTenantId } from '../support/actors';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

type Agreement = {
  id: string;
  stage: string;
  flags: { stalled: boolean; expiring: boolean; overdueActions: number; evaluationDue: boolean };
  actions: { id: string }[];
  history: { toStage: string }[];
};

let h: Harness;
let palu: string;
let sigi: string;
let paluAdmin: { token: string };
let sigiAdmin: { token: string };
let platform: { token: string };
const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createHarness();
  platform = await platformAdmin(h);
  palu = await regionTenantId(h, '72.71');
  sigi = await regionTenantId(h, '72.10');
  paluAdmin = await addMember(h, platform.token, palu, 'admin');
  sigiAdmin = await addMember(h, platform.token, sigi, 'admin');
}, 120_000);
afterAll(async () => {
  await h.close();
});

const create = async (title: string) => {
  const res = await post(
    h,
    `/v1/tenants/${palu}/agreements`,
    {
      title,
      parties: [palu, sigi],
      kind: 'KSDD',
      model: 'joint_authority',
      affairs: ['trantibum_linmas'],
      issues: ['penanggulangan_bencana'],
    },
    paluAdmin.token,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Agreement;
};
const move = (id: string, body: Record<string, unknown>, tenant = palu, token = paluAdmin.token) =>
  post(h, `/v1/tenants/${tenant}/agreements/${id}/transitions`, body, token);

describe('agreements', () => {
  it('goes from Kesepakatan Bersama through PKS to an evaluation, without skipping a stage', async () => {
    const a = await create('Sistem peringatan dini bersama Teluk Palu');
    const skipped = await move(a.id, {
      stage: 'perjanjian_kerja_sama',
      pksNumber: 'PKS/1',
      pksDate: day(-1),
      pksStart: day(0),
      pksEnd: day(700),
      burdensBudget: false,
    });
    expect(skipped.status).toBe(409);
    expect(((await skipped.json()) as ProblemBody).detail).toContain('tidak boleh dilompati');

    expect((await move(a.id, { stage: 'kesepakatan_bersama' })).status).toBe(400);
    expect(
      (
        await move(a.id, {
          stage: 'kesepakatan_bersama',
          kbNumber: 'KB/01/2026',
          kbDate: day(-10),
          kbSignatories: ['Wali Kota Palu', 'Bupati Sigi'],
        })
      ).status,
    ).toBe(200);

    const backwards = await move(a.id, {
      stage: 'perjanjian_kerja_sama',
      pksNumber: 'PKS/1',
      pksDate: day(-1),
      pksStart: day(10),
      pksEnd: day(5),
      burdensBudget: false,
    });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as ProblemBody).errors?.[0]?.location).toBe('body.pksEnd');
    const noDprd = await move(a.id, {
      stage: 'perjanjian_kerja_sama',
      pksNumber: 'PKS/1',
      pksDate: day(-1),
      pksStart: day(0),
      pksEnd: day(700),
      burdensBudget: true,
    });
    expect(((await noDprd.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.dprdApprovalRef',
    );
    expect(
      (
        await move(
          a.id,
          {
            stage: 'perjanjian_kerja_sama',
            pksNumber: 'PKS/1',
            pksDate: day(-1),
            pksStart: day(0),
            pksEnd: day(700),
            burdensBudget: true,
            dprdApprovalRef: 'Persetujuan DPRD 12/2026',
          },
          sigi,
          sigiAdmin.token,
        )
      ).status,
    ).toBe(200);

    const withAction = (await (
      await post(
        h,
        `/v1/tenants/${palu}/agreements/${a.id}/actions`,
        { title: 'Pemasangan sirene', responsibleTenantId: sigi, dueDate: day(-1) },
        paluAdmin.token,
      )
    ).json()) as Agreement;
    expect(withAction.flags.overdueActions).toBe(1);
    const done = await h.request(
      `/v1/tenants/${palu}/agreements/${a.id}/actions/${withAction.actions[0]!.id}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...bearer(paluAdmin.token) },
        body: JSON.stringify({ status: 'done' }),
      },
    );
    expect(((await done.json()) as Agreement).flags.overdueActions).toBe(0);

    expect((await move(a.id, { stage: 'implementing' })).status).toBe(200);
    expect((await move(a.id, { stage: 'evaluated' })).status).toBe(409); // evaluation first
    await post(
      h,
      `/v1/tenants/${palu}/agreements/${a.id}/evaluations`,
      {
        date: day(0),
        findings: 'Sirene berfungsi; latihan evakuasi perlu diperluas.',
        rating: 4,
        nextEvaluationDate: day(180),
      },
      paluAdmin.token,
    );
    await post(
      h,
      `/v1/tenants/${palu}/agreements/${a.id}/documents`,
      {
        title: 'Perjanjian Kerja Sama',
        number: 'PKS/1',
        date: day(-1),
        link: 'https://jdih.palukota.go.id/pks-1',
      },
      paluAdmin.token,
    );
    const evaluated = await move(a.id, { stage: 'evaluated' });
    const body = (await evaluated.json()) as Agreement;
    expect(body.stage).toBe('evaluated');
    expect(body.history.map((e) => e.toStage)).toEqual([
      'initiated',
      'kesepakatan_bersama',
      'perjanjian_kerja_sama',
      'implementing',
      'evaluated',
    ]);

    // parties see it; a province sees its regions'; the catalogue counts it
    const province = await regionTenantId(h, '72');
    const facilitator = await addMember(h, platform.token, province, 'admin');
    const listed = await h.json<{ data: { id: string }[] }>(`/v1/tenants/${province}/agreements`, {
      headers: bearer(facilitator.token),
    });
    expect(listed.body.data.map((x) => x.id)).toContain(a.id);
    expect(
      (await h.json<{ activeAgreements: number }>('/v1/catalog/regions/72.71/profile')).body
        .activeAgreements,
    ).toBeGreaterThanOrEqual(1);
    // another region does not
    const other = await addMember(h, platform.token, await regionTenantId(h, '73.71'), 'admin');
    expect(
      (await h.request(`/v1/tenants/${palu}/agreements/${a.id}`, { headers: bearer(other.token) }))
        .status,
    ).toBe(404);
  });

  it('flags a stalled and an expiring agreement', async () => {
    const stalled = await create('Kesepakatan tanpa tindak lanjut');
    await move(stalled.id, {
      stage: 'kesepakatan_bersama',
      kbNumber: 'KB/02',
      kbDate: day(-100),
      kbSignatories: ['Wali Kota Palu'],
    });
    const expiring = await create('PKS hampir berakhir');
    await move(expiring.id, {
      stage: 'kesepakatan_bersama',
      kbNumber: 'KB/03',
      kbDate: day(-400),
      kbSignatories: ['Bupati Sigi'],
    });
    await move(expiring.id, {
      stage: 'perjanjian_kerja_sama',
      pksNumber: 'PKS/3',
      pksDate: day(-380),
      pksStart: day(-365),
      pksEnd: day(30),
      burdensBudget: false,
    });
    await post(
      h,
      `/v1/tenants/${palu}/agreements/${expiring.id}/actions`,
      { title: 'Laporan akhir', responsibleTenantId: palu, dueDate: day(20) },
      paluAdmin.token,
    );
    const list = await h.json<{ data: { id: string; flags: Agreement['flags'] }[] }>(
      `/v1/tenants/${palu}/agreements`,
      { headers: bearer(paluAdmin.token) },
    );
    expect(list.body.data.find((x) => x.id === stalled.id)!.flags).toMatchObject({
      stalled: true,
      expiring: false,
    });
    expect(list.body.data.find((x) => x.id === expiring.id)!.flags).toMatchObject({
      stalled: false,
      expiring: true,
    });
  });

  it('refuses bad parties, codes and sources, naming the field', async () => {
    const res = await post(
      h,
      `/v1/tenants/${palu}/agreements`,
      {
        title: 'X',
        parties: [palu, 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta'],
        kind: 'KSDX',
        affairs: ['sihir'],
        source: { type: 'interest', id: 'int_01jd2x6v0m8kq3b7e5y4w9c1ta' },
      },
      paluAdmin.token,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors?.map((e) => e.location).sort()).toEqual([
      'body.affairs.0',
      'body.kind',
      'body.parties.1',
      'body.source.id',
    ]);
    const alone = await post(
      h,
      `/v1/tenants/${palu}/agreements`,
      { title: 'X', parties: [sigi, sigi], kind: 'KSDD' },
      paluAdmin.token,
    );
    expect(((await alone.json()) as ProblemBody).errors?.map((e) => e.location)).toContain(
      'body.parties',
    );
  });
});
