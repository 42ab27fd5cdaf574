/**
 * The fixed vocabularies of Kerja Sama Daerah (domain brief §2, §5–§7).
 * This file is the source: `db/seed` loads it into `vocabulary_terms`, the API
 * serves it from there, and later validation checks codes against it.
 * Codes are stable API values; labels are for people.
 */
import { PROVINCIAL_AFFAIRS } from './authority';

export type Term = {
  code: string;
  id: string;
  en: string;
  group?: string;
  descriptionId?: string;
  descriptionEn?: string;
};
export type Group = { code: string; id: string; en: string };
export type Vocabulary = {
  name: string;
  id: string;
  en: string;
  descriptionId: string;
  descriptionEn: string;
  groups?: Group[];
  terms: Term[];
};

const affairs: Vocabulary = {
  name: 'affairs',
  id: 'Urusan pemerintahan',
  en: 'Government affairs',
  descriptionId: '32 urusan pemerintahan konkuren menurut UU 23/2014.',
  descriptionEn: 'The 32 concurrent government affairs of Law 23/2014.',
  groups: [
    {
      code: 'wajib_pelayanan_dasar',
      id: 'Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar',
      en: 'Mandatory affairs related to basic services',
    },
    {
      code: 'wajib_non_pelayanan_dasar',
      id: 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar',
      en: 'Mandatory affairs not related to basic services',
    },
    { code: 'pilihan', id: 'Urusan Pemerintahan Pilihan', en: 'Optional affairs' },
  ],
  terms: [
    { code: 'pendidikan', id: 'Pendidikan', en: 'Education', group: 'wajib_pelayanan_dasar' },
    { code: 'kesehatan', id: 'Kesehatan', en: 'Health', group: 'wajib_pelayanan_dasar' },
    {
      code: 'pekerjaan_umum_penataan_ruang',
      id: 'Pekerjaan umum dan penataan ruang',
      en: 'Public works and spatial planning',
      group: 'wajib_pelayanan_dasar',
    },
    {
      code: 'perumahan_kawasan_permukiman',
      id: 'Perumahan rakyat dan kawasan permukiman',
      en: 'Public housing and residential areas',
      group: 'wajib_pelayanan_dasar',
    },
    {
      code: 'trantibum_linmas',
      id: 'Ketenteraman, ketertiban umum, dan pelindungan masyarakat',
      en: 'Peace, public order and community protection',
      group: 'wajib_pelayanan_dasar',
    },
    { code: 'sosial', id: 'Sosial', en: 'Social affairs', group: 'wajib_pelayanan_dasar' },
    { code: 'tenaga_kerja', id: 'Tenaga kerja', en: 'Labour', group: 'wajib_non_pelayanan_dasar' },
    {
      code: 'pemberdayaan_perempuan_perlindungan_anak',
      id: 'Pemberdayaan perempuan dan pelindungan anak',
      en: "Women's empowerment and child protection",
      group: 'wajib_non_pelayanan_dasar',
    },
    { code: 'pangan', id: 'Pangan', en: 'Food', group: 'wajib_non_pelayanan_dasar' },
    { code: 'pertanahan', id: 'Pertanahan', en: 'Land', group: 'wajib_non_pelayanan_dasar' },
    {
      code: 'lingkungan_hidup',
      id: 'Lingkungan hidup',
      en: 'Environment',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'administrasi_kependudukan',
      id: 'Administrasi kependudukan dan pencatatan sipil',
      en: 'Population administration and civil registration',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'pemberdayaan_masyarakat_desa',
      id: 'Pemberdayaan masyarakat dan desa',
      en: 'Community and village empowerment',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'pengendalian_penduduk_kb',
      id: 'Pengendalian penduduk dan keluarga berencana',
      en: 'Population control and family planning',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'perhubungan',
      id: 'Perhubungan',
      en: 'Transportation',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'komunikasi_informatika',
      id: 'Komunikasi dan informatika',
      en: 'Communication and informatics',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'koperasi_ukm',
      id: 'Koperasi, usaha kecil, dan menengah',
      en: 'Cooperatives and small and medium enterprises',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'penanaman_modal',
      id: 'Penanaman modal',
      en: 'Investment',
      group: 'wajib_non_pelayanan_dasar',
    },
    {
      code: 'kepemudaan_olahraga',
      id: 'Kepemudaan dan olahraga',
      en: 'Youth and sports',
      group: 'wajib_non_pelayanan_dasar',
    },
    { code: 'statistik', id: 'Statistik', en: 'Statistics', group: 'wajib_non_pelayanan_dasar' },
    {
      code: 'persandian',
      id: 'Persandian',
      en: 'Government cryptography',
      group: 'wajib_non_pelayanan_dasar',
    },
    { code: 'kebudayaan', id: 'Kebudayaan', en: 'Culture', group: 'wajib_non_pelayanan_dasar' },
    {
      code: 'perpustakaan',
      id: 'Perpustakaan',
      en: 'Libraries',
      group: 'wajib_non_pelayanan_dasar',
    },
    { code: 'kearsipan', id: 'Kearsipan', en: 'Archives', group: 'wajib_non_pelayanan_dasar' },
    {
      code: 'kelautan_perikanan',
      id: 'Kelautan dan perikanan',
      en: 'Marine affairs and fisheries',
      group: 'pilihan',
    },
    { code: 'pariwisata', id: 'Pariwisata', en: 'Tourism', group: 'pilihan' },
    { code: 'pertanian', id: 'Pertanian', en: 'Agriculture', group: 'pilihan' },
    { code: 'kehutanan', id: 'Kehutanan', en: 'Forestry', group: 'pilihan' },
    {
      code: 'energi_sumber_daya_mineral',
      id: 'Energi dan sumber daya mineral',
      en: 'Energy and mineral resources',
      group: 'pilihan',
    },
    { code: 'perdagangan', id: 'Perdagangan', en: 'Trade', group: 'pilihan' },
    { code: 'perindustrian', id: 'Perindustrian', en: 'Industry', group: 'pilihan' },
    { code: 'transmigrasi', id: 'Transmigrasi', en: 'Transmigration', group: 'pilihan' },
  ],
};

