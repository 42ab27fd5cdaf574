import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ws from 'ws';
import type { DbHandle } from '../../db/client';
import { openNeon } from '../../db/connect/neon';
import { openNodePostgres } from '../../db/connect/node-postgres';
import { migrate } from '../../db/migrate';
import { seedReferenceData } from '../../db/seed/reference';
import { createApp } from '../../src/app';
import { createLogger } from '../../src/platform/logger';
import { conformingApp } from '../support/conformance';
import { testConfig } from '../support/harness';
import { findPostgresBin, type PostgresServer, startPostgres } from '../support/postgres';

/**
 * The database goes away under a write loop: backends terminated, a fast
 * restart, a crash (immediate stop) and a start. The process stays up (an
 * unhandled 'error' event from a pool or an idle client would end it, and this
 * test with it), requests during the outage answer 503 problem+json with
 * Retry-After, /health answers 503 with or without a token, service resumes by
 * itself, and every acknowledged write is in the database afterwards. Both
 * Node drivers for DATABASE_URL: node-postgres and Neon's serverless driver,
 * each as one long-lived pool, as `npm start` holds it.
 */
const wsProxy = inject('wsProxy');
const bin = findPostgresBin();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Each step has a deadline, so a hang fails naming the step instead of timing the test out. */
const step = <T>(label: string, work: T | Promise<T>, ms = 20_000): Promise<T> =>
  Promise.race([
    Promise.resolve(work),
    sleep(ms).then(() => {
      throw new Error(`step "${label}" did not finish within ${ms} ms`);
    }),
  ]);

describe.skipIf(!bin || !wsProxy)('a database that goes away', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgres(bin!);
    const handle = openNodePostgres(server.url, 2);
    await migrate(handle);
    await seedReferenceData(handle.db);
    await handle.close();
  }, 120_000);
  afterAll(() => {
    server?.stop();
  });

  const terminateBackends = async () => {
    const admin = new pg.Client({ connectionString: server.url });
    admin.on('error', () => {});
    await admin.connect();
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and datname is not null',
    );
    await admin.end();
  };

  for (const driver of ['pg', 'neon'] as const) {
    it(`${driver}: stays up, answers 503 while away, resumes, loses no acknowledged write`, async () => {
      const handle: DbHandle =
        driver === 'pg'
          ? openNodePostgres(server.url, 4)
          : openNeon(server.url, { webSocketConstructor: ws, wsProxy });
      const logs: string[] = [];
      const app = await conformingApp(
        createApp({
          config: testConfig,
          logger: createLogger('info', (l) => logs.push(l)),
          openDb: () => ({ db: handle.db }),
          email: null,
          clientAddress: (c) => c.req.header('x-test-client'),
        }),
      );
      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      const outageAnswers: Response[] = [];
      let stop = false;
      let n = 0;
      // the write loop: each sign-up is a user row, a token row and an outbox row in one transaction
      const loop = (async () => {
        while (!stop) {
          const email = `tulis.${driver}.${n++}@contoh.go.id`;
          const res = await app.request('/v1/auth/sign-up', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-test-client': `10.9.${n % 250}.1` },
            body: JSON.stringify({ email, password: 'kerja-sama-daerah-2026', name: 'Uji Tulis' }),
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 202) acknowledged.push(email);
          else if (res.status === 503) outageAnswers.push(res);
          else await res.text();
          await sleep(20);
        }
      })();

      try {
        await sleep(800);
        await step('terminate backends', terminateBackends());
        await sleep(800);
        server.halt('fast');
        // away: health answers 503 with and without a token
        const healthAnon = await step('health while away', app.request('/health'));
        const healthToken = await step(
          'health with a token while away',
          app.request('/health', {
            headers: {
              authorization: 'Bearer ses_01jd2x6v0m8kq3b7e5y4w9c1ta.abcdefghijklmnopqrstuvwx',
            },
          }),
        );
        expect(healthAnon.status).toBe(503);
        expect(healthToken.status).toBe(503);
        expect(healthAnon.headers.get('retry-after')).toBeTruthy();
        await sleep(1200);
        server.resume();
        await sleep(1500);
        server.halt('immediate'); // a crash
        await sleep(800);
        server.resume();
        // resumes by itself
        let healthy = false;
        for (let i = 0; i < 60 && !healthy; i++) {
          // a request is never left waiting without bound: each try has its own deadline
          const hres = await Promise.race([
            Promise.resolve(app.request('/health')),
            sleep(12_000).then(() => null),
          ]);
          healthy = hres?.status === 200;
          if (!healthy) await sleep(250);
        }
        expect(healthy).toBe(true);
        await sleep(800);
      } finally {
        stop = true;
        await step('the write loop to end', loop);
      }

      // no 500 at any point; some requests met the outage and were told to retry
      expect([...statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
      expect(outageAnswers.length).toBeGreaterThan(0);
      for (const res of outageAnswers.slice(0, 5)) {
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await res.json()) as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
      }
      expect(acknowledged.length, JSON.stringify([...statuses])).toBeGreaterThan(5);
      // every acknowledged write is there
      const check = new pg.Client({ connectionString: server.url });
      await step('connect to check', check.connect());
      const { rows } = await check.query<{ email: string }>(
        'select email from users where email = any($1)',
        [acknowledged],
      );
      await check.end();
      expect(new Set(rows.map((r) => r.email))).toEqual(new Set(acknowledged));
      expect(logs.some((l) => l.includes('unhandled_error'))).toBe(false);
      await step(
        'close the pool',
        handle.close().catch(() => {}),
      );
    }, 120_000);
  }
});
