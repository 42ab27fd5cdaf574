import { and, eq, inArray } from 'drizzle-orm';
import { materialise } from '../../src/forums/series';
import { instantOf, localOf } from '../../src/forums/time';
import { newId } from '../../src/platform/ids';
import { placesOf, searchTextOf } from '../../src/potentials/search-text';
import type { Db } from '../client';
import { forumSessions, forums, potentials, tenantProfiles, tenants } from '../schema';
import { POTENTIALS } from './demo-catalogue';

/**
 * Demo content for a living catalogue on a fresh database: published
 * potentials in several provinces and verified partners, every row marked
 * `isDemo`. Idempotent: demo rows are replaced, nothing else is touched.
 */
type DemoPartner = {
  name: string;
  kind: string;
  summary: string;
  sectors: string[];
  issues: string[];
  affairs: string[];
  regions: string[];
  offers: string;
  min: number;
  max: number;
};

const PARTNERS: DemoPartner[] = [
  {
    name: 'PT Nusantara Wisata Lestari (demo)',
    kind: 'company',
    summary: 'Operator paket wisata berkelanjutan.',
    sectors: ['pariwisata_regional'],
    issues: ['pariwisata'],
    affairs: ['pariwisata'],
    regions: ['51.03', '52.02', '52.08'],
    offers: 'Pemasaran digital dan pelatihan SDM pariwisata.',
    min: 500_000_000,
    max: 5_000_000_000,
  },
  {
    name: 'Universitas Tadulako — Pusat Studi Kebencanaan (demo)',
    kind: 'university',
    summary: 'Kajian risiko bencana dan pelatihan evakuasi.',
    sectors: ['perubahan_iklim', 'transfer_pengetahuan'],
    issues: ['penanggulangan_bencana'],
    affairs: ['trantibum_linmas'],
    regions: ['72.71', '72.10'],
    offers: 'Kajian risiko, peta evakuasi, pelatihan relawan.',
    min: 100_000_000,
    max: 2_000_000_000,
  },
  {
    name: 'Perum Pangan Jaya (demo)',
    kind: 'bumn_bumd',
    summary: 'Penyangga stok dan distribusi pangan.',
    sectors: ['ketahanan_pangan_energi', 'perdagangan_investasi'],
    issues: ['inflasi'],
    affairs: ['pangan', 'perdagangan'],
    regions: ['33.74', '35.78', '33.09'],
    offers: 'Gudang, armada distribusi, operasi pasar.',
    min: 1_000_000_000,
    max: 20_000_000_000,
  },
  {
    name: 'Yayasan Papua Sehat (demo)',
    kind: 'ngo',
    summary: 'Layanan kesehatan di kampung terpencil.',
    sectors: ['kesehatan'],
    issues: ['kemiskinan_ekstrem', 'disparitas_pembangunan'],
    affairs: ['kesehatan'],
    regions: ['95.01', '94.01'],
    offers: 'Tenaga kesehatan, logistik obat, telemedis.',
    min: 200_000_000,
    max: 3_000_000_000,
  },
  {
    name: 'Kementerian Kelautan dan Perikanan — Direktorat Pemberdayaan (demo)',
    kind: 'central_institution',
    summary: 'Program sinergi kampung nelayan.',
    sectors: ['ketahanan_pangan_energi'],
    issues: ['kemiskinan_ekstrem'],
    affairs: ['kelautan_perikanan'],
    regions: ['94.01'],
    offers: 'Sarana tangkap dan rantai dingin.',
    min: 1_000_000_000,
    max: 10_000_000_000,
  },
];