const strategicIssues: Vocabulary = {
  name: 'strategic-issues',
  id: 'Isu strategis',
  en: 'Strategic issues',
  descriptionId: 'Isu strategis yang menjadi dasar pencocokan mitra kerja sama.',
  descriptionEn: 'The strategic issues on which cooperation partners are matched.',
  terms: [
    {
      code: 'pelayanan_publik',
      id: 'Peningkatan pelayanan publik',
      en: 'Public-service improvement',
    },
    { code: 'kawasan_perbatasan', id: 'Kawasan perbatasan', en: 'Border areas' },
    { code: 'tata_ruang', id: 'Tata ruang', en: 'Spatial planning' },
    { code: 'penanggulangan_bencana', id: 'Penanggulangan bencana', en: 'Disaster management' },
    {
      code: 'penanganan_konflik',
      id: 'Penanganan potensi konflik',
      en: 'Handling potential conflicts',
    },
    {
      code: 'kemiskinan_ekstrem',
      id: 'Kemiskinan dan kemiskinan ekstrem',
      en: 'Poverty and extreme poverty',
    },
    { code: 'inflasi', id: 'Pengendalian inflasi', en: 'Inflation control' },
    { code: 'disparitas_pembangunan', id: 'Disparitas pembangunan', en: 'Development disparity' },
    { code: 'pariwisata', id: 'Pariwisata', en: 'Tourism' },
  ],
};

const cooperationKinds: Vocabulary = {
  name: 'cooperation-kinds',
  id: 'Jenis kerja sama',
  en: 'Cooperation kinds',
  descriptionId: 'Pihak yang diajak bekerja sama (PP 28/2018, Permendagri 22/2020).',
  descriptionEn: 'Who the region cooperates with (PP 28/2018, Permendagri 22/2020).',
  terms: [
    {
      code: 'KSDD',
      id: 'Kerja sama daerah dengan daerah lain',
      en: 'Cooperation with another region',
    },
    {
      code: 'KSDPK',
      id: 'Kerja sama daerah dengan pihak ketiga',
      en: 'Cooperation with a third party (firm, BUMN/BUMD, university, NGO)',
    },
    {
      code: 'KSDPL',
      id: 'Kerja sama daerah dengan pemerintah daerah di luar negeri',
      en: 'Cooperation with a foreign regional government',
    },
    {
      code: 'KSDLL',
      id: 'Kerja sama daerah dengan lembaga di luar negeri',
      en: 'Cooperation with a foreign institution',
    },
    {
      code: 'SINERGI',
      id: 'Sinergi program dengan kementerian/lembaga pusat',
      en: 'Program synergy with a central ministry or agency',
    },
  ],
};

