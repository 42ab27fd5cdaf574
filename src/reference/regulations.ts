/**
 * The object of a cooperation (what it concerns) and the regulations that then
 * apply, as a checklist for the potential and the agreement. Pure data.
 * Every cooperation follows PP 28/2018; with a region or a domestic third party
 * Permendagri 22/2020, with a foreign region or institution Permendagri 25/2020.
 */
export const OBJECTS = [
  'barang_jasa',
  'aset_daerah',
  'investasi',
  'infrastruktur',
  'pelayanan_publik',
  'lainnya',
] as const;
export type CooperationObject = (typeof OBJECTS)[number];

export type Regulation = { code: string; title: string; about: { id: string; en: string } };

const R = {
  pp28: {
    code: 'PP 28/2018',
    title: 'Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah',
    about: { id: 'dasar setiap kerja sama daerah', en: 'the basis of every regional cooperation' },
  },
  pmdn22: {
    code: 'Permendagri 22/2020',
    title:
      'Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga',
    about: {
      id: 'tata cara kerja sama dengan daerah lain dan pihak ketiga',
      en: 'procedure with other regions and third parties',
    },
  },
  pmdn25: {
    code: 'Permendagri 25/2020',
    title:
      'Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri dan Kerja Sama Daerah dengan Lembaga di Luar Negeri',
    about: {
      id: 'tata cara kerja sama dengan pemerintah daerah dan lembaga di luar negeri',
      en: 'procedure with foreign regional governments and institutions',
    },
  },
  perpres16: {
    code: 'Perpres 16/2018',
    title: 'Peraturan Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang/Jasa Pemerintah',
    about: { id: 'pengadaan barang/jasa', en: 'public procurement' },
  },
  lkpp9: {
    code: 'Peraturan LKPP 9/2018',
    title:
      'Peraturan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah Nomor 9 Tahun 2018 tentang Pedoman Pelaksanaan Pengadaan Barang/Jasa melalui Penyedia',
    about: { id: 'pengadaan melalui penyedia', en: 'procurement through providers' },
  },
  pp27: {
    code: 'PP 27/2014',
    title:
      'Peraturan Pemerintah Nomor 27 Tahun 2014 tentang Pengelolaan Barang Milik Negara/Daerah',
    about: { id: 'pemanfaatan barang milik daerah', en: 'use of regional assets' },
  },
  pmdn19: {
    code: 'Permendagri 19/2016',
    title:
      'Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman Pengelolaan Barang Milik Daerah',
    about: { id: 'pengelolaan barang milik daerah', en: 'management of regional assets' },
  },
  pmdn96: {
    code: 'Permendagri 96/2016',
    title:
      'Peraturan Menteri Dalam Negeri Nomor 96 Tahun 2016 tentang Pembayaran Ketersediaan Layanan dalam rangka Kerja Sama Pemerintah Daerah dengan Badan Usaha dalam Penyediaan Infrastruktur di Daerah',
    about: {
      id: 'kerja sama dengan badan usaha (KPBU) di daerah',
      en: 'public–private partnership in regions',
    },
  },
  perpres38: {
    code: 'Perpres 38/2015',
    title:
      'Peraturan Presiden Nomor 38 Tahun 2015 tentang Kerja Sama Pemerintah dengan Badan Usaha dalam Penyediaan Infrastruktur',
    about: {
      id: 'penyediaan infrastruktur bersama badan usaha',
      en: 'infrastructure with businesses',
    },
  },
  uu25: {
    code: 'UU 25/2009',
    title: 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
    about: { id: 'standar pelayanan publik', en: 'public service standards' },
  },
} satisfies Record<string, Regulation>;

const BY_OBJECT: Record<CooperationObject, Regulation[]> = {
  barang_jasa: [R.perpres16, R.lkpp9],
  aset_daerah: [R.pp27, R.pmdn19],
  investasi: [R.pmdn96],
  infrastruktur: [R.perpres38, R.pmdn96],
  pelayanan_publik: [R.uu25],
  lainnya: [],
};

/** The regulations a cooperation follows, given its object and its kinds (cooperation-kinds codes). */
export function regulationsFor(
  object: string | null | undefined,
  kinds: readonly string[],
): Regulation[] {
  const foreign = kinds.some((k) => k === 'KSDPL' || k === 'KSDLL');
  const domestic = kinds.length === 0 || kinds.some((k) => k === 'KSDD' || k === 'KSDPK');
  return [
    R.pp28,
    ...(domestic ? [R.pmdn22] : []),
    ...(foreign ? [R.pmdn25] : []),
    ...(object && object in BY_OBJECT ? BY_OBJECT[object as CooperationObject] : []),
  ];
}
