/**
 * The catalogue's thesaurus: the abbreviations, near terms and English words
 * officials and partners search with, kept here as one reviewed list and
 * applied by query expansion (`expandQuery` in ./query.ts). Add a line when a
 * search a user made found nothing it should have; `npm run eval:search`
 * shows what the change does to the relevance set.
 *
 * Lines (words as typed; case, accents and punctuation do not matter):
 *   a = b = c        two-way: each term also finds the others
 *   a > b, c         one-way: a also finds b and c (not the reverse)
 *   stop: w1 w2 …    words dropped from a query (Indonesian has no stop list
 *                    of its own in PostgreSQL; English ones are listed too)
 *   optional: w1 …   words that raise a potential's rank but need not match
 *   framing: w1 …    optional too, but required first when the query has
 *                    nothing but optional words ("promosi investasi")
 * An expansion also brings the expansions of its terms (one step): "drinking
 * water > air minum" finds what "air minum" finds.
 * A term of several words is a phrase: it matches those words in order.
 */
export const THESAURUS = String.raw`
# --- singkatan dan istilah pemerintahan daerah ---
umkm = usaha mikro kecil menengah = usaha mikro kecil dan menengah = usaha kecil menengah = ukm = usaha mikro = usaha kecil
koperasi > umkm
spam = sistem penyediaan air minum = air minum = air bersih = pdam
tpa = tempat pemrosesan akhir = tempat pembuangan akhir
tpa > tpst, tempat pengolahan sampah, sampah regional
tpst = tempat pengolahan sampah terpadu
tps3r = tempat pengolahan sampah reduce reuse recycle
bank sampah > sampah
daur ulang = recycle
ipal = instalasi pengolahan air limbah
iplt = instalasi pengolahan lumpur tinja
air limbah = limbah cair
stunting = tengkes = balita pendek
stunting > gizi
gizi > stunting, tengkes
gizi buruk > gizi, stunting
posyandu > gizi, kesehatan ibu dan anak
kia = kesehatan ibu dan anak
rs = rumah sakit
rsud = rumah sakit umum daerah = rumah sakit daerah
nakes = tenaga kesehatan
tbc = tb = tuberkulosis
dbd = demam berdarah
puskesmas > layanan kesehatan
karhutla = kebakaran hutan dan lahan
bpbd > bencana
longsor = tanah longsor
ews = sistem peringatan dini = peringatan dini
tpid > inflasi
sembako = bahan pokok = kebutuhan pokok = bapok
pasar murah > inflasi
lumbung pangan > ketahanan pangan, cadangan pangan
rantai dingin = gudang beku = cold storage
plts = pembangkit listrik tenaga surya = energi surya = tenaga surya
pltmh = pembangkit listrik tenaga mikrohidro = mikrohidro
ebt = energi baru terbarukan = energi terbarukan
energi terbarukan > tenaga surya, energi surya, panas bumi, mikrohidro, biogas, bahan bakar alternatif, listrik dari sampah
blk = balai latihan kerja
pelatihan kerja = latihan kerja = balai latihan kerja = pelatihan keterampilan
pelatihan kerja > tenaga kerja
smk = sekolah menengah kejuruan
vokasi = kejuruan
spbe = sistem pemerintahan berbasis elektronik = pemerintahan digital = pelayanan publik digital
spbe > satu data, pusat data, perizinan daring, kota cerdas, layanan daring
plbn = pos lintas batas negara
lintas batas > perbatasan
kek = kawasan ekonomi khusus
bumdes = badan usaha milik desa
bumd = badan usaha milik daerah
rth = ruang terbuka hijau
rtlh = rumah tidak layak huni
huntap = hunian tetap
kb = keluarga berencana
ktp el = ktp elektronik = kartu tanda penduduk elektronik
dukcapil = kependudukan dan pencatatan sipil
adminduk = administrasi kependudukan
pad = pendapatan asli daerah
kemiskinan ekstrem = miskin ekstrem
pdam = perumda air minum = perusahaan daerah air minum
bumd > pdam, perumda
pmi = tki = pekerja migran indonesia = pekerja migran = tenaga kerja indonesia
rsud > rumah sakit
rumah sakit daerah > rumah sakit

# --- kata dekat: bentuk kata yang pemotong imbuhan tidak menyatukan ---
wisata = pariwisata = kepariwisataan
wisatawan = turis = pelancong
kelola = pengelolaan = mengelola = dikelola = pengelola
olah = pengolahan = mengolah = diolah
bakau = mangrove = hutan bakau
nelayan > perikanan tangkap
angkutan = transportasi
bandara = bandar udara
investasi = penanaman modal = investor
hilirisasi = pengolahan hasil
kawasan perbatasan > perbatasan
daerah tertinggal > disparitas

bahari > laut, pantai, selam, pulau, kelautan

# --- English: the words partners and foreign institutions search with ---
tourism > pariwisata, wisata
tourist > wisatawan, wisata
tourists > wisatawan, wisata
travel > wisata
ecotourism > ekowisata, wisata alam
disaster > bencana
disasters > bencana
early warning > peringatan dini
early warning system > sistem peringatan dini, peringatan dini
eco tourism > ekowisata, wisata alam
nature tourism > wisata alam, ekowisata
flood control > pengendalian banjir, penanganan banjir, banjir
fire prevention > pencegahan kebakaran
forest fire prevention > pencegahan kebakaran hutan, kebakaran hutan, karhutla
waste to energy > sampah menjadi energi, sampah menjadi bahan bakar, bahan bakar alternatif, listrik dari sampah, biogas
solid waste > sampah
cold storage > rantai dingin, gudang beku
industrial estate > kawasan industri, kawasan ekonomi khusus
industrial park > kawasan industri, kawasan ekonomi khusus
industrial zone > kawasan industri, kawasan ekonomi khusus
industrial area > kawasan industri
special economic zone > kawasan ekonomi khusus
public transport > angkutan umum, transportasi umum
public transportation > angkutan umum, transportasi umum
mass transit > angkutan umum, kereta ringan
maternal health > kesehatan ibu, ibu melahirkan, bidan
maternal > ibu
midwife > bidan
midwives > bidan
migrant worker > pekerja migran
migrant workers > pekerja migran
worker > pekerja, tenaga kerja
workers > pekerja, tenaga kerja
protection > pelindungan, perlindungan
vocational training > pelatihan kerja, latihan kerja, balai latihan kerja, vokasi, pelatihan vokasi
training centre > balai latihan, pusat pelatihan
training center > balai latihan, pusat pelatihan
prevention > pencegahan
control > pengendalian
trade > perdagangan, pasar, ekspor
storage > gudang, penyimpanan
flood > banjir
flooding > banjir
landslide > longsor
earthquake > gempa
forest fire > kebakaran hutan, karhutla
evacuation > evakuasi
waste > sampah, limbah
garbage > sampah
trash > sampah
rubbish > sampah
landfill > tpa
waste management > sampah, limbah
recycling > daur ulang
drinking water > air minum, spam
clean water > air bersih, air minum
water supply > air minum, spam
sanitation > sanitasi
wastewater > air limbah, ipal
stunting > stunting, gizi
nutrition > gizi
malnutrition > gizi buruk, gizi
child > anak, balita
children > anak, balita
health > kesehatan
healthcare > kesehatan, layanan kesehatan
hospital > rumah sakit
doctor > dokter
doctors > dokter
tuberculosis > tuberkulosis
education > pendidikan
school > sekolah
schools > sekolah
scholarship > beasiswa
teacher > guru
teachers > guru
vocational > vokasi, kejuruan
training > pelatihan
small business > umkm
small businesses > umkm
sme > umkm
smes > umkm
msme > umkm
msmes > umkm
cooperative > koperasi
cooperatives > koperasi
food > pangan
food security > ketahanan pangan
inflation > inflasi
price > harga
prices > harga
rice > beras
chili > cabai
farmer > petani
farmers > petani
agriculture > pertanian
farming > pertanian
coffee > kopi
cocoa > kakao
fisheries > perikanan
fishery > perikanan
fish > ikan, perikanan
fishermen > nelayan
fisherman > nelayan
seaweed > rumput laut
marine > kelautan, bahari
cold chain > rantai dingin
transport > transportasi, angkutan
transportation > transportasi, angkutan
port > pelabuhan
harbour > pelabuhan
airport > bandara
road > jalan
roads > jalan
energy > energi
solar > surya
electricity > listrik
renewable energy > energi terbarukan
digital > digital
internet > internet
investment > investasi, penanaman modal
industry > industri
industrial > industri
environment > lingkungan
mangrove > mangrove
mangroves > mangrove
forest > hutan
forests > hutan
river > sungai
border > perbatasan
poverty > kemiskinan, miskin
poor > miskin
housing > perumahan, hunian
employment > tenaga kerja, lapangan kerja
jobs > lapangan kerja, tenaga kerja
labour > tenaga kerja
culture > budaya, kebudayaan
cultural > budaya
heritage > warisan budaya, cagar budaya
village > desa
villages > desa
youth > pemuda
sport > olahraga
sports > olahraga
public service > pelayanan publik
public services > pelayanan publik
spatial planning > tata ruang
id card > ktp
civil registration > pencatatan sipil

stop: di ke dari yang dan untuk dengan pada dalam bagi serta oleh se ini itu the of for and in on to a an with at by

# words that say little about what is sought: they raise a potential's rank
# but are not required (unless the query has nothing else)
optional: pengelolaan pengembangan peningkatan penguatan percepatan penyediaan pembangunan program kegiatan kerja sama bersama antardaerah regional terpadu daerah kawasan layanan promosi management cooperation regional program development
# an investor's framing: it says who asks, not what is sought (optional; but
# asked alone, or with words that say little, it is what is sought)
framing: peluang potensi prospek investasi investor penanaman modal opportunity opportunities investment investments invest investor investors prospect
# qualifiers of a need: the potential that meets it need not use the word
optional: murah terjangkau terpencil pedalaman modern berkualitas berkelanjutan cepat mudah bantuan dukungan solusi kebutuhan warga masyarakat cheap affordable low cost remote sustainable integrated support help solution needs centre center supply
`;