const cooperationModels: Vocabulary = {
  name: 'cooperation-models',
  id: 'Model kerja sama',
  en: 'Cooperation models',
  descriptionId: 'Bentuk kelembagaan kerja sama antardaerah.',
  descriptionEn: 'Institutional forms of inter-regional cooperation.',
  terms: [
    {
      code: 'handshake',
      id: 'Kesepahaman tanpa dokumen formal',
      en: 'Handshake agreement',
      descriptionId: 'Berdasarkan saling percaya, tanpa dokumen formal.',
      descriptionEn: 'Based on trust, with no formal document.',
    },
    {
      code: 'fee_for_service',
      id: 'Kontrak pelayanan',
      en: 'Fee for service',
      descriptionId: 'Satu daerah menjual layanan kepada daerah lain.',
      descriptionEn: 'One region sells a service to another.',
    },
    {
      code: 'joint_agreement',
      id: 'Pengusahaan bersama',
      en: 'Joint agreement',
      descriptionId: 'Kepemilikan dan kendali bersama.',
      descriptionEn: 'Shared ownership and control.',
    },
    {
      code: 'joint_authority',
      id: 'Pembentukan otoritas bersama (Sekretariat Bersama)',
      en: 'Joint authority',
      descriptionId: 'Badan yang dibentuk bersama; paling banyak digunakan di Indonesia.',
      descriptionEn: 'A jointly formed body; the most used model in Indonesia.',
    },
    {
      code: 'regional_body',
      id: 'Badan regional',
      en: 'Regional body',
      descriptionId: 'Badan untuk isu yang lebih luas dari satu daerah; dapat diperankan provinsi.',
      descriptionEn: 'A body for issues larger than one region; the province can play this role.',
    },
  ],
};

const sectors: Vocabulary = {
  name: 'sectors',
  id: 'Sektor kerja sama',
  en: 'Cooperation sectors',
  descriptionId: 'Dimensi dan sektor kerja sama antardaerah.',
  descriptionEn: 'Dimensions and sectors of inter-regional cooperation.',
  groups: [
    { code: 'ekonomi', id: 'Ekonomi', en: 'Economy' },
    { code: 'sosial', id: 'Sosial', en: 'Social' },
    { code: 'infrastruktur', id: 'Infrastruktur', en: 'Infrastructure' },
    { code: 'lingkungan', id: 'Lingkungan', en: 'Environment' },
    { code: 'tata_kelola', id: 'Tata kelola', en: 'Governance' },
  ],
  terms: [
    {
      code: 'perdagangan_investasi',
      id: 'Perdagangan dan investasi',
      en: 'Trade and investment',
      group: 'ekonomi',
    },
    {
      code: 'pariwisata_regional',
      id: 'Pariwisata regional',
      en: 'Regional tourism',
      group: 'ekonomi',
    },
    {
      code: 'ketahanan_pangan_energi',
      id: 'Ketahanan pangan dan energi',
      en: 'Food and energy security',
      group: 'ekonomi',
    },
    { code: 'pendidikan', id: 'Pendidikan', en: 'Education', group: 'sosial' },
    { code: 'kesehatan', id: 'Kesehatan', en: 'Health', group: 'sosial' },
    { code: 'ketenagakerjaan', id: 'Ketenagakerjaan', en: 'Labour', group: 'sosial' },
    { code: 'kebudayaan', id: 'Kebudayaan', en: 'Culture', group: 'sosial' },
    { code: 'transportasi', id: 'Transportasi', en: 'Transport', group: 'infrastruktur' },
    {
      code: 'energi_telekomunikasi',
      id: 'Energi dan telekomunikasi',
      en: 'Energy and telecommunications',
      group: 'infrastruktur',
    },
    {
      code: 'air_sanitasi',
      id: 'Air bersih dan sanitasi',
      en: 'Water and sanitation',
      group: 'infrastruktur',
    },
    {
      code: 'daerah_aliran_sungai',
      id: 'Pengelolaan daerah aliran sungai',
      en: 'River-basin management',
      group: 'lingkungan',
    },
    {
      code: 'pengelolaan_sampah',
      id: 'Pengelolaan sampah regional',
      en: 'Regional waste management',
      group: 'lingkungan',
    },
    { code: 'konservasi', id: 'Konservasi', en: 'Conservation', group: 'lingkungan' },
    { code: 'perubahan_iklim', id: 'Perubahan iklim', en: 'Climate change', group: 'lingkungan' },
    {
      code: 'harmonisasi_regulasi',
      id: 'Harmonisasi peraturan daerah',
      en: 'Harmonising regional bylaws',
      group: 'tata_kelola',
    },
    {
      code: 'perencanaan_regional',
      id: 'Perencanaan pembangunan regional',
      en: 'Regional planning',
      group: 'tata_kelola',
    },
    {
      code: 'kelembagaan_bersama',
      id: 'Kelembagaan bersama',
      en: 'Joint bodies',
      group: 'tata_kelola',
    },
    {
      code: 'transfer_pengetahuan',
      id: 'Transfer pengetahuan',
      en: 'Knowledge transfer',
      group: 'tata_kelola',
    },
  ],
};