export async function seedDemo(
  db: Db,
): Promise<{ potentials: number; partners: number; forums: number }> {
  const now = new Date();
  const expires = new Date(now.getTime() + 365 * 86400_000).toISOString().slice(0, 10);
  const codes = [...new Set(POTENTIALS.map((p) => p.region))];
  const regionTenants = await db
    .select({ id: tenants.id, code: tenants.regionCode })
    .from(tenants)
    .where(inArray(tenants.regionCode, codes));
  const tenantOf = new Map(regionTenants.map((t) => [t.code, t.id]));
  const places = await placesOf(db, codes);

  const [bali] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.regionCode, '51'));
  await db.transaction(async (tx) => {
    await tx.delete(forums).where(eq(forums.isDemo, true));
    await tx.delete(potentials).where(eq(potentials.isDemo, true));
    const demoPartners = await tx
      .select({ id: tenants.id })
      .from(tenantProfiles)
      .innerJoin(tenants, eq(tenants.id, tenantProfiles.tenantId))
      .where(and(eq(tenantProfiles.isDemo, true), eq(tenants.type, 'partner')));
    if (demoPartners.length) {
      await tx.delete(tenantProfiles).where(
        inArray(
          tenantProfiles.tenantId,
          demoPartners.map((p) => p.id),
        ),
      );
      await tx.delete(tenants).where(
        inArray(
          tenants.id,
          demoPartners.map((p) => p.id),
        ),
      );
    }
    const rows = await tx
      .insert(potentials)
      .values(
        POTENTIALS.map((p, i) => ({
          id: newId('potential'),
          tenantId: tenantOf.get(p.region)!,
          regionCode: p.region,
          provinceCode: p.region.slice(0, 2),
          title: p.title,
          activity: p.activity,
          problem: p.problem,
          potential: p.potential,
          target: p.target,
          process: [
            {
              party: 'Pemerintah daerah',
              role: 'Menyiapkan lahan, data dan koordinasi perangkat daerah.',
            },
            {
              party: 'Mitra',
              role: 'Menyediakan keahlian, sarana dan pendanaan sesuai kesepakatan.',
            },
          ],
          outputs: p.outputs,
          outcome: p.outcome,
          outcomeIndicator: p.indicator,
          direction: p.direction,
          cooperationKinds: p.kinds,
          mandatory: p.mandatory ?? false,
          mandatoryGround: p.mandatory ? (p.mandatoryGround ?? null) : null,
          affairs: p.affairs,
          issues: p.issues,
          model: p.model,
          valueIdr: p.valueIdr,
          horizon: 'medium' as const,
          expiresOn: expires,
          status: 'published' as const,
          baNumber: `DEMO/BA/${i + 1}`,
          baDate: now.toISOString().slice(0, 10),
          priorityRank: i + 1,
          skNumber: `DEMO/SK/${i + 1}`,
          skDate: now.toISOString().slice(0, 10),
          publishedAt: new Date(now.getTime() - i * 86400_000),
          isDemo: true,
          // exactly as the API builds it (labels and place names included)
          ...searchTextOf(
            { ...p, outputs: p.outputs, candidatePartner: null },
            places.get(p.region)!,
          ),
        })),
      )
      .returning({
        id: potentials.id,
        regionCode: potentials.regionCode,
      });
    for (const partner of PARTNERS) {
      const id = newId('tenant');
      await tx.insert(tenants).values({
        id,
        type: 'partner',
        name: partner.name,
        status: 'active',
        partnerKind: partner.kind,
        country: 'ID',
        verifiedAt: now,
      });
      await tx.insert(tenantProfiles).values({
        tenantId: id,
        summary: partner.summary,
        sectors: partner.sectors,
        issues: partner.issues,
        affairs: partner.affairs,
        regionsOfInterest: partner.regions,
        offers: partner.offers,
        engagementMinIdr: partner.min,
        engagementMaxIdr: partner.max,
        isDemo: true,
      });
    }
    // Bali's six-monthly forum on tourism and disasters: the next session published,
    // registration open, Bali's demo potentials on the agenda
    const day = localOf(new Date(now.getTime() + 45 * 86400_000), 'Asia/Makassar').slice(0, 10);
    const forum = {
      id: newId('forum'),
      tenantId: bali!.id,
      title: 'Forum Kerja Sama Daerah Provinsi Bali',
      description:
        'Forum berkala kabupaten/kota se-Bali dan mitra: pariwisata yang tangguh terhadap bencana.',
      issues: ['pariwisata', 'penanggulangan_bencana'],
      affairs: ['pariwisata'],
      scope: 'province' as const,
      invitedTenantIds: [],
      timeZone: 'Asia/Makassar',
      venueName: 'Gedung Wiswa Sabha Utama',
      venueAddress: 'Jl. Basuki Rahmat, Niti Mandala, Denpasar',
      onlineUrl: null,
      recurrence: 'RRULE:FREQ=MONTHLY;INTERVAL=6',
      firstStart: instantOf(`${day}T09:00`, 'Asia/Makassar')!,
      durationMinutes: 480,
      capacity: 40,
      autoApprove: false,
      registrationOpensDays: 60,
      registrationClosesDays: 3,
      createdBy: null,
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(forums).values(forum);
    const [first] = await materialise(tx, { now: () => now }, forum, now);
    const baliPotentials = rows.filter((r) => r.regionCode.startsWith('51.')).map((r) => r.id);
    await tx
      .update(forumSessions)
      .set({
        status: 'registration_open',
        agenda: [
          {
            start: `${day}T09:00`,
            end: `${day}T10:00`,
            title: 'Pembukaan dan arah kebijakan kerja sama daerah Provinsi Bali',
            speakers: ['Sekretaris Daerah Provinsi Bali'],
            potentialIds: [],
          },
          {
            start: `${day}T10:00`,
            end: `${day}T12:00`,
            title: 'Paparan potensi kerja sama kabupaten/kota',
            speakers: [],
            potentialIds: baliPotentials,
          },
          {
            start: `${day}T13:00`,
            end: `${day}T17:00`,
            title: 'Pertemuan bilateral daerah dan mitra',
            speakers: [],
            potentialIds: [],
          },
        ],
      })
      .where(eq(forumSessions.id, first!));
  });
  return { potentials: POTENTIALS.length, partners: PARTNERS.length, forums: 1 };
}
