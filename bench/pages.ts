// `npm run bench:pages`: the public pages' server time per page type (p50/p95,
// in-process HTTP on the embedded database) and their weight (HTML + the one
// stylesheet, uncompressed), on the demo catalogue and on 20,000 generated
// published potentials. Results go in docs/benchmarks.md.

import type { Db } from '../db/client';
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { seedDemo } from '../db/seed/demo';
import { seedReferenceData } from '../db/seed/reference';
import { createApp } from '../src/app';
import { createLogger } from '../src/platform/logger';
import { SITE_CSS } from '../src/web/style';
import { buildCatalogDataset } from './dataset';
import { phase } from './progress';

const REQUESTS = Number(process.argv[2] ?? 200);

function appOn(db: Db) {
  return createApp({
    config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' },
    logger: createLogger('silent'),
    openDb: () => ({ db }),
  });
}

type App = ReturnType<typeof appOn>;

/** The first link of a page matching a path pattern: how a reader reaches the next page type. */
async function firstLink(app: App, path: string, pattern: RegExp): Promise<string | null> {
  const html = await (await app.request(path)).text();
  for (const m of html.matchAll(/href="([^"]+)"/g)) if (pattern.test(m[1]!)) return m[1]!;
  return null;
}

/**
 * Every page type is requested in turn, round after round (10 rounds of
 * warm-up, then `REQUESTS`), so that a slow moment of the machine falls on
 * every page alike rather than on whichever page was being measured.
 */
async function measure(label: string, app: App, targets: Record<string, string | null>) {
  const css = new TextEncoder().encode(SITE_CSS).length;
  console.log(
    `\n${label}: ${REQUESTS} requests per page, page types in turn, after 10 rounds of warm-up, in-process HTTP`,
  );
  const pages = Object.entries(targets).filter((e): e is [string, string] => e[1] !== null);
  const times = new Map(pages.map(([name]) => [name, [] as number[]]));
  const bytes = new Map<string, number>();
  for (let round = 0; round < REQUESTS + 10; round++)
    for (const [name, path] of pages) {
      const start = performance.now();
      const res = await app.request(path);
      const body = await res.arrayBuffer();
      if (round >= 10) times.get(name)!.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      bytes.set(name, body.byteLength);
    }
  console.log('| page | p50 ms | p95 ms | HTML + CSS KB | target p95 |');
  console.log('|---|---|---|---|---|');
  for (const [name, path] of Object.entries(targets)) {
    if (!path) {
      console.log(`| ${name} | — | — | — | (none in this data set) |`);
      continue;
    }
    const sorted = times.get(name)!.sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    const target = name.startsWith('catalogue, with text') ? '≤ 30' : '≤ 15';
    console.log(
      `| ${name} | ${pct(50).toFixed(1)} | ${pct(95).toFixed(1)} | ${((bytes.get(name)! + css) / 1024).toFixed(1)} | ${target} |`,
    );
  }
}

async function pageTypes(app: App) {
  const potential = await firstLink(app, '/potensi', /^\/potensi\/pot_/);
  const session = await firstLink(app, '/forum', /^\/forum\/.+\/sesi\//);
  const region = await firstLink(app, '/potensi', /^\/daerah\//);
  return {
    home: '/',
    'catalogue, with text': '/potensi?q=air%20bersih',
    'catalogue, with text and a filter': '/potensi?q=wisata&direction=offer',
    'catalogue, no text': '/potensi',
    potential,
    region,
    forums: '/forum',
    session,
    'discussion boards': '/diskusi',
    'home (English)': '/en',
  };
}

async function main() {
  phase('demo catalogue: migrated, seeded, the demo loaded');
  const demo = await openPglite();
  await migrate(demo);
  await seedReferenceData(demo.db);
  await seedDemo(demo.db);
  const demoApp = appOn(demo.db);
  await measure('Demo catalogue (152 potentials, one forum)', demoApp, await pageTypes(demoApp));
  await demo.close();

  const { handle } = await buildCatalogDataset(20_000);
  const bigApp = appOn(handle.db);
  await measure('20,000 generated published potentials', bigApp, await pageTypes(bigApp));
  await handle.close();
}

await main();