export type Thesaurus = {
  /** a term (in search form) → the terms it also finds */
  expansions: Map<string, string[]>;
  /** the longest term, in words: how far a query is looked ahead */
  longest: number;
  stop: Set<string>;
  optional: Set<string>;
  /** optional words that are what is sought when nothing else is asked */
  framing: Set<string>;
};

/** Reads the thesaurus text; terms are brought to search form by `normalise`. */
export function parseThesaurus(text: string, normalise: (s: string) => string): Thesaurus {
  const expansions = new Map<string, string[]>();
  const stop = new Set<string>();
  const optional = new Set<string>();
  const framing = new Set<string>();
  const add = (from: string, to: string[]) => {
    const list = expansions.get(from) ?? [];
    for (const t of to) if (t !== from && !list.includes(t)) list.push(t);
    expansions.set(from, list);
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('stop:')) {
      for (const w of normalise(line.slice(5)).split(' ')) if (w) stop.add(w);
    } else if (line.startsWith('optional:')) {
      for (const w of normalise(line.slice(9)).split(' ')) if (w) optional.add(w);
    } else if (line.startsWith('framing:')) {
      for (const w of normalise(line.slice(8)).split(' '))
        if (w) {
          optional.add(w);
          framing.add(w);
        }
    } else if (line.includes('>')) {
      const [left, right] = line.split('>', 2) as [string, string];
      add(normalise(left), right.split(',').map(normalise).filter(Boolean));
    } else if (line.includes('=')) {
      const terms = line.split('=').map(normalise).filter(Boolean);
      for (const t of terms) add(t, terms);
    } else throw new Error(`thesaurus: cannot read "${line}"`);
  }
  // one step further: what a term expands to, expanded once more
  const direct = new Map([...expansions].map(([k, v]) => [k, [...v]]));
  for (const [term, list] of direct)
    add(
      term,
      list.flatMap((t) => direct.get(t) ?? []),
    );
  const longest = Math.max(1, ...[...expansions.keys()].map((k) => k.split(' ').length));
  return { expansions, longest, stop, optional, framing };
}
