/** Shared by tests and benchmarks, so free of test-runner imports. */
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
