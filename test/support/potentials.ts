import { expect } from 'vitest';
import { addMember, post } from './actors';
import type { Harness } from './harness';

/** A complete, valid mapping form, with overrides. */
export function potentialBody(overrides: Record<string, unknown> = {}) {
  const nextYear = new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
  return {
    title: 'Penanggulangan bencana banjir lintas kabupaten',
    activity: 'Membangun sistem peringatan dini banjir bersama di daerah aliran sungai.',
    problem: 'Banjir tahunan merusak permukiman dan lahan pertanian.',
    potential: 'Data curah hujan dan relawan desa tangguh bencana sudah tersedia.',
    target: 'Waktu peringatan dini minimal enam jam sebelum banjir.',
    process: [
      { party: 'BPBD', role: 'Mengoperasikan pusat kendali peringatan dini.' },
      { party: 'Mitra', role: 'Menyediakan sensor dan pelatihan.' },
    ],
    candidatePartner: 'Universitas setempat',
    candidateReason: 'Memiliki laboratorium hidrologi.',
    outputs: ['20 sensor tinggi muka air', 'Pelatihan 100 relawan'],
    outcome: 'Kerugian akibat banjir turun.',
    outcomeIndicator: 'Persentase desa dengan sistem peringatan dini',
    supportBudget: 'APBD 2027 untuk operasional',
    supportPolicy: 'Peraturan bupati tentang sistem peringatan dini',
    supportOther: null,
    direction: 'need' as 'need' | 'offer',
    cooperationKinds: ['KSDD', 'KSDPK'],
    mandatory: false,
    affairs: ['trantibum_linmas', 'pekerjaan_umum_penataan_ruang'],
    issues: ['penanggulangan_bencana'],
    model: 'joint_agreement',
    valueIdr: 1500000000,
    districtCode: null,
    horizon: 'medium' as 'short' | 'medium' | 'long',
    expiresOn: nextYear,
    ...overrides,
  };
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

/**
 * A potential taken through its lifecycle by HTTP: submitted, prioritised in a
 * Berita Acara, established by the head's SK, published. Returns its id.
 */
export async function publishPotential(
  h: Harness,
  tenant: string,
  admin: { token: string },
  head: { token: string } | null,
  body: Record<string, unknown>,
) {
  const p = (await (
    await post(h, `/v1/tenants/${tenant}/potentials`, potentialBody(body), admin.token)
  ).json()) as { id: string };
  const step = (b: Record<string, unknown>, token = admin.token) =>
    post(h, `/v1/tenants/${tenant}/potentials/${p.id}/transitions`, b, token);
  expect((await step({ action: 'submit' })).status).toBe(200);
  expect(
    (await step({ action: 'prioritise', baNumber: 'BA/7', baDate: day(-5), priorityRank: 1 }))
      .status,
  ).toBe(200);
  const headToken = head?.token ?? (await addMember(h, admin.token, tenant, 'head')).token;
  expect(
    (await step({ action: 'establish', skNumber: 'SK/7', skDate: day(-2) }, headToken)).status,
  ).toBe(200);
  expect((await step({ action: 'publish' })).status).toBe(200);
  return p.id;
}
