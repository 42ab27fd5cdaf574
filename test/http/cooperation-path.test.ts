import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  newUser,
  platformAdmin,
  post,
  put,
  regionTenantId,
} from '../support/actors';
import { type Signatory, signByAll } from '../support/agreements';
import { createHarness, type Harness } from '../support/harness';
import { publishPotential } from '../support/potentials';

/** The whole path from a published need to an evaluated agreement, as one story, over HTTP. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(async () => {
  await h.close();
});

const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

describe('from a published need to an evaluated agreement', () => {
  it('matches, proposes, accepts, agrees and evaluates', async () => {
    const platform = await platformAdmin(h);
    const province = await regionTenantId(h, '72');
    const palu = await regionTenantId(h, '72.71');
    const donggala = await regionTenantId(h, '72.03');
    const provinceAdmin = await addMember(h, platform.token, province, 'admin');
    const paluAdmin = await addMember(h, provinceAdmin.token, palu, 'admin');
    const paluHead = await addMember(h, paluAdmin.token, palu, 'head');
    const donggalaAdmin = await addMember(h, provinceAdmin.token, donggala, 'admin');

    // two regions publish through the lifecycle
    const publish = (
      tenant: string,
      admin: { token: string },
      head: { token: string } | null,
      body: Record<string, unknown>,
    ) => publishPotential(h, tenant, admin, head, body);
    const need = await publish(palu, paluAdmin, paluHead, {
      title: 'Peringatan dini tsunami Teluk Palu',
      direction: 'need',
      cooperationKinds: ['KSDD', 'KSDPK'],
      issues: ['penanggulangan_bencana'],
      affairs: ['trantibum_linmas'],
    });
    await publish(donggala, donggalaAdmin, null, {
      title: 'Kebutuhan sirene pesisir Donggala',
      direction: 'need',
      cooperationKinds: ['KSDD'],
      issues: ['penanggulangan_bencana'],
      affairs: ['trantibum_linmas'],
    });

    // a partner publishes its profile and is verified
    const founder = await newUser(h, 'untad');
    const partner = (await (
      await post(
        h,
        '/v1/partners',
        { name: 'Universitas Tadulako', kind: 'university' },
        founder.token,
      )
    ).json()) as { id: string };
    await put(
      h,
      `/v1/tenants/${partner.id}/profile`,
      {
        issues: ['penanggulangan_bencana'],
        affairs: ['trantibum_linmas'],
        offers: 'kajian risiko dan pelatihan evakuasi',
        regionsOfInterest: ['72'],
      },
      founder.token,
    );
    await post(h, `/v1/admin/tenants/${partner.id}/verify`, {}, platform.token);

    // the complementary partner ranks first (Donggala needs the same thing: similar, not complementary), with reasons
    const matches = await h.json<{
      data: { candidate: { tenantId: string; name: string }; reasons: { text: string }[] }[];
    }>(`/v1/tenants/${palu}/potentials/${need}/matches`, { headers: bearer(provinceAdmin.token) });
    expect(matches.body.data[0]!.candidate.tenantId).toBe(partner.id);
    // the shared issue is said once, with the partner named
    expect(matches.body.data[0]!.reasons.map((r) => r.text).join(' | ')).toMatch(
      /menawarkan .*penanggulangan bencana/,
    );
    expect(matches.body.data.map((m) => m.candidate.name)).toContain(
      'Kebutuhan sirene pesisir Donggala',
    );

    // the province proposes it; both accept
    const proposal = (await (
      await post(
        h,
        `/v1/tenants/${province}/proposals`,
        {
          partyA: palu,
          partyB: partner.id,
          potentialId: need,
          note: 'Untad dapat mendukung peringatan dini Palu.',
        },
        provinceAdmin.token,
      )
    ).json()) as { id: string };
    expect(
      (
        await post(
          h,
          `/v1/tenants/${palu}/proposals/${proposal.id}/answer`,
          { decision: 'accept' },
          paluAdmin.token,
        )
      ).status,
    ).toBe(200);
    const accepted = await post(
      h,
      `/v1/tenants/${partner.id}/proposals/${proposal.id}/answer`,
      { decision: 'accept' },
      founder.token,
    );
    expect(((await accepted.json()) as { status: string }).status).toBe('accepted');

    // an agreement from the accepted proposal, through KB and PKS to an evaluation
    const agreement = (await (
      await post(
        h,
        `/v1/tenants/${palu}/agreements`,
        {
          title: 'Kerja sama peringatan dini Palu–Untad',
          parties: [palu, partner.id],
          kind: 'KSDPK',
          issues: ['penanggulangan_bencana'],
          source: { type: 'proposal', id: proposal.id },
        },
        paluAdmin.token,
      )
    ).json()) as { id: string };
    const move = (b: Record<string, unknown>) =>
      post(h, `/v1/tenants/${palu}/agreements/${agreement.id}/transitions`, b, paluAdmin.token);
    // from an accepted proposal between exactly these two: both bound from the start,
    // and each stage's document is signed by both
    const signatories: Signatory[] = [
      { tenant: palu, token: paluAdmin.token, name: 'Hadianto Rasyid', position: 'Wali Kota Palu' },
      {
        tenant: partner.id,
        token: founder.token,
        name: 'Amar',
        position: 'Rektor Universitas Tadulako',
      },
    ];
    expect(
      (
        await signByAll(
          h,
          agreement.id,
          'kesepakatan_bersama',
          { number: 'KB/12/2026', date: day(-30) },
          signatories,
        )
      ).stage,
    ).toBe('kesepakatan_bersama');
    expect(
      (
        await signByAll(
          h,
          agreement.id,
          'perjanjian_kerja_sama',
          {
            number: 'PKS/12/2026',
            date: day(-20),
            start: day(-20),
            end: day(1000),
            burdensBudget: false,
          },
          signatories,
        )
      ).stage,
    ).toBe('perjanjian_kerja_sama');
    await post(
      h,
      `/v1/tenants/${palu}/agreements/${agreement.id}/actions`,
      { title: 'Kajian risiko tsunami', responsibleTenantId: partner.id, dueDate: day(60) },
      paluAdmin.token,
    );
    expect((await move({ stage: 'pelaksanaan' })).status).toBe(200);
    await post(
      h,
      `/v1/tenants/${partner.id}/agreements/${agreement.id}/evaluations`,
      {
        date: day(0),
        findings: 'Kajian selesai tepat waktu.',
        rating: 5,
        nextEvaluationDate: day(180),
      },
      founder.token,
    );
    const final = await move({ stage: 'evaluasi' });
    expect((await final.json()) as { stage: string; flags: { stalled: boolean } }).toMatchObject({
      stage: 'evaluasi',
      flags: { stalled: false },
    });
  });
});
