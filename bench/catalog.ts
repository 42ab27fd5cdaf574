// `npm run bench:catalog`: the public catalogue on 20,000 published potentials in
// the embedded database (PGlite; `-- --db postgres`: a PostgreSQL server from npm), through the real app's HTTP handler.
// Prints p50/p95/p99 per query shape; results go in the README.
import { sql } from 'drizzle-orm';
import { tenants } from '../db/schema';
import { createApp } from '../src/app';
import { createLogger } from '../src/platform/logger';
import { buildCatalogDataset, openBenchDatabase } from './dataset';

const args = process.argv.slice(2);
const DB: 'embedded' | 'postgres' = args.includes('--db')
  ? (args[args.indexOf('--db') + 1] as 'embedded' | 'postgres')
  : 'embedded';
const numbers = args.filter((a) => /^\d+$/.test(a));
const N = Number(numbers[0] ?? 20_000);
const REQUESTS = Number(numbers[1] ?? 300);

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

async function main() {
  const t0 = performance.now();
  const { handle, regionTenants, affairs, issues, kinds } = await buildCatalogDataset(N, {
    handle: await openBenchDatabase(DB),
  });
  const setupMs = performance.now() - t0;

  const app = createApp({
    config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' },
    logger: createLogger('silent'),
    openDb: () => ({ db: handle.db }),
  });
  const provinces = [...new Set(regionTenants.map((t) => t.code!.slice(0, 2)))];
  const shapes: Record<string, () => string> = {
    'province + affair (typical filter)': () =>
      `/v1/catalog/potentials?province=${pick(provinces)}&affairs=${pick(affairs)}`,
    'issue + direction, by value': () =>
      `/v1/catalog/potentials?issues=${pick(issues)}&direction=${pick(['offer', 'need'])}&sort=value`,
    'kind + value range': () =>
      `/v1/catalog/potentials?kind=${pick(kinds)}&valueMin=1000000000&valueMax=5000000000`,
    'full text + province': () =>
      `/v1/catalog/potentials?q=${pick(['bencana', 'miskin', 'wisata', 'sampah', 'inflasi'])}&province=${pick(provinces)}`,
    'full text, national': () =>
      `/v1/catalog/potentials?q=${pick(['bencana', 'miskin', 'wisata', 'batas', 'kelola'])}`,
    'full text, several words (ranked), national': () =>
      `/v1/catalog/potentials?q=${encodeURIComponent(pick(['air bersih desa pesisir', 'wisata bahari kepulauan sungai', 'sampah sungai pesisir kabupaten', 'bencana banjir desa kepulauan', 'peluang investasi kopi pesisir']))}`,
    'full text, several words (ranked), just after a catalogue change': () =>
      `/v1/catalog/potentials?q=${encodeURIComponent(pick(['air bersih desa pesisir', 'wisata bahari kepulauan sungai', 'sampah sungai pesisir kabupaten', 'bencana banjir desa kepulauan', 'peluang investasi kopi pesisir']))}`,
    'facets for a province': () => `/v1/catalog/potentials/facets?province=${pick(provinces)}`,
    'facets with text, national': () =>
      `/v1/catalog/potentials/facets?q=${pick(['bencana', 'miskin', 'wisata', 'sampah', 'air bersih desa pesisir'])}`,
  };
  const pct = (xs: number[], p: number) =>
    xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  console.log(
    `catalogue benchmark: ${N} published potentials, setup ${(setupMs / 1000).toFixed(1)} s, ${REQUESTS} requests per shape, ${DB === 'embedded' ? 'embedded PGlite' : 'PostgreSQL server (node-postgres, 10 connections)'}, in-process HTTP`,
  );
  console.log('| query | p50 ms | p95 ms | p99 ms | mean results |');
  console.log('|---|---|---|---|---|');
  // Every request misses the open-data cache (which would answer a repeated URL from memory):
  // an `expiresAfter` in the past changes the key, not the answer.
  let nth = 0;
  const uncached = (url: string) => {
    const day = new Date(Date.UTC(2000, 0, 1) + (nth++ % 9000) * 86400_000);
    return `${url}${url.includes('?') ? '&' : '?'}expiresAfter=${day.toISOString().slice(0, 10)}`;
  };
  // How many entries hold each word is kept until the catalogue changes (src/potentials/catalog-text.ts):
  // this shape changes it (a tenant's row, untimed) before each request, so every word is counted again.
  const changed = regionTenants[0]!.id;
  const change = (name: string) =>
    name.includes('change')
      ? handle.db.execute(sql`update ${tenants} set name = name where id = ${changed}`)
      : null;
  for (const [name, shape] of Object.entries(shapes)) {
    const url = () => uncached(shape());
    for (let i = 0; i < 20; i++) await app.request(url()); // warm-up
    const times: number[] = [];
    let results = 0;
    for (let i = 0; i < REQUESTS; i++) {
      await change(name);
      const start = performance.now();
      const res = await app.request(url());
      const body = (await res.json()) as { total?: number };
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      results += body.total ?? 0;
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${Math.round(results / REQUESTS)} |`,
    );
  }
  await handle.close();
  await handle.stop();
}

await main();
