/**
 * The development relevance set for the catalogue search, judged over the
 * demo catalogue (db/seed/demo-catalogue.ts). A query's relevant potentials
 * are those judged about its `topics` (each demo potential carries the topics
 * its writer judged it to be about — never derived from its text), narrowed to
 * a `place` (province or region code) when one is given, or exactly the
 * `titles` listed when the question is narrower than a topic. A query that
 * names a term of the vocabularies (a strategic issue, an affair) also counts
 * the potentials their region classified under it (`issues`, `affairs`): the
 * region's own classification is a judgement too. `none`: nothing in the
 * catalogue answers it, and the right answer is an empty page.
 *
 * `npm run eval:search` runs every query through the HTTP API.
 *
 * The last four kinds (issue 30) were written on 2026-12-06 from the
 * catalogue's own text (its titles and fields, db/seed/demo-catalogue.ts) and
 * judged before any of them was run, so that the set measures what users
 * type rather than what the search was tuned on:
 * - `partial`: a query with a word the right potential does not contain — a
 *   second commodity, a qualifier ("murah", "terpencil"), an investor's
 *   framing ("peluang", "investasi", "opportunity");
 * - `phrase`: English phrases whose meaning is in the words together
 *   ("early warning", "cold storage", "waste to energy");
 * - `real_word`: correctly spelt words the catalogue does not contain (a crop,
 *   a fruit), alone or with words it does: never "corrected" into another word;
 * - `collision`: words the stemmer brings together with others ("terbatas" and
 *   "perbatasan", "pengalaman" and "alam") and abbreviations of institutions.
 */
export type Judgement = {
  q: string;
  kind:
    | 'indonesian'
    | 'english'
    | 'abbreviation'
    | 'typo'
    | 'place'
    | 'none'
    | 'partial'
    | 'phrase'
    | 'real_word'
    | 'collision';
  topics?: string[];
  issues?: string[];
  affairs?: string[];
  place?: string;
  titles?: string[];
  none?: true;
};

const EARLY_WARNING = [
  'Sistem peringatan dini tsunami dan likuefaksi',
  'Peringatan dini tsunami pesisir Selat Sunda',
  'Pemantauan lahar dingin Merapi',
];