const partnerKinds: Vocabulary = {
  name: 'partner-kinds',
  id: 'Jenis mitra',
  en: 'Partner kinds',
  descriptionId: 'Jenis organisasi mitra di luar pemerintah daerah.',
  descriptionEn: 'Kinds of partner organisation outside regional government.',
  terms: [
    { code: 'company', id: 'Badan usaha swasta', en: 'Private company' },
    { code: 'bumn_bumd', id: 'BUMN/BUMD', en: 'State- or region-owned enterprise' },
    { code: 'university', id: 'Perguruan tinggi', en: 'University' },
    { code: 'ngo', id: 'Lembaga swadaya masyarakat', en: 'Non-governmental organisation' },
    {
      code: 'foreign_region',
      id: 'Pemerintah daerah di luar negeri',
      en: 'Foreign regional government',
    },
    {
      code: 'foreign_institution',
      id: 'Lembaga di luar negeri',
      en: 'Foreign institution',
    },
    {
      code: 'central_institution',
      id: 'Kementerian/lembaga pusat',
      en: 'Central ministry or agency',
    },
  ],
};

/**
 * Each affair says which level holds it (UU 23/2014, annex): most are shared,
 * each level holding its own sub-affairs; a few are the province's, with the
 * kabupaten/kota's narrow part named.
 */
const affairsWithAuthority: Vocabulary = {
  ...affairs,
  terms: affairs.terms.map((t) => {
    const provincial = PROVINCIAL_AFFAIRS[t.code];
    return {
      ...t,
      descriptionId:
        provincial?.id ??
        'urusan konkuren: provinsi dan kabupaten/kota masing-masing berwenang atas sub-urusannya (UU 23/2014, lampiran)',
      descriptionEn:
        provincial?.en ??
        'a concurrent affair: the province and the kabupaten/kota each hold their own sub-affairs (UU 23/2014, annex)',
    };
  }),
};

export const VOCABULARIES = [
  affairsWithAuthority,
  strategicIssues,
  cooperationKinds,
  cooperationModels,
  sectors,
  partnerKinds,
] as const;
export const VOCABULARY_NAMES = VOCABULARIES.map((v) => v.name) as [string, ...string[]];

export function vocabularyByName(name: string): Vocabulary | undefined {
  return VOCABULARIES.find((v) => v.name === name);
}

/** A term of a vocabulary in a language ("Pariwisata" / "Tourism"); the code itself when unknown. */
export function termLabel(vocabulary: string, code: string, lang: 'id' | 'en'): string {
  return vocabularyByName(vocabulary)?.terms.find((t) => t.code === code)?.[lang] ?? code;
}

export function termCodes(name: string): ReadonlySet<string> {
  return new Set(vocabularyByName(name)?.terms.map((t) => t.code) ?? []);
}

const CANONICAL = new Map<string, string>(
  VOCABULARIES.flatMap((v) => v.terms.map((t): [string, string] => [t.code, t.code])),
);

/**
 * The vocabulary's own string for a code read from the database. Equal codes
 * then are the same string, which the JavaScript engine compares by identity:
 * ranking thousands of candidates compares codes millions of times.
 */
export const canonicalCode = (code: string) => CANONICAL.get(code) ?? code;
export const canonicalCodes = (codes: readonly string[]) => codes.map(canonicalCode);
