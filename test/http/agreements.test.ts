import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, bearer, newUser, post, regionTenantId, twoRegions } from '../support/actors';
import { confirmAgreement, type Signatory, signByAll } from '../support/agreements';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

type Agreement = {
  id: string;
  stage: string;
  stageLabel: { id: string; en: string };
  consent: string;
  parties: { id: string; status: string; kbNumber: string | null }[];
  signatures: { tenantId: string; signatoryName: string }[];
  kbSignatories: string[] | null;
  flags: {
    stalled: boolean;
    expiring: boolean;
    lapsed: boolean;
    overdueActions: number;
    evaluationDue: boolean;
  };
  actions: { id: string }[];
  history: { toStage: string }[];
};

let h: Harness;
let palu: string;
let sigi: string;
let paluAdmin: { token: string };
let sigiAdmin: { token: string };
let platform: { token: string };
let both: Signatory[];
const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createHarness();
  ({ platform, a: palu, b: sigi, adminA: paluAdmin, adminB: sigiAdmin } = await twoRegions(h));
  both = [
    { tenant: palu, token: paluAdmin.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
    { tenant: sigi, token: sigiAdmin.token, name: 'Mohamad Irwan', position: 'Bupati Sigi' },
  ];
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
/** Created by Palu, confirmed by Sigi: both bound. */
const agreed = async (title: string) => {
  const a = await create(title);
  await confirmAgreement(h, a.id, sigi, sigiAdmin.token);
  return a;
};
const auditActions = async (tenant: string, token: string) =>
  (
    await h.json<{ data: { action: string; targetId: string }[] }>(
      `/v1/tenants/${tenant}/audit-log?limit=200`,
      { headers: bearer(token) },
    )
  ).body.data;
const move = (id: string, body: Record<string, unknown>, tenant = palu, token = paluAdmin.token) =>
  post(h, `/v1/tenants/${tenant}/agreements/${id}/transitions`, body, token);

describe('agreements', () => {
  it('naming a party only invites it: the creator alone cannot move it, and it counts nowhere until confirmed', async () => {
    const profileCount = async () =>
      (await h.json<{ activeAgreements: number }>('/v1/catalog/regions/72.10/profile')).body
        .activeAgreements;
    const before = await profileCount();
    const a = await create('Kesepakatan yang belum disetujui Sigi');
    expect(a.consent).toBe('pending');
    // the stage named in each language: Indonesian as the documents are, English for English readers
    expect(a.stageLabel).toEqual({
      id: 'inisiasi',
      en: 'initiation',
    });
    expect(a.parties.find((p) => p.id === sigi)!.status).toBe('invited');
    // the creator cannot take it anywhere alone
    expect((await move(a.id, { stage: 'berakhir' })).status).toBe(409);
    const sign = await post(
      h,
      `/v1/tenants/${palu}/agreements/${a.id}/signatures`,
      {
        stage: 'kesepakatan_bersama',
        signatoryName: 'Hadianto Rasyid',
        signatoryPosition: 'Wali Kota Palu',
        signedOn: day(0),
        document: { number: 'KB/PALSU', date: day(0) },
      },
      paluAdmin.token,
    );
    expect(sign.status).toBe(409);
    expect(((await sign.json()) as ProblemBody).detail).toContain('mengonfirmasi');
    expect(
      (
        await post(
          h,
          `/v1/tenants/${palu}/agreements/${a.id}/actions`,
          { title: 'X', responsibleTenantId: sigi, dueDate: day(1) },
          paluAdmin.token,
        )
      ).status,
    ).toBe(409);
    // the invited party sees it to decide, with no flags; the province does not see it yet
    const sigiList = await h.json<{
      data: { id: string; consent: string; flags: Agreement['flags'] }[];
    }>(`/v1/tenants/${sigi}/agreements`, { headers: bearer(sigiAdmin.token) });
    expect(sigiList.body.data.find((x) => x.id === a.id)).toMatchObject({
      consent: 'pending',
      flags: {
        stalled: false,
        expiring: false,
        lapsed: false,
        overdueActions: 0,
        evaluationDue: false,
      },
    });
    const province = await regionTenantId(h, '72');
    const facilitator = await addMember(h, platform.token, province, 'admin');
    const provinceList = await h.json<{ data: { id: string }[] }>(
      `/v1/tenants/${province}/agreements`,
      { headers: bearer(facilitator.token) },
    );
    expect(provinceList.body.data.map((x) => x.id)).not.toContain(a.id);
    expect(await profileCount()).toBe(before);
    // only the invited party's admin (or head) answers, once
    const viewer = await addMember(h, sigiAdmin.token, sigi, 'viewer');
    expect(
      (
        await post(
          h,
          `/v1/tenants/${sigi}/agreements/${a.id}/answer`,
          { decision: 'confirm' },
          viewer.token,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          h,
          `/v1/tenants/${palu}/agreements/${a.id}/answer`,
          { decision: 'confirm' },
          paluAdmin.token,
        )
      ).status,
    ).toBe(409);
    expect((await confirmAgreement(h, a.id, sigi, sigiAdmin.token)).consent).toBe('confirmed');
    expect(
      (
        await post(
          h,
          `/v1/tenants/${sigi}/agreements/${a.id}/answer`,
          { decision: 'confirm' },
          sigiAdmin.token,
        )
      ).status,
    ).toBe(409);
    expect((await auditActions(sigi, sigiAdmin.token)).map((e) => e.action)).toContain(
      'agreement.confirmed',
    );
  });

  it('a declined invitation needs a reason and stops the agreement', async () => {
    const a = await create('Kerja sama yang ditolak');
    const noReason = await post(
      h,
      `/v1/tenants/${sigi}/agreements/${a.id}/answer`,
      { decision: 'decline' },
      sigiAdmin.token,
    );
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ProblemBody).errors?.[0]?.location).toBe('body.reason');
    const declined = await post(
      h,
      `/v1/tenants/${sigi}/agreements/${a.id}/answer`,
      { decision: 'decline', reason: 'Belum menjadi prioritas daerah.' },
      sigiAdmin.token,
    );
    expect(((await declined.json()) as Agreement).consent).toBe('declined');
    expect((await move(a.id, { stage: 'berakhir' })).status).toBe(409);
  });

  it('an unverified partner can neither start an agreement nor be bound by one', async () => {
    const founder = await newUser(h, 'mitra-belum-verifikasi');
    const partner = (await (
      await post(h, '/v1/partners', { name: 'PT Belum Verifikasi', kind: 'company' }, founder.token)
    ).json()) as { id: string };
    const res = await post(
      h,
      `/v1/tenants/${partner.id}/agreements`,
      { title: 'Kerja sama palsu', parties: [partner.id, palu], kind: 'KSDPK' },
      founder.token,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as ProblemBody).detail).toContain('belum diverifikasi');
  });

  it('reaches Kesepakatan Bersama only when every party signed the same document, audited in each party', async () => {
    const a = await agreed('Sistem peringatan dini bersama Teluk Palu');
    // a skipped stage is refused, naming the rule
    const skipped = await post(
      h,
      `/v1/tenants/${palu}/agreements/${a.id}/signatures`,
      {
        stage: 'perjanjian_kerja_sama',
        signatoryName: 'Hadianto Rasyid',
        signatoryPosition: 'Wali Kota Palu',
        signedOn: day(-1),
        document: {
          number: 'PKS/1',
          date: day(-1),
          start: day(0),
          end: day(700),
          burdensBudget: false,
        },
      },
      paluAdmin.token,
    );
    expect(skipped.status).toBe(409);
    expect(((await skipped.json()) as ProblemBody).detail).toContain('tidak boleh dilompati');
    // KB cannot be taken through transitions at all
    expect((await move(a.id, { stage: 'kesepakatan_bersama' })).status).toBe(409);

    const kb = { number: 'KB/01/2026', date: day(-10) };
    const first = await post(
      h,
      `/v1/tenants/${palu}/agreements/${a.id}/signatures`,
      {
        stage: 'kesepakatan_bersama',
        signatoryName: 'Hadianto Rasyid',
        signatoryPosition: 'Wali Kota Palu',
        signedOn: day(-10),
        document: kb,
      },
      paluAdmin.token,
    );
    expect(((await first.json()) as Agreement).stage).toBe('inisiasi');
    // the same party twice, and another document, are refused
    expect(
      (
        await post(
          h,
          `/v1/tenants/${palu}/agreements/${a.id}/signatures`,
          {
            stage: 'kesepakatan_bersama',
            signatoryName: 'X',
            signatoryPosition: 'Y',
            signedOn: day(-10),
            document: kb,
          },
          paluAdmin.token,
        )
      ).status,
    ).toBe(409);
    const other = await post(
      h,
      `/v1/tenants/${sigi}/agreements/${a.id}/signatures`,
      {
        stage: 'kesepakatan_bersama',
        signatoryName: 'Mohamad Irwan',
        signatoryPosition: 'Bupati Sigi',
        signedOn: day(-9),
        // another date is another text (another register number is not: each party has its own)
        document: { ...kb, date: day(-9) },
      },
      sigiAdmin.token,
    );
    expect(other.status).toBe(409);
    expect(((await other.json()) as ProblemBody).detail).toContain('date');
    // a liaison is no signatory
    const liaisonless = await addMember(h, sigiAdmin.token, sigi, 'viewer');
    expect(
      (
        await post(
          h,
          `/v1/tenants/${sigi}/agreements/${a.id}/signatures`,
          {
            stage: 'kesepakatan_bersama',
            signatoryName: 'X',
            signatoryPosition: 'Y',
            signedOn: day(-9),
            document: kb,
          },
          liaisonless.token,
        )
      ).status,
    ).toBe(403);
    const reached = (await (
      await post(
        h,
        `/v1/tenants/${sigi}/agreements/${a.id}/signatures`,
        {
          stage: 'kesepakatan_bersama',
          signatoryName: 'Mohamad Irwan',
          signatoryPosition: 'Bupati Sigi',
          signedOn: day(-9),
          document: kb,
        },
        sigiAdmin.token,
      )
    ).json()) as Agreement;
    expect(reached.stage).toBe('kesepakatan_bersama');
    expect(reached.parties.map((p) => p.kbNumber)).toEqual(['KB/01/2026', 'KB/01/2026']);
    expect(reached.kbSignatories).toEqual([
      'Hadianto Rasyid, Wali Kota Palu',
      'Mohamad Irwan, Bupati Sigi',
    ]);
    for (const [tenant, token] of [
      [palu, paluAdmin.token],
      [sigi, sigiAdmin.token],
    ] as const)
      expect(
        (await auditActions(tenant, token)).filter(
          (e) => e.action === 'agreement.signed' && e.targetId === a.id,
        ),
      ).toHaveLength(1);

    // PKS: end before start and a budget burden without DPRD approval name their fields
    const sign = (tenant: string, token: string, document: Record<string, unknown>) =>
      post(
        h,
        `/v1/tenants/${tenant}/agreements/${a.id}/signatures`,
        {
          stage: 'perjanjian_kerja_sama',
          signatoryName: 'Hadianto Rasyid',
          signatoryPosition: 'Wali Kota Palu',
          signedOn: day(-1),
          document,
        },
        token,
      );
    const backwards = await sign(palu, paluAdmin.token, {
      number: 'PKS/1',
      date: day(-1),
      start: day(10),
      end: day(5),
      burdensBudget: false,
    });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.document.end',
    );
    const noDprd = await sign(palu, paluAdmin.token, {
      number: 'PKS/1',
      date: day(-1),
      start: day(0),
      end: day(700),
      burdensBudget: true,
      burdensPublic: true,
    });
    expect(((await noDprd.json()) as ProblemBody).errors?.[0]?.location).toBe(
      'body.document.dprdApprovalRef',
    );
    // not yet budgeted in the APBD: DPRD approval too, with its date (PP 28/2018)
    const unbudgeted = await sign(palu, paluAdmin.token, {
      number: 'PKS/1',
      date: day(-1),
      start: day(0),
      end: day(700),
      burdensBudget: false,
      budgeted: false,
      dprdApprovalRef: 'Persetujuan DPRD 12/2026',
    });
    expect(((await unbudgeted.json()) as ProblemBody).errors?.map((e) => e.location)).toEqual([
      'body.document.dprdApprovalDate',
    ]);
    await signByAll(
      h,
      a.id,
      'perjanjian_kerja_sama',
      {
        number: 'PKS/1',
        date: day(-1),
        start: day(0),
        end: day(700),
        burdensBudget: true,
        dprdApprovalRef: 'Persetujuan DPRD 12/2026',
        dprdApprovalDate: day(-10),
      },
      both,
    );

    const added = await post(
      h,
      `/v1/tenants/${palu}/agreements/${a.id}/actions`,
      { title: 'Pemasangan sirene', responsibleTenantId: sigi, dueDate: day(-1) },
      paluAdmin.token,
    );
    // 201 with the created item, and where it is read
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/v1/tenants/${palu}/agreements/${a.id}`);
    const action = (await added.json()) as { id: string; title: string; status: string };
    expect(action).toMatchObject({ title: 'Pemasangan sirene', status: 'planned' });
    const withAction = (
      await h.json<Agreement>(`/v1/tenants/${palu}/agreements/${a.id}`, {
        headers: bearer(paluAdmin.token),
      })
    ).body;
    expect(withAction.flags.overdueActions).toBe(1);
    const done = await h.request(`/v1/tenants/${palu}/agreements/${a.id}/actions/${action.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(paluAdmin.token) },
      body: JSON.stringify({ status: 'done' }),
    });
    expect((await done.json()) as { id: string; status: string }).toMatchObject({
      id: action.id,
      status: 'done',
    });
    const after = await h.json<Agreement>(`/v1/tenants/${palu}/agreements/${a.id}`, {
      headers: bearer(paluAdmin.token),
    });
    expect(after.body.flags.overdueActions).toBe(0);

    expect((await move(a.id, { stage: 'pelaksanaan' })).status).toBe(200);
    expect((await move(a.id, { stage: 'evaluasi' })).status).toBe(409); // evaluation first
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
    const evaluated = await move(a.id, { stage: 'evaluasi' });
    const body = (await evaluated.json()) as Agreement;
    expect(body.stage).toBe('evaluasi');
    expect(body.history.map((e) => e.toStage)).toEqual([
      'inisiasi',
      'kesepakatan_bersama',
      'perjanjian_kerja_sama',
      'pelaksanaan',
      'evaluasi',
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
    const other2 = await addMember(h, platform.token, await regionTenantId(h, '73.71'), 'admin');
    expect(
      (await h.request(`/v1/tenants/${palu}/agreements/${a.id}`, { headers: bearer(other2.token) }))
        .status,
    ).toBe(404);
  });

  it('flags a stalled and an expiring agreement', async () => {
    const stalled = await agreed('Kesepakatan tanpa tindak lanjut');
    await signByAll(
      h,
      stalled.id,
      'kesepakatan_bersama',
      { number: 'KB/02', date: day(-100) },
      both,
    );
    const expiring = await agreed('PKS hampir berakhir');
    await signByAll(
      h,
      expiring.id,
      'kesepakatan_bersama',
      { number: 'KB/03', date: day(-400) },
      both,
    );
    await signByAll(
      h,
      expiring.id,
      'perjanjian_kerja_sama',
      { number: 'PKS/3', date: day(-380), start: day(-365), end: day(30), burdensBudget: false },
      both,
    );
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
    // an unknown kind is refused by the request's own enum, before anything is looked up
    expect(((await res.json()) as ProblemBody).errors?.map((e) => e.location)).toEqual([
      'body.kind',
    ]);
    const codes = await post(
      h,
      `/v1/tenants/${palu}/agreements`,
      {
        title: 'X',
        parties: [palu, 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta'],
        kind: 'KSDD',
        affairs: ['sihir'],
        source: { type: 'interest', id: 'int_01jd2x6v0m8kq3b7e5y4w9c1ta' },
      },
      paluAdmin.token,
    );
    expect(codes.status).toBe(400);
    expect(((await codes.json()) as ProblemBody).errors?.map((e) => e.location).sort()).toEqual([
      'body.affairs.0',
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
