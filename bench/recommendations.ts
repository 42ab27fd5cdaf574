// `npm run bench:recommendations`: recommendations at national scale, on the
// data set of `bench:matching` (552 regions × 25 published potentials and
// 20,000 verified partners, embedded PGlite), through the app's HTTP handler:
// GET /v1/tenants/{id}/recommendations?limit=20 for random partners and random
// regions. Prints p50/p95/p99 per kind of tenant; results go in the README.
import { eq } from 'drizzle-orm';
import { tenants } from '../db/schema';
import { benchApp, buildMatchingDataset } from './dataset';
import { phase } from './progress';

const PARTNERS = Number(process.argv[2] ?? 20_000);
const SAMPLES = Number(process.argv[3] ?? 300);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const t0 = performance.now();
  const { handle, regionTenants, pick } = await buildMatchingDataset(25, PARTNERS);
  const db = handle.db;
  const setupS = (performance.now() - t0) / 1000;
  const partnerIds = (
    await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.type, 'partner'))
  ).map((t) => t.id);
  const now = new Date();
  // an official who is a member of every tenant, so each request is checked as a member's
  const { app, token } = await benchApp(db, now, 'bench-rekomendasi@contoh.go.id', [
    ...regionTenants.map((t) => ({ id: t.id, type: 'region' as const })),
    ...partnerIds.map((id) => ({ id, type: 'partner' as const })),
  ]);
  const ask = async (tenantId: string) => {
    const res = await app.request(`/v1/tenants/${tenantId}/recommendations?limit=20`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    return (await res.json()) as { total: number; data: unknown[] };
  };
  phase('measuring: recommendations for partners, then for regions');
  console.log(
    `recommendations benchmark: 13,800 published potentials (552 regions × 25), ${PARTNERS.toLocaleString('en')} partners; setup ${setupS.toFixed(1)} s; ${SAMPLES} random tenants of each kind after 20 warm-up requests, top 20, HTTP in-process on embedded PGlite`,
  );
  console.log('| recommendations for | p50 ms | p95 ms | p99 ms | mean total |');
  console.log('|---|---|---|---|---|');
  for (const [name, ids] of [
    ['a partner (its profile)', partnerIds],
    ['a region (its 25 published potentials)', regionTenants.map((t) => t.id)],
  ] as const) {
    (globalThis as { gc?: () => void }).gc?.();
    for (let i = 0; i < 20; i++) await ask(pick(ids));
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const id = pick(ids);
      const t = performance.now();
      const body = await ask(id);
      times.push(performance.now() - t);
      total += body.total;
    }
    console.log(
      `| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} | ${Math.round(total / SAMPLES).toLocaleString('en')} |`,
    );
  }
  await handle.close();
}

await main();
