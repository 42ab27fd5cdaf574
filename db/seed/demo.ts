import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { forumSessions, forums, potentials, tenantProfiles, tenants } from '../schema';
import { newId } from '../../src/platform/ids';
import { searchTextOf } from '../../src/potentials/potentials';
import { indexWords } from '../../src/potentials/catalog';
import { materialise } from '../../src/forums/sessions';
import { instantOf, localOf } from '../../src/forums/time';

/**
 * Demo content for a living catalogue on a fresh database: published
 * potentials in several provinces and verified partners, every row marked
 * `isDemo`. Idempotent: demo rows are replaced, nothing else is touched.
 */
type DemoPotential = {
  region: string;
  title: string;
  activity: string;
  problem: string;
  potential: string;
  target: string;
  direction: 'offer' | 'need';
  kinds: string[];
  affairs: string[];
  issues: string[];
  model: string;
  valueIdr: number;
  mandatory?: boolean;
  outputs: string[];
  outcome: string;
  indicator: string;
};

const POTENTIALS: DemoPotential[] = [
  {
    region: '51.03',
    title: 'Pengembangan desa wisata berbasis subak',
    activity: 'Pengembangan paket wisata budaya subak bersama desa adat dan pelaku usaha.',
    problem:
      'Kunjungan terpusat di Kuta dan Seminyak; desa penyangga belum menikmati manfaat pariwisata.',
    potential: 'Lanskap subak warisan budaya dunia dan 12 desa adat yang siap menerima wisatawan.',
    target: 'Lama tinggal wisatawan di desa penyangga naik dua malam.',
    direction: 'offer',
    kinds: ['KSDD', 'KSDPK'],
    affairs: ['pariwisata', 'kebudayaan'],
    issues: ['pariwisata', 'disparitas_pembangunan'],
    model: 'joint_agreement',
    valueIdr: 4_200_000_000,
    outputs: ['12 paket wisata desa', 'Pelatihan 150 pemandu lokal'],
    outcome: 'Pendapatan desa wisata meningkat.',
    indicator: 'Jumlah kunjungan wisatawan ke desa wisata',
  },
  {
    region: '51.71',
    title: 'Pelatihan SDM pariwisata bersertifikat',
    activity:
      'Kota Denpasar menawarkan pelatihan pemandu, perhotelan dan kuliner bersertifikat bagi daerah lain.',
    problem: 'Daerah tujuan wisata baru kekurangan tenaga kerja terampil.',
    potential: 'Balai pelatihan dan asesor kompetensi pariwisata yang lengkap.',
    target: '500 peserta bersertifikat per tahun.',
    direction: 'offer',
    kinds: ['KSDD'],
    affairs: ['pariwisata', 'tenaga_kerja'],
    issues: ['pariwisata'],
    model: 'fee_for_service',
    valueIdr: 1_800_000_000,
    outputs: ['Modul pelatihan', 'Sertifikat kompetensi'],
    outcome: 'Tenaga kerja pariwisata daerah mitra tersertifikasi.',
    indicator: 'Jumlah tenaga kerja pariwisata bersertifikat',
  },
  {
    region: '52.02',
    title: 'Paket wisata bersama Mandalika–Gili',
    activity: 'Integrasi paket wisata dan transportasi antara kawasan Mandalika dan Gili.',
    problem: 'Wisatawan MotoGP hanya tinggal singkat di Lombok Tengah.',
    potential: 'Sirkuit internasional dan pantai selatan Lombok.',
    target: 'Rata-rata lama tinggal naik menjadi empat malam.',
    direction: 'need',
    kinds: ['KSDD', 'KSDPK'],
    affairs: ['pariwisata', 'perhubungan'],
    issues: ['pariwisata'],
    model: 'joint_agreement',
    valueIdr: 6_500_000_000,
    outputs: ['Rute transportasi terpadu', 'Kalender acara bersama'],
    outcome: 'Belanja wisatawan per kunjungan meningkat.',
    indicator: 'Lama tinggal wisatawan',
  },
  {
    region: '52.08',
    title: 'Sertifikasi homestay desa wisata Lombok Utara',
    activity: 'Standardisasi dan promosi homestay di desa wisata pascagempa.',
    problem: 'Homestay belum memenuhi standar dan sulit dipasarkan daring.',
    potential: '300 homestay milik warga di kaki Rinjani.',
    target: '150 homestay tersertifikasi.',
    direction: 'need',
    kinds: ['KSDPK'],
    affairs: ['pariwisata', 'koperasi_ukm'],
    issues: ['pariwisata', 'kemiskinan_ekstrem'],
    model: 'handshake',
    valueIdr: 900_000_000,
    outputs: ['Standar homestay', 'Platform pemesanan'],
    outcome: 'Pendapatan rumah tangga pemilik homestay naik.',
    indicator: 'Okupansi homestay',
  },
  {
    region: '72.71',
    title: 'Sistem peringatan dini tsunami dan likuefaksi',
    activity: 'Pembangunan jaringan sirene dan pelatihan evakuasi bersama kabupaten di Teluk Palu.',
    problem: 'Gempa 2018 menunjukkan lemahnya peringatan dini dan jalur evakuasi.',
    potential: 'Data kajian risiko dan relawan kelurahan tangguh bencana.',
    target: 'Seluruh kelurahan pesisir terjangkau sirene.',
    direction: 'need',
    kinds: ['KSDD', 'KSDPK', 'SINERGI'],
    affairs: ['trantibum_linmas', 'pekerjaan_umum_penataan_ruang'],
    issues: ['penanggulangan_bencana', 'tata_ruang'],
    model: 'joint_authority',
    valueIdr: 12_000_000_000,
    mandatory: true,
    outputs: ['40 sirene', 'Peta jalur evakuasi'],
    outcome: 'Waktu evakuasi berkurang.',
    indicator: 'Persentase kelurahan dengan sistem peringatan dini',
  },
  {
    region: '72.10',
    title: 'Relokasi dan hunian tetap penyintas bencana Sigi',
    activity: 'Kerja sama penyediaan lahan dan hunian tetap bagi penyintas likuefaksi.',
    problem: 'Ribuan keluarga masih di hunian sementara.',
    potential: 'Lahan relokasi yang sudah ditetapkan.',
    target: '2.000 unit hunian tetap.',
    direction: 'need',
    kinds: ['KSDPK', 'SINERGI'],
    affairs: ['perumahan_kawasan_permukiman', 'sosial'],
    issues: ['penanggulangan_bencana', 'kemiskinan_ekstrem'],
    model: 'joint_agreement',
    valueIdr: 25_000_000_000,
    outputs: ['Hunian tetap', 'Fasilitas umum'],
    outcome: 'Penyintas menempati hunian layak.',
    indicator: 'Jumlah keluarga di hunian tetap',
  },
  {
    region: '33.74',
    title: 'Kerja sama antardaerah pengendalian inflasi pangan',
    activity:
      'Kerja sama pasokan cabai, bawang dan beras antara Kota Semarang dan kabupaten sentra produksi.',
    problem: 'Harga pangan bergejolak menjelang hari besar.',
    potential: 'Pasar induk dan gudang berpendingin milik kota.',
    target: 'Inflasi pangan bergejolak di bawah 5 persen.',
    direction: 'need',
    kinds: ['KSDD'],
    affairs: ['pangan', 'perdagangan'],
    issues: ['inflasi'],
    model: 'fee_for_service',
    valueIdr: 3_000_000_000,
    outputs: ['Perjanjian pasokan', 'Neraca pangan bersama'],
    outcome: 'Harga pangan stabil.',
    indicator: 'Inflasi kelompok pangan bergejolak',
  },
  {
    region: '33.09',
    title: 'Pasokan cabai dan bawang merah untuk kota',
    activity:
      'Kabupaten Boyolali menawarkan pasokan cabai dan bawang merah terjadwal bagi kota di Jawa Tengah.',
    problem: 'Petani menjual saat panen raya dengan harga rendah.',
    potential: 'Sentra hortikultura dengan kelompok tani terorganisasi.',
    target: 'Kontrak pasokan 2.000 ton per tahun.',
    direction: 'offer',
    kinds: ['KSDD', 'KSDPK'],
    affairs: ['pertanian', 'pangan'],
    issues: ['inflasi', 'kemiskinan_ekstrem'],
    model: 'fee_for_service',
    valueIdr: 5_000_000_000,
    outputs: ['Kontrak pasokan', 'Gudang penyangga'],
    outcome: 'Pendapatan petani stabil.',
    indicator: 'Nilai tukar petani',
  },
  {
    region: '35.78',
    title: 'Toko pengendalian inflasi keliling',
    activity: 'Kota Surabaya mengajak kabupaten pemasok membuka toko pangan murah keliling.',
    problem: 'Warga berpenghasilan rendah terdampak kenaikan harga.',
    potential: 'Jaringan pasar kota dan BUMD pangan.',
    target: '100 titik toko keliling.',
    direction: 'need',
    kinds: ['KSDD', 'KSDPK'],
    affairs: ['perdagangan', 'pangan'],
    issues: ['inflasi'],
    model: 'joint_agreement',
    valueIdr: 2_400_000_000,
    outputs: ['Armada toko keliling'],
    outcome: 'Keterjangkauan pangan meningkat.',
    indicator: 'Inflasi bulanan kota',
  },
  {
    region: '94.01',
    title: 'Penghapusan kemiskinan ekstrem melalui kampung nelayan',
    activity: 'Pemberdayaan kampung nelayan dengan alat tangkap, rantai dingin dan akses pasar.',
    problem: 'Angka kemiskinan ekstrem tinggi di kampung pesisir.',
    potential: 'Sumber daya perikanan Teluk Cenderawasih.',
    target: 'Kemiskinan ekstrem di 10 kampung turun ke nol.',
    direction: 'need',
    kinds: ['KSDPK', 'SINERGI'],
    affairs: ['kelautan_perikanan', 'pemberdayaan_masyarakat_desa'],
    issues: ['kemiskinan_ekstrem'],
    model: 'joint_agreement',
    valueIdr: 7_500_000_000,
    outputs: ['Cold storage', 'Koperasi nelayan'],
    outcome: 'Pendapatan nelayan naik.',
    indicator: 'Persentase penduduk miskin ekstrem',
  },
  {
    region: '95.01',
    title: 'Layanan kesehatan bergerak di kampung terpencil',
    activity: 'Tim kesehatan bergerak dan telemedis bagi kampung di Lembah Baliem.',
    problem: 'Kampung terpencil jauh dari puskesmas.',
    potential: 'Jaringan gereja dan kader kesehatan kampung.',
    target: 'Kunjungan rutin ke 60 kampung.',
    direction: 'need',
    kinds: ['KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
    affairs: ['kesehatan'],
    issues: ['kemiskinan_ekstrem', 'disparitas_pembangunan'],
    model: 'joint_agreement',
    valueIdr: 4_800_000_000,
    outputs: ['Tim kesehatan bergerak', 'Stasiun telemedis'],
    outcome: 'Angka kematian ibu dan bayi turun.',
    indicator: 'Cakupan pelayanan kesehatan dasar',
  },
  {
    region: '91.71',
    title: 'Pengelolaan sampah regional Jayapura',
    activity: 'Tempat pemrosesan akhir sampah regional untuk kota dan kabupaten sekitar.',
    problem: 'Sampah mencemari Teluk Youtefa.',
    potential: 'Lahan TPA regional dan bank sampah aktif.',
    target: 'Sampah terkelola 80 persen.',
    direction: 'need',
    kinds: ['KSDD', 'KSDPK'],
    affairs: ['lingkungan_hidup'],
    issues: ['pelayanan_publik'],
    model: 'joint_authority',
    valueIdr: 9_000_000_000,
    mandatory: true,
    outputs: ['TPA regional', 'Armada angkut'],
    outcome: 'Teluk lebih bersih.',
    indicator: 'Persentase sampah terkelola',
  },
  {
    region: '61.01', // Kabupaten Sambas: PLBN Aruk lies in Sajingan Besar, Sambas (not Landak)
    title: 'Pelayanan terpadu kawasan perbatasan Aruk',
    activity: 'Pelayanan administrasi dan pasar bersama di PLBN Aruk.',
    problem: 'Warga perbatasan bergantung pada pasar negara tetangga.',
    potential: 'Pos lintas batas negara dan jalan paralel perbatasan.',
    target: 'Pasar perbatasan aktif setiap minggu.',
    direction: 'need',
    kinds: ['KSDD', 'KSDPL', 'KSDLL', 'SINERGI'],
    affairs: ['perdagangan', 'administrasi_kependudukan'],
    issues: ['kawasan_perbatasan', 'pelayanan_publik'],
    model: 'regional_body',
    valueIdr: 3_300_000_000,
    outputs: ['Pasar perbatasan', 'Gerai pelayanan terpadu'],
    outcome: 'Ekonomi perbatasan tumbuh.',
    indicator: 'Nilai transaksi pasar perbatasan',
  },
];

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
          // exactly as the API builds it (affair and issue labels included)
          searchText: searchTextOf({
            title: p.title,
            activity: p.activity,
            problem: p.problem,
            potential: p.potential,
            target: p.target,
            outcome: p.outcome,
            outputs: p.outputs,
            candidatePartner: null,
            affairs: p.affairs,
            issues: p.issues,
          }),
        })),
      )
      .returning({
        id: potentials.id,
        regionCode: potentials.regionCode,
        searchText: potentials.searchText,
      });
    await indexWords(
      tx,
      rows.map((r) => r.searchText),
    );
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
