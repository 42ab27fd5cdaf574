/**
 * The public pages' words, Indonesian first, and their paths (pure). Every
 * page exists in both languages: Indonesian at `/…`, English at `/en/…`.
 */
import { spokenDate, wibDate } from '../platform/date-rules';
import { numberFormat, spokenNumber } from '../platform/text';

export type Lang = 'id' | 'en';

/** A page's path in a language: `/potensi` → `/en/potensi`. */
export const pathIn = (lang: Lang, path: string) =>
  lang === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path;

/** The same page in the other language. */
export const otherLang = (lang: Lang): Lang => (lang === 'id' ? 'en' : 'id');

const WORDS = {
  site: { id: 'Sinergi — Kerja Sama Daerah', en: 'Sinergi — Regional Cooperation' },
  tagline: {
    id: 'Peluang kerja sama pemerintah daerah di seluruh Indonesia: potensi yang ditawarkan dan dibutuhkan, forum, dan diskusi.',
    en: 'Cooperation opportunities of regional governments across Indonesia: what they offer and need, forums and discussions.',
  },
  skip: { id: 'Langsung ke isi', en: 'Skip to content' },
  home: { id: 'Beranda', en: 'Home' },
  catalogue: { id: 'Katalog potensi', en: 'Catalogue' },
  forums: { id: 'Forum', en: 'Forums' },
  discussion: { id: 'Diskusi', en: 'Discussion' },
  otherLanguage: { id: 'English', en: 'Bahasa Indonesia' },
  search: { id: 'Cari', en: 'Search' },
  searchLabel: { id: 'Cari potensi kerja sama', en: 'Search cooperation potentials' },
  searchHint: {
    id: 'Misalnya: air bersih, sampah regional, wisata bahari, UMKM',
    en: 'For example: clean water, waste management, marine tourism, small business',
  },
  issues: { id: 'Isu strategis', en: 'Strategic issues' },
  newest: { id: 'Baru diterbitkan', en: 'Newly published' },
  upcoming: { id: 'Sesi forum mendatang', en: 'Upcoming forum sessions' },
  past: { id: 'Sesi yang telah berlangsung', en: 'Past sessions' },
  allPotentials: { id: 'Semua potensi', en: 'All potentials' },
  allSessions: { id: 'Semua sesi forum', en: 'All forum sessions' },
  none: { id: 'Belum ada.', en: 'None yet.' },
  offer: { id: 'Penawaran', en: 'Offer' },
  need: { id: 'Kebutuhan', en: 'Need' },
  filters: { id: 'Saring', en: 'Filter' },
  apply: { id: 'Terapkan', en: 'Apply' },
  clear: { id: 'Hapus saringan', en: 'Clear filters' },
  any: { id: 'Semua', en: 'Any' },
  direction: { id: 'Penawaran atau kebutuhan', en: 'Offer or need' },
  issue: { id: 'Isu strategis', en: 'Strategic issue' },
  affair: { id: 'Urusan pemerintahan', en: 'Government affair' },
  kind: { id: 'Bentuk kerja sama', en: 'Form of cooperation' },
  province: { id: 'Provinsi', en: 'Province' },
  results: { id: 'hasil', en: 'results' },
  next: { id: 'Halaman berikutnya', en: 'Next page' },
  first: { id: 'Kembali ke halaman pertama', en: 'Back to the first page' },
  noResults: { id: 'Tidak ada potensi yang cocok.', en: 'No potential matches.' },
  tryInstead: { id: 'Cobalah:', en: 'Try:' },
  tryFewer: {
    id: 'kata yang lebih sedikit atau lebih umum',
    en: 'fewer or more general words',
  },
  tryClear: { id: 'tanpa saringan', en: 'without the filters' },
  tryIssue: { id: 'menjelajah menurut isu strategis', en: 'browsing by strategic issue' },
  region: { id: 'Daerah', en: 'Region' },
  contacts: { id: 'Kontak', en: 'Contacts' },
  office: { id: 'Perangkat daerah', en: 'Office' },
  related: { id: 'Potensi terkait', en: 'Related potentials' },
  interest: { id: 'Menyatakan minat', en: 'Expressing interest' },
  interestHow: {
    id: 'Masuk ke Sinergi sebagai mitra atau pemerintah daerah, lalu nyatakan minat pada potensi ini. Sistem mitra dapat memakai operasi API berikut:',
    en: 'Sign in to Sinergi as a partner or a regional government, then express interest in this potential. A partner’s system can use this API operation:',
  },
  signIn: { id: 'Masuk', en: 'Sign in' },
  problem: { id: 'Permasalahan', en: 'Problem' },
  potential: { id: 'Potensi', en: 'Potential' },
  target: { id: 'Sasaran', en: 'Target' },
  process: { id: 'Proses', en: 'Process' },
  outputs: { id: 'Keluaran', en: 'Outputs' },
  outcome: { id: 'Hasil yang diharapkan', en: 'Expected outcome' },
  candidatePartner: { id: 'Calon mitra', en: 'Candidate partner' },
  value: { id: 'Nilai', en: 'Value' },
  validUntil: { id: 'Berlaku sampai', en: 'Valid until' },
  published: { id: 'Diterbitkan', en: 'Published' },
  potentials: { id: 'Potensi yang diterbitkan', en: 'Published potentials' },
  cooperation: { id: 'Kerja sama', en: 'Cooperation' },
  activeAgreements: { id: 'Kerja sama berjalan', en: 'Active agreements' },
  publishedCount: { id: 'Potensi terbit', en: 'Published potentials' },
  sessions: { id: 'Sesi forum', en: 'Forum sessions' },
  agenda: { id: 'Agenda', en: 'Agenda' },
  delegations: { id: 'Delegasi terdaftar', en: 'Registered delegations' },
  venue: { id: 'Tempat', en: 'Venue' },
  online: { id: 'Daring', en: 'Online' },
  convener: { id: 'Penyelenggara', en: 'Convener' },
  calendar: { id: 'Tambahkan ke kalender (.ics)', en: 'Add to calendar (.ics)' },
  when: { id: 'Waktu', en: 'When' },
  boards: { id: 'Papan diskusi', en: 'Discussion boards' },
  threads: { id: 'Topik', en: 'Threads' },
  readOnly: {
    id: 'Hanya baca. Masuk ke Sinergi untuk ikut berdiskusi.',
    en: 'Read only. Sign in to Sinergi to take part.',
  },
  replies: { id: 'balasan', en: 'replies' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  notFoundText: {
    id: 'Halaman ini tidak ada, atau tidak lagi terbuka untuk umum.',
    en: 'This page does not exist, or is no longer public.',
  },
  api: { id: 'API', en: 'API' },
  footer: {
    id: 'Sinergi menghubungkan 552 pemerintah daerah dan mitranya. Data terbuka juga tersedia melalui API.',
    en: 'Sinergi connects 552 regional governments and their partners. The open data is also available through the API.',
  },
} as const;

export type Word = keyof typeof WORDS;
export const w = (lang: Lang, word: Word): string => WORDS[word][lang];

/** Rupiah as officials write it: "Rp1,5 miliar". */
export function rupiah(lang: Lang, value: number | null): string | null {
  if (value === null) return null;
  const units: [number, string, string][] = [
    [1e12, 'triliun', 'trillion'],
    [1e9, 'miliar', 'billion'],
    [1e6, 'juta', 'million'],
  ];
  for (const [size, id, en] of units)
    if (value >= size) {
      const n = spokenNumber(value / size, lang);
      return lang === 'id' ? `Rp${n} ${id}` : `IDR ${n} ${en}`;
    }
  return `${lang === 'id' ? 'Rp' : 'IDR '}${numberFormat(lang).format(value)}`;
}

/** A date as it is spoken ("6 Desember 2026"): an ISO day, or an instant's day in WIB. */
export const dateIn = (lang: Lang, at: string | Date): string =>
  spokenDate(typeof at === 'string' ? at.slice(0, 10) : wibDate(at), lang);
