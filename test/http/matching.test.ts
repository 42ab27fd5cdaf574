import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  newUser,
  post,
  put,
  regionTenantId,
  twoRegions,
} from '../support/actors';
import { createHarness, type Harness } from '../support/harness';
import { potentialBody } from '../support/potentials';

type MatchPage = {
  data: {
    score: number;
    candidate: { type: string; tenantId: string; name: string };
    reasons: { component: string; text: string; en: string }[];
    components: { component: string; contribution: number }[];
  }[];
  total: number;
};

let h: Harness;
let platform: { token: string };
let palu: string;
let sigi: string;
let paluAdmin: { token: string };
let sigiAdmin: { token: string };
let need: { id: string };

// The lifecycle is tested elsewhere: here potentials are published directly.
const publish = (id: string) =>
  h.client.query(`update potentials set status = 'published', published_at = now() where id = $1`, [
    id,
  ]);

async function partner(name: string, kind: string, profile: Record<string, unknown>) {
  const founder = await newUser(h, kind);
  const t = (await (await post(h, '/v1/partners', { name, kind }, founder.token)).json()) as {
    id: string;
  };
  expect((await put(h, `/v1/tenants/${t.id}/profile`, profile, founder.token)).status).toBe(200);
  await post(h, `/v1/admin/tenants/${t.id}/verify`, {}, platform.token);
  return { id: t.id, token: founder.token };
}

