import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { renderMarkdown } from '../../src/discussion/markdown';
import { calendarOf } from '../../src/forums/calendar';
import { nextOccurrences, parseRecurrence } from '../../src/forums/recurrence';
import { instantOf, spoken } from '../../src/forums/time';
import { hashPassword, verifyPassword } from '../../src/identity/passwords';
import worker, { type Env } from '../../src/worker';

/**
 * Runs inside workerd: the worker's own fetch and scheduled handlers, with the
 * database reached the production way (Neon's driver over WebSocket) — here a
 * real PostgreSQL behind a local WebSocket proxy.
 */
const pgUrl = inject('pgUrl');
const wsProxy = inject('wsProxy');

function workerEnv(overrides: Partial<Env> = {}): Env {
  return {
    ...(env as unknown as Env),
    DATABASE_URL: pgUrl,
    NEON_WS_PROXY: wsProxy,
    LOG_LEVEL: 'warn',
    ...overrides,
  };
}

async function call(path: string, e: Env = workerEnv()) {
  const ctx = createExecutionContext();
  const request = new Request(`https://sinergi.test${path}`) as Request<
    unknown,
    IncomingRequestCfProperties
  >;
  const res = await worker.fetch(request, e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('worker fetch (workerd)', () => {
  it('serves the OpenAPI document', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/regions']).toBeDefined();
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers an unknown route with a problem', async () => {
    const res = await call('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a missing DATABASE_URL with a 500 problem that names no secret', async () => {
    const res = await call('/health', workerEnv({ DATABASE_URL: undefined as unknown as string }));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe('INTERNAL');
  });

  it('hashes and verifies passwords with scrypt from node:crypto inside workerd', async () => {
    const hash = await hashPassword('kerja-sama-daerah-2026');
    expect(hash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(await verifyPassword(hash, 'kerja-sama-daerah-2026')).toBe(true);
    expect(await verifyPassword(hash, 'kerja-sama-daerah-2027')).toBe(false);
  });

  it('renders and sanitises discussion Markdown inside workerd (marked, sanitize-html)', () => {
    const html = renderMarkdown(
      '**Penting**: [peta](https://bnpb.go.id) [x](javascript:alert(1))\n\n<script>alert(1)</script>',
    );
    expect(html).toContain('<strong>Penting</strong>');
    expect(html).toContain('href="https://bnpb.go.id"');
    expect(html).not.toMatch(/<script|javascript:/);
  });

  it('expands forum recurrences and writes zoned calendars inside workerd (rrule, ical-generator, Intl)', () => {
    const rule = parseRecurrence('FREQ=MONTHLY;INTERVAL=6');
    expect(rule).toEqual({ rule: 'RRULE:FREQ=MONTHLY;INTERVAL=6' });
    const first = instantOf('2027-03-10T09:00', 'Asia/Jayapura')!;
    expect(first.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    const [, second] = nextOccurrences({
      rule: 'RRULE:FREQ=MONTHLY;INTERVAL=6',
      first,
      zone: 'Asia/Jayapura',
      after: new Date('2027-01-01T00:00:00Z'),
      until: new Date('2029-01-01T00:00:00Z'),
      count: 2,
    });
    expect(second?.toISOString()).toBe('2027-09-10T00:00:00.000Z');
    expect(spoken(first, 'Asia/Jayapura', 'id')).toBe('Rabu, 10 Maret 2027 pukul 09.00 WIT');
    const now = new Date('2027-01-01T00:00:00Z');
    const ics = calendarOf({
      name: 'Forum',
      origin: { APP_ORIGIN: 'https://sinergi.test' },
      now,
      entries: [
        {
          convenerName: 'Kota Jayapura',
          session: {
            id: 'fss_01jd2x6v0m8kq3b7e5y4w9c1ta',
            forumId: 'frm_01jd2x6v0m8kq3b7e5y4w9c1ta',
            tenantId: 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta',
            occurrence: null,
            title: 'Forum Kerja Sama Kota Jayapura',
            description: '',
            status: 'published',
            startsAt: first,
            endsAt: new Date(first.getTime() + 3 * 3600_000),
            timeZone: 'Asia/Jayapura',
            venueName: 'Aula Sian Soor',
            venueAddress: null,
            onlineUrl: null,
            capacity: 10,
            autoApprove: false,
            registrationOpensAt: now,
            registrationClosesAt: first,
            agenda: [],
            dayPlan: null,
            cancelReason: null,
            sequence: 2,
            reminder7SentAt: null,
            reminder1SentAt: null,
            minutes: null,
            minutesRecordedAt: null,
            minutesPublishedAt: null,
            meetingRules: null,
            scheduleStatus: 'none',
            schedulePublishedAt: null,
            scheduleRun: null,
            createdBy: null,
            createdAt: now,
            updatedAt: now,
          },
        },
      ],
    });
    expect(ics).toContain('DTSTART;TZID=Asia/Jayapura:20270310T090000');
    expect(ics).toContain('TZNAME:WIT');
    expect(ics).toContain('SEQUENCE:2');
  });

  describe.skipIf(!pgUrl)('with the database', () => {
    it('signs up and refuses an unknown sign-in through the worker', async () => {
      const post = (path: string, body: unknown) => {
        const ctx = createExecutionContext();
        const request = new Request(`https://sinergi.test${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.5' },
          body: JSON.stringify(body),
        }) as Request<unknown, IncomingRequestCfProperties>;
        return worker.fetch(request, workerEnv(), ctx).then(async (res) => {
          await waitOnExecutionContext(ctx);
          return res;
        });
      };
      const email = `worker.${Date.now()}@contoh.go.id`;
      expect(
        (
          await post('/v1/auth/sign-up', {
            email,
            password: 'kerja-sama-daerah-2026',
            name: 'Uji Worker',
          })
        ).status,
      ).toBe(202);
      const res = await post('/v1/auth/sign-in', {
        email: `nobody.${Date.now()}@contoh.go.id`,
        password: 'kerja-sama-daerah-2026',
      });
      expect(res.status).toBe(401);
    });

    it('reads regions through the Neon driver', async () => {
      // In production the schema and data come from `npm run db:migrate` and `npm run db:seed`;
      // here the global setup has done both on the test server.
      expect((await call('/health')).status).toBe(200);
      const res = await call('/v1/regions/31');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { name: string; children: { total: number } };
      expect(body.name).toBe('DKI Jakarta');
      expect(body.children.total).toBe(6);
    });

    it('serves the public pages from the same app inside workerd: the catalogue, a region, the sitemap', async () => {
      const home = await call('/');
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await home.text()).toContain('<html lang="id"');
      const region = await call('/en/daerah/31');
      expect(region.status).toBe(200);
      expect(await region.text()).toContain('DKI Jakarta');
      const catalogue = await call('/potensi?q=air%20bersih');
      expect(catalogue.status).toBe(200);
      expect(catalogue.headers.get('cache-control')).toContain('stale-while-revalidate');
      expect((await call('/sitemap.xml')).status).toBe(200);
    });

    it('consumes digest batches from the queue: acknowledged when sent, retried when a batch fails', async () => {
      const batch = createMessageBatch<unknown>('sinergi-digests', [
        { id: 'msg-empty', timestamp: new Date(), attempts: 1, body: [] },
        { id: 'msg-broken', timestamp: new Date(), attempts: 1, body: { not: 'a batch' } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch as never, workerEnv(), ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks).toEqual(['msg-empty']);
      expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['msg-broken']);
    });

    it('consumes webhook endpoints from their queue: acknowledged when sent, retried when the message is broken', async () => {
      const batch = createMessageBatch<unknown>('sinergi-webhooks', [
        // an endpoint with nothing due: nothing is sent, and it is done
        {
          id: 'msg-nothing-due',
          timestamp: new Date(),
          attempts: 1,
          body: { endpointId: 'whk_01m95d5dpqtf224sqkqsldvvpu' },
        },
        { id: 'msg-broken', timestamp: new Date(), attempts: 1, body: { not: 'an endpoint' } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch as never, workerEnv(), ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks).toEqual(['msg-nothing-due']);
      expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['msg-broken']);
    });

    it('runs the scheduled jobs against the database', async () => {
      const lines: string[] = [];
      const original = console.log;
      console.log = (line: string) => lines.push(line);
      try {
        const ctx = createExecutionContext();
        await worker.scheduled(
          createScheduledController({ cron: '17 * * * *' }),
          workerEnv({ LOG_LEVEL: 'info' }),
          ctx,
        );
        await waitOnExecutionContext(ctx);
      } finally {
        console.log = original;
      }
      const done = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'job.done');
      expect(done).toMatchObject({
        job: 'reference-data-check',
        regions: 552,
        provinces: 38,
        ok: true,
      });
      const jobs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(jobs.find((l) => l.msg === 'job.done' && l.job === 'forum-upkeep')).toBeDefined();
    });
  });
});
