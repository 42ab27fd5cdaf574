// `npm run bench:catalog`: the public catalogue on 20,000 published potentials in
// the embedded database (PGlite), through the real app's HTTP handler.
// Prints p50/p95/p99 per query shape; results go in the README.
import { sql } from 'drizzle-orm';
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { seedReferenceData } from '../db/seed/reference';
import { potentials, tenants } from '../db/schema';
import { createApp } from '../src/app';
import { createLogger } from '../src/platform/logger';
import { newId } from '../src/platform/ids';
import { searchForm } from '../src/reference/geography';
import { VOCABULARIES } from '../src/reference/vocabularies';

const N = Number(process.argv[2] ?? 20_000);
const REQUESTS = Number(process.argv[3] ?? 300);

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(xs)))];
const codes = (name: string) => VOCABULARIES.find((v) => v.name === name)!.terms.map((t) => t.code);

const SUBJECTS = ['pengembangan wisata bahari', 'penanggulangan bencana banjir', 'pengendalian inflasi pangan', 'pengentasan kemiskinan ekstrem', 'pengelolaan sampah regional', 'air bersih perdesaan', 'pelatihan SDM pariwisata', 'kawasan perbatasan terpadu', 'hilirisasi kopi', 'transportasi antarkabupaten', 'layanan kesehatan rujukan', 'digitalisasi pelayanan publik', 'konservasi hutan mangrove', 'pasar induk bersama', 'energi surya desa'];
const PLACES = ['lintas kabupaten', 'di daerah aliran sungai', 'di desa penyangga', 'di kawasan pesisir', 'antarprovinsi', 'di wilayah kepulauan'];

async function main() {
  const t0 = performance.now();
  const handle = await openPglite();
  await migrate(handle);
  await seedReferenceData(handle.db);
  const regionTenants = await handle.db.select({ id: tenants.id, code: tenants.regionCode }).from(tenants).where(sql`${tenants.type} = 'region'`);
  const affairs = codes('affairs');
  const issues = codes('strategic-issues');
  const kinds = codes('cooperation-kinds');
  const models = codes('cooperation-models');
  const now = new Date();
  for (let i = 0; i < N; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - i) }, () => {
      const t = pick(regionTenants);
      const subject = pick(SUBJECTS);
      const title = `${subject[0]!.toUpperCase()}${subject.slice(1)} ${pick(PLACES)}`;
      const row = {
        id: newId('potential'),
        tenantId: t.id,
        regionCode: t.code!,
        provinceCode: t.code!.slice(0, 2),
        title,
        activity: `Kerja sama ${subject} ${pick(PLACES)} dengan mitra.`,
        problem: `Masalah utama: ${pick(SUBJECTS)} belum optimal.`,
        potential: `Potensi daerah untuk ${pick(SUBJECTS)}.`,
        target: 'Meningkatkan kesejahteraan masyarakat.',
        process: [{ party: 'Pemerintah daerah', role: 'Koordinasi' }],
        outputs: ['Dokumen rencana aksi'],
        outcome: 'Layanan meningkat.',
        outcomeIndicator: 'Indeks kepuasan masyarakat',
        direction: rand() < 0.5 ? ('offer' as const) : ('need' as const),
        cooperationKinds: some(kinds, 2),
        mandatory: rand() < 0.2,
        affairs: some(affairs, 3),
        issues: some(issues, 2),
        model: pick(models),
        valueIdr: Math.floor(rand() * 20_000) * 1_000_000,
        horizon: pick(['short', 'medium', 'long'] as const),
        expiresOn: '2030-12-31',
        status: 'published' as const,
        publishedAt: new Date(now.getTime() - Math.floor(rand() * 365) * 86400_000),
        isDemo: true,
      };
      return { ...row, searchText: searchForm(`${row.title} ${row.activity} ${row.problem} ${row.potential}`) };
    });
    await handle.db.insert(potentials).values(batch);
  }
  await handle.client.exec('analyze');
  const setupMs = performance.now() - t0;

  const app = createApp({ config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' }, logger: createLogger('silent'), openDb: () => ({ db: handle.db }) });
  const provinces = [...new Set(regionTenants.map((t) => t.code!.slice(0, 2)))];
  const shapes: Record<string, () => string> = {
    'province + affair (typical filter)': () => `/v1/catalog/potentials?province=${pick(provinces)}&affairs=${pick(affairs)}`,
    'issue + direction, by value': () => `/v1/catalog/potentials?issues=${pick(issues)}&direction=${pick(['offer', 'need'])}&sort=value`,
    'kind + value range': () => `/v1/catalog/potentials?kind=${pick(kinds)}&valueMin=1000000000&valueMax=5000000000`,
    'full text + province': () => `/v1/catalog/potentials?q=${pick(['bencana', 'miskin', 'wisata', 'sampah', 'inflasi'])}&province=${pick(provinces)}`,
    'full text, national': () => `/v1/catalog/potentials?q=${pick(['bencana', 'miskin', 'wisata', 'batas', 'kelola'])}`,
    'facets for a province': () => `/v1/catalog/potentials/facets?province=${pick(provinces)}`,
  };
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  console.log(`catalogue benchmark: ${N} published potentials, setup ${(setupMs / 1000).toFixed(1)} s, ${REQUESTS} requests per shape, embedded PGlite, in-process HTTP`);
  console.log('| query | p50 ms | p95 ms | p99 ms | mean results |');
  console.log('|---|---|---|---|---|');
  for (const [name, url] of Object.entries(shapes)) {
    for (let i = 0; i < 20; i++) await app.request(url()); // warm-up
    const times: number[] = [];
    let results = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const res = await app.request(url());
      const body = (await res.json()) as { total?: number };
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      results += body.total ?? 0;
    }
    times.sort((a, b) => a - b);
    console.log(`| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${Math.round(results / REQUESTS)} |`);
  }
  await handle.close();
}

await main();