beforeAll(async () => {
  h = await createHarness();
  ({ platform, a: palu, b: sigi, adminA: paluAdmin, adminB: sigiAdmin } = await twoRegions(h));
  await put(h, `/v1/tenants/${palu}/profile`, { neighbours: ['72.10', '72.03'] }, paluAdmin.token);

  // Kota Palu needs disaster early warning; Kabupaten Sigi offers its trained volunteers.
  need = (await (
    await post(
      h,
      `/v1/tenants/${palu}/potentials`,
      potentialBody({
        title: 'Sistem peringatan dini tsunami',
        direction: 'need',
        cooperationKinds: ['KSDD', 'KSDPK'],
        issues: ['penanggulangan_bencana'],
        affairs: ['trantibum_linmas'],
        valueIdr: 1_000_000_000,
      }),
      paluAdmin.token,
    )
  ).json()) as { id: string };
  const offer = (await (
    await post(
      h,
      `/v1/tenants/${sigi}/potentials`,
      potentialBody({
        title: 'Relawan desa tangguh bencana',
        direction: 'offer',
        cooperationKinds: ['KSDD'],
        issues: ['penanggulangan_bencana'],
        affairs: ['trantibum_linmas'],
        valueIdr: 800_000_000,
      }),
      sigiAdmin.token,
    )
  ).json()) as { id: string };
  await publish(need.id);
  await publish(offer.id);

  await partner('Universitas Tadulako', 'university', {
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
    offers: 'pelatihan evakuasi dan kajian risiko',
    regionsOfInterest: ['72.71'],
    engagementMinIdr: 100_000_000,
    engagementMaxIdr: 2_000_000_000,
  });
  await partner('PT Serupa Saja', 'company', {
    issues: ['inflasi'],
    affairs: ['trantibum_linmas'],
    regionsOfInterest: ['35.78'],
  });
  await partner('Kedutaan Negeri Jauh', 'foreign_region', {
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
  }); // KSDPL: not open
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('matching', () => {
  it('ranks the complementary candidates first and says why, in Indonesian and English', async () => {
    const res = await h.json<MatchPage>(`/v1/tenants/${palu}/potentials/${need.id}/matches`, {
      headers: bearer(paluAdmin.token),
    });
    expect(res.status).toBe(200);
    const names = res.body.data.map((m) => m.candidate.name);
    expect(names.slice(0, 2).sort()).toEqual([
      'Relawan desa tangguh bencana',
      'Universitas Tadulako',
    ]);
    expect(names).not.toContain('Kedutaan Negeri Jauh'); // a kind the potential is not open to
    const unversity = res.body.data.find((m) => m.candidate.name === 'Universitas Tadulako')!;
    // the shared issue is said once, in the reason that names the partner and its offer
    const said = unversity.reasons.map((r) => r.text).join(' | ');
    expect(said.split('penanggulangan bencana').length - 1).toBe(1);
    expect(
      unversity.reasons.some((r) =>
        r.text.startsWith('Universitas Tadulako menawarkan “pelatihan evakuasi dan kajian risiko”'),
      ),
    ).toBe(true);
    const sigiMatch = res.body.data.find(
      (m) => m.candidate.name === 'Relawan desa tangguh bencana',
    )!;
    expect(sigiMatch.reasons.map((r) => r.en)).toContain('Kabupaten Sigi borders your region');
    expect(
      sigiMatch.reasons.some((r) =>
        r.en.startsWith(
          'Kabupaten Sigi’s offer “Relawan desa tangguh bencana” meets your need “Sistem peringatan dini tsunami” in',
        ),
      ),
    ).toBe(true);
    const similar = res.body.data.find((m) => m.candidate.name === 'PT Serupa Saja')!;
    expect(similar.score).toBeLessThan(unversity.score);
    expect(unversity.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(
      unversity.score,
      0,
    );

    const en = await h.json<MatchPage>(
      `/v1/tenants/${palu}/potentials/${need.id}/matches?candidateType=partner`,
      { headers: bearer(paluAdmin.token, { 'accept-language': 'en' }) },
    );
    expect(en.body.data.every((m) => m.candidate.type === 'partner')).toBe(true);
    expect(en.body.data[0]!.reasons.map((r) => r.text).join(' | ')).toMatch(
      /offer .* disaster management/,
    );
  });

  it('lets the facilitating province see the matches, and shows a new profile in the next request', async () => {
    const sulteng = await regionTenantId(h, '72');
    const facilitator = await addMember(h, platform.token, sulteng, 'admin');
    const before = await h.json<MatchPage>(`/v1/tenants/${palu}/potentials/${need.id}/matches`, {
      headers: bearer(facilitator.token),
    });
    expect(before.status).toBe(200);
    await partner('Yayasan Siaga Bencana', 'ngo', {
      issues: ['penanggulangan_bencana'],
      affairs: ['trantibum_linmas'],
      regionsOfInterest: ['72'],
    });
    const after = await h.json<MatchPage>(`/v1/tenants/${palu}/potentials/${need.id}/matches`, {
      headers: bearer(facilitator.token),
    });
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.data.map((m) => m.candidate.name)).toContain('Yayasan Siaga Bencana');
  });

  it('answers 404 for an unpublished potential and for another tenant’s', async () => {
    const draft = (await (
      await post(h, `/v1/tenants/${palu}/potentials`, potentialBody(), paluAdmin.token)
    ).json()) as { id: string };
    expect(
      (
        await h.request(`/v1/tenants/${palu}/potentials/${draft.id}/matches`, {
          headers: bearer(paluAdmin.token),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.request(`/v1/tenants/${palu}/potentials/${need.id}/matches`, {
          headers: bearer(sigiAdmin.token),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.request(`/v1/tenants/${sigi}/potentials/${need.id}/matches`, {
          headers: bearer(sigiAdmin.token),
        })
      ).status,
    ).toBe(404);
  });

  it('recommends published potentials to a partner, explained from the partner’s side', async () => {
    const p = await partner('Universitas Mitra Tanggap', 'university', {
      issues: ['penanggulangan_bencana'],
      affairs: ['trantibum_linmas'],
      regionsOfInterest: ['72.71'],
      offers: 'kajian risiko bencana',
    });
    type Reasons = { kind: string; text: string; items: { type: string; code: string }[] }[];
    const res = await h.json<{
      data: { potential: { id: string }; score: number; reasons: Reasons }[];
    }>(`/v1/tenants/${p.id}/recommendations`, { headers: bearer(p.token) });
    expect(res.status).toBe(200);
    expect(res.body.data[0]!.potential.id).toBe(need.id);
    expect(res.body.data[0]!.score).toBeGreaterThan(50);
    const reasons = res.body.data[0]!.reasons;
    const texts = reasons.map((r) => r.text);
    // the partner reads what it offers and what the region needs, and that it chose the region
    expect(texts).toContain(
      'Anda menawarkan “kajian risiko bencana” untuk kebutuhan Kota Palu “Sistem peringatan dini tsunami” di bidang ketenteraman, ketertiban umum, dan pelindungan masyarakat; dan penanggulangan bencana',
    );
    expect(texts).toContain('Daerah ini termasuk wilayah yang Anda minati');
    expect(texts.join(' ')).not.toMatch(/Mitra menyatakan minat|\*/);
    expect(reasons.find((r) => r.kind === 'you_offer_for_their_need')!.items).toEqual([
      expect.objectContaining({ type: 'potential', code: need.id }),
      expect.objectContaining({ type: 'affair', code: 'trantibum_linmas' }),
      expect.objectContaining({ type: 'issue', code: 'penanggulangan_bencana' }),
    ]);
  });

  it('recommends to a region the potentials its own published potentials fit, explained from the other side', async () => {
    const res = await h.json<{
      total: number;
      data: {
        potential: { id: string; tenantId: string };
        score: number;
        reasons: { text: string }[];
      }[];
    }>(`/v1/tenants/${sigi}/recommendations`, { headers: bearer(sigiAdmin.token) });
    expect(res.status).toBe(200);
    expect(res.body.data[0]!.potential.id).toBe(need.id); // Palu needs what Sigi offers
    expect(res.body.data.every((d) => d.potential.tenantId !== sigi)).toBe(true);
    expect(res.body.data[0]!.reasons.map((r) => r.text)).toContain(
      'Kota Palu berbatasan langsung dengan daerah Anda',
    ); // Palu declared Sigi a neighbour
    // Sigi reads its own offer meeting Palu's need, not Palu's words
    expect(
      res.body.data[0]!.reasons.some((r) =>
        r.text.startsWith(
          'Penawaran Anda “Relawan desa tangguh bencana” memenuhi kebutuhan Kota Palu “Sistem peringatan dini tsunami” di bidang',
        ),
      ),
    ).toBe(true);
  });
});