export const JUDGEMENTS: Judgement[] = [
  // Indonesian, as officials write
  { q: 'pengelolaan sampah', kind: 'indonesian', topics: ['sampah'] },
  { q: 'sampah', kind: 'indonesian', topics: ['sampah'] },
  { q: 'air minum', kind: 'indonesian', topics: ['air_minum'] },
  { q: 'air bersih', kind: 'indonesian', topics: ['air_minum'] },
  {
    q: 'desa wisata',
    kind: 'indonesian',
    titles: [
      'Pengembangan desa wisata berbasis subak',
      'Sertifikasi homestay desa wisata Lombok Utara',
      'Kawasan wisata Borobudur dan desa penyangga',
      'Agrowisata dan wisata alam Garut',
      'Wisata bahari dan selam Raja Ampat',
      'Wisata Bromo Tengger Semeru dari sisi Malang',
    ],
  },
  {
    q: 'wisata bahari',
    kind: 'indonesian',
    titles: [
      'Wisata bahari dan selam Raja Ampat',
      'Ekowisata lumba-lumba Lovina',
      'Wisata pulau Derawan dan Maratua',
      'Wisata selam Bunaken dan kapal pesiar Manado',
      'Taman laut Wakatobi untuk wisata minat khusus',
      'Paket wisata bersama Mandalika–Gili',
      'Wisata alam Ijen dan pantai selatan Banyuwangi',
      'Tuan rumah kejuaraan selancar internasional',
      'Rehabilitasi hutan mangrove pesisir timur Sumatera Utara',
    ],
  },
  { q: 'peringatan dini bencana', kind: 'indonesian', titles: EARLY_WARNING },
  {
    q: 'penanggulangan bencana',
    kind: 'indonesian',
    topics: ['bencana'],
    issues: ['penanggulangan_bencana'],
  },
  {
    q: 'banjir',
    kind: 'indonesian',
    titles: [
      'Pengendalian banjir Citarum hulu',
      'Penanganan banjir Kali Lamong',
      'Pemulihan lahan kritis dan banjir Tabalong',
      'Penataan permukiman kumuh tepi sungai Medan',
    ],
  },
  {
    q: 'kemiskinan ekstrem',
    kind: 'indonesian',
    topics: ['kemiskinan'],
    issues: ['kemiskinan_ekstrem'],
  },
  { q: 'stunting', kind: 'indonesian', topics: ['stunting'] },
  { q: 'gizi balita', kind: 'indonesian', topics: ['stunting'] },
  { q: 'pengendalian inflasi', kind: 'indonesian', topics: ['inflasi'], issues: ['inflasi'] },
  {
    q: 'harga cabai',
    kind: 'indonesian',
    titles: ['Pasokan cabai dan bawang merah untuk kota', 'Sayur dan cabai Karo untuk pasar Medan'],
  },
  {
    q: 'pelatihan guru',
    kind: 'indonesian',
    titles: [
      'Pertukaran guru dan kepala sekolah antardaerah',
      'Guru penggerak untuk sekolah perbatasan Kalimantan Barat',
    ],
  },
  {
    q: 'rumah sakit rujukan',
    kind: 'indonesian',
    titles: [
      'Rumah sakit rujukan regional Bitung',
      'Rumah sakit rujukan Nabire untuk Papua Tengah',
      'Rumah sakit jiwa dan rehabilitasi rujukan Magelang',
    ],
  },
  {
    q: 'kawasan perbatasan',
    kind: 'indonesian',
    topics: ['perbatasan'],
    issues: ['kawasan_perbatasan'],
  },
  { q: 'energi terbarukan', kind: 'indonesian', topics: ['energi'] },
  { q: 'promosi investasi', kind: 'indonesian', topics: ['investasi'] },
  {
    q: 'kopi',
    kind: 'indonesian',
    titles: [
      'Hilirisasi kopi Gayo',
      'Sentra hortikultura dan kopi Sigi',
      'Pasar lelang komoditas kopi dan lada Lampung',
    ],
  },
  {
    q: 'nelayan',
    kind: 'indonesian',
    titles: [
      'Penghapusan kemiskinan ekstrem melalui kampung nelayan',
      'Rantai dingin perikanan Tanimbar',
      'Pelabuhan perikanan samudera Bitung untuk nelayan daerah lain',
      'Kampung nelayan modern Halmahera Selatan',
      'Ekowisata lumba-lumba Lovina',
      'Telur dan ikan untuk balita Brebes',
    ],
  },
  { q: 'angkutan antardaerah', kind: 'indonesian', topics: ['transportasi'] },
  {
    q: 'mangrove',
    kind: 'indonesian',
    titles: [
      'Rehabilitasi hutan mangrove pesisir timur Sumatera Utara',
      'Udang dan kepiting bakau Kubu Raya',
    ],
  },
  { q: 'pelatihan kerja', kind: 'indonesian', topics: ['tenaga_kerja'] },
  // abbreviations
  { q: 'UMKM', kind: 'abbreviation', topics: ['umkm'], affairs: ['koperasi_ukm'] },
  { q: 'SPAM regional', kind: 'abbreviation', topics: ['air_minum'] },
  {
    q: 'TPA',
    kind: 'abbreviation',
    titles: [
      'Pengelolaan sampah regional Jayapura',
      'TPA regional Piyungan untuk Kartamantul',
      'Tempat pengolahan sampah terpadu Legok Nangka',
      'TPST bersama Gianyar dan Bangli',
      'Pengangkutan sampah Mamminasata',
      'TPA regional Serang Raya',
      'Sampah menjadi bahan bakar alternatif Padang',
    ],
  },
  {
    q: 'PLTS',
    kind: 'abbreviation',
    titles: [
      'Pembangkit listrik tenaga surya Sumba',
      'Reklamasi lahan bekas tambang Sumbawa Barat',
    ],
  },
  { q: 'DBD', kind: 'abbreviation', titles: ['Pencegahan demam berdarah lintas batas kota'] },
  { q: 'TBC', kind: 'abbreviation', titles: ['Penanggulangan tuberkulosis Maros dan Pangkep'] },
  {
    q: 'SPBE',
    kind: 'abbreviation',
    titles: [
      'Mal pelayanan publik dan sistem pemerintahan berbasis elektronik',
      'Berbagi aplikasi layanan perizinan daring',
      'Satu data dan pusat data bersama Kulon Progo',
      'Kota cerdas dan ruang kendali Sanggau',
    ],
  },
  // English, as partners and foreign institutions search
  {
    q: 'tourism',
    kind: 'english',
    topics: ['wisata'],
    issues: ['pariwisata'],
    affairs: ['pariwisata'],
  },
  { q: 'disaster early warning', kind: 'english', titles: EARLY_WARNING },
  { q: 'waste management', kind: 'english', topics: ['sampah'] },
  { q: 'drinking water', kind: 'english', topics: ['air_minum'] },
  { q: 'small business', kind: 'english', topics: ['umkm'], affairs: ['koperasi_ukm'] },
  { q: 'child nutrition', kind: 'english', topics: ['stunting'] },
  {
    q: 'fisheries',
    kind: 'english',
    topics: ['perikanan'],
    affairs: ['kelautan_perikanan'],
  },
  { q: 'renewable energy', kind: 'english', topics: ['energi'] },
  { q: 'border', kind: 'english', topics: ['perbatasan'], issues: ['kawasan_perbatasan'] },
  { q: 'poverty', kind: 'english', topics: ['kemiskinan'], issues: ['kemiskinan_ekstrem'] },
  // typos
  {
    q: 'pariwsata',
    kind: 'typo',
    topics: ['wisata'],
    issues: ['pariwisata'],
    affairs: ['pariwisata'],
  },
  { q: 'bencna', kind: 'typo', topics: ['bencana'], issues: ['penanggulangan_bencana'] },
  { q: 'sampha', kind: 'typo', topics: ['sampah'] },
  { q: 'stuntng', kind: 'typo', topics: ['stunting'] },
  { q: 'kemiskinann', kind: 'typo', topics: ['kemiskinan'], issues: ['kemiskinan_ekstrem'] },
  // places, by name and short form
  { q: 'Bali', kind: 'place', place: '51' },
  { q: 'Kalbar', kind: 'place', place: '61' },
  { q: 'Sigi', kind: 'place', place: '72.10' },
  { q: 'Jatim', kind: 'place', place: '35' },
  { q: 'NTB', kind: 'place', place: '52' },
  {
    q: 'wisata Lombok',
    kind: 'place',
    titles: [
      'Paket wisata bersama Mandalika–Gili',
      'Sertifikasi homestay desa wisata Lombok Utara',
      'Kota Mataram sebagai pintu wisata halal Lombok',
    ],
  },
  { q: 'sampah Jawa Barat', kind: 'place', topics: ['sampah'], place: '32' },
  // nothing in the catalogue answers these
  { q: 'nuklir', kind: 'none', none: true },
  { q: 'mata uang kripto', kind: 'none', none: true },
  { q: 'eksplorasi minyak lepas pantai', kind: 'none', none: true },
  { q: 'kapal induk', kind: 'none', none: true },
  { q: 'qwerty', kind: 'none', none: true },
  // --- issue 30, written and judged before running (see the header) ---
  // partial: the right potential lacks a word of the query
  {
    q: 'harga cabai bawang merah',
    kind: 'partial',
    titles: [
      'Pasokan cabai dan bawang merah untuk kota',
      'Sayur dan cabai Karo untuk pasar Medan',
      'Bawang merah Bima untuk pengendalian harga',
    ],
  },
  { q: 'air bersih desa terpencil', kind: 'partial', topics: ['air_minum'] },
  {
    q: 'listrik murah desa terpencil',
    kind: 'partial',
    titles: [
      'Panas bumi dan listrik desa Ende',
      'Pembangkit listrik tenaga mikrohidro kampung pegunungan',
      'Pembangkit listrik tenaga surya Sumba',
    ],
  },
  { q: 'peluang investasi pariwisata', kind: 'partial', topics: ['wisata'] },
  { q: 'investment opportunity fisheries', kind: 'partial', topics: ['perikanan'] },
  { q: 'peluang investasi energi terbarukan', kind: 'partial', topics: ['energi'] },
  {
    q: 'sekolah anak perbatasan terpencil',
    kind: 'partial',
    titles: [
      'Sekolah berasrama untuk anak perbatasan Nunukan',
      'Guru penggerak untuk sekolah perbatasan Kalimantan Barat',
      'Layanan dasar kampung perbatasan Papua Nugini',
    ],
  },
  {
    q: 'pasokan beras dan jagung',
    kind: 'partial',
    titles: [
      'Neraca pangan dan pasokan beras Banjarmasin',
      'Cadangan beras daerah Kabupaten Kediri',
      'Jagung Pohuwato untuk pakan ternak',
      'Lumbung pangan Sumba Timur',
    ],
  },
  {
    q: 'peluang kerja sama kopi',
    kind: 'partial',
    titles: [
      'Hilirisasi kopi Gayo',
      'Pasar lelang komoditas kopi dan lada Lampung',
      'Sentra hortikultura dan kopi Sigi',
    ],
  },
  {
    q: 'bantuan untuk nelayan miskin',
    kind: 'partial',
    titles: [
      'Penghapusan kemiskinan ekstrem melalui kampung nelayan',
      'Kampung nelayan modern Halmahera Selatan',
    ],
  },
  { q: 'layanan kesehatan murah untuk warga pulau', kind: 'partial', topics: ['kesehatan'] },
  { q: 'investor kawasan industri', kind: 'partial', topics: ['industri'] },
  // phrase: English whose meaning is in the words together
  {
    q: 'tsunami early warning',
    kind: 'phrase',
    titles: [
      'Sistem peringatan dini tsunami dan likuefaksi',
      'Peringatan dini tsunami pesisir Selat Sunda',
    ],
  },
  {
    q: 'eco tourism mangrove',
    kind: 'phrase',
    titles: [
      'Rehabilitasi hutan mangrove pesisir timur Sumatera Utara',
      'Ekowisata lumba-lumba Lovina',
      'Udang dan kepiting bakau Kubu Raya',
    ],
  },
  {
    q: 'waste to energy',
    kind: 'phrase',
    titles: [
      'Sampah menjadi bahan bakar alternatif Padang',
      'Tempat pengolahan sampah terpadu Legok Nangka',
      'Biogas kotoran sapi untuk peternak Semarang',
    ],
  },
  {
    q: 'industrial estate',
    kind: 'phrase',
    titles: [
      'Kawasan industri Kendal Semarang Demak',
      'Kawasan ekonomi khusus Gresik untuk investor',
    ],
  },
  { q: 'cold storage for fish', kind: 'phrase', titles: ['Rantai dingin perikanan Tanimbar'] },
  {
    q: 'flood control',
    kind: 'phrase',
    titles: [
      'Pengendalian banjir Citarum hulu',
      'Penanganan banjir Kali Lamong',
      'Pemulihan lahan kritis dan banjir Tabalong',
    ],
  },
  {
    q: 'forest fire prevention',
    kind: 'phrase',
    titles: ['Pencegahan kebakaran hutan dan lahan gambut'],
  },
  { q: 'solid waste management', kind: 'phrase', topics: ['sampah'] },
  { q: 'clean water supply', kind: 'phrase', topics: ['air_minum'] },
  {
    q: 'maternal health',
    kind: 'phrase',
    titles: [
      'Layanan kesehatan ibu melahirkan di Sentani',
      'Gizi ibu dan anak di kampung Merauke',
      'Pelatihan bidan dan perawat untuk daerah kepulauan NTT',
    ],
  },
  {
    q: 'integrated public transport',
    kind: 'phrase',
    titles: [
      'Angkutan umum terintegrasi Bogor dan Depok',
      'Kereta ringan dan bus pengumpan Palembang Raya',
    ],
  },
  {
    q: 'migrant worker protection',
    kind: 'phrase',
    titles: ['Pelindungan pekerja migran asal Lombok Timur'],
  },
  {
    q: 'vocational training centre',
    kind: 'phrase',
    titles: [
      'Balai latihan kerja bersama Bekasi',
      'SMK dan politeknik untuk tenaga industri migas',
      'Pelatihan SDM pariwisata bersertifikat',
      'Bursa kerja dan magang industri Kediri Raya',
    ],
  },
  // real_word: correctly spelt, absent from the catalogue; never turned into another word
  { q: 'durian', kind: 'real_word', none: true },
  { q: 'kapas', kind: 'real_word', none: true },
  { q: 'cengkeh', kind: 'real_word', none: true },
  { q: 'karet', kind: 'real_word', none: true },
  { q: 'vanili', kind: 'real_word', none: true },
  { q: 'salak', kind: 'real_word', none: true },
  { q: 'jeruk', kind: 'real_word', none: true },
  { q: 'tiram', kind: 'real_word', none: true },
  {
    q: 'budidaya tiram dan kerapu',
    kind: 'real_word',
    titles: ['Budidaya ikan kerapu dan kakap Bintan'],
  },
  // collision: stems that meet other words, and institutions by abbreviation
  { q: 'PDAM', kind: 'collision', topics: ['air_minum'] },
  {
    q: 'BUMD',
    kind: 'collision',
    titles: [
      'Pembiayaan usaha mikro melalui BUMD',
      'Pendampingan PDAM sehat untuk kabupaten mitra',
    ],
  },
  { q: 'PMI', kind: 'collision', titles: ['Pelindungan pekerja migran asal Lombok Timur'] },
  { q: 'TKI', kind: 'collision', titles: ['Pelindungan pekerja migran asal Lombok Timur'] },
  {
    q: 'pekerja migran',
    kind: 'collision',
    titles: ['Pelindungan pekerja migran asal Lombok Timur'],
  },
  { q: 'perbatasan negara', kind: 'collision', topics: ['perbatasan'] },
  {
    q: 'wisata alam',
    kind: 'collision',
    titles: [
      'Agrowisata dan wisata alam Garut',
      'Wisata alam Ijen dan pantai selatan Banyuwangi',
      'Geowisata Gunung Sewu',
      'Geopark Belitung dan wisata bekas tambang timah',
      'Wisata Bromo Tengger Semeru dari sisi Malang',
      'Konservasi hutan dan burung endemik Manokwari',
      'Ekowisata lumba-lumba Lovina',
      'Kawasan Danau Toba sebagai destinasi bersama',
    ],
  },
  {
    q: 'border trade',
    kind: 'collision',
    titles: [
      'Pasar perbatasan Motaain dengan Timor Leste',
      'Ekspor produk usaha mikro Singkawang ke Sarawak',
      'Pelabuhan lintas batas Tarakan ke Tawau',
    ],
  },
  {
    q: 'RSUD',
    kind: 'collision',
    titles: [
      'Rumah sakit rujukan regional Bitung',
      'Rumah sakit rujukan Nabire untuk Papua Tengah',
      'Rumah sakit jiwa dan rehabilitasi rujukan Magelang',
    ],
  },
  {
    q: 'IPAL',
    kind: 'collision',
    titles: ['Pengolahan air limbah domestik Medan Binjai Deli Serdang'],
  },
];
