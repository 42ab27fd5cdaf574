import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

let h: Harness;
/** Each top-level `describe` builds its own: a fresh app and database, and the fixtures on them. */
function fixtures() {
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.close();
  });
}

describe('every response', () => {
  fixtures();
  it.each(['/health', '/v1/regions/31', '/v1/regions/99.99', '/nope', '/openapi.json'])(
    '%s carries a request id and security headers',
    async (path) => {
      const res = await h.request(path);
      expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]{26}$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('keeps a well-formed incoming request id and replaces a hostile one', async () => {
    const kept = await h.request('/health', { headers: { 'x-request-id': 'client-trace-123456' } });
    expect(kept.headers.get('x-request-id')).toBe('client-trace-123456');
    const replaced = await h.request('/health', {
      headers: { 'x-request-id': 'bad id with <script>' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('logs one JSON line per request with its id, status and duration', async () => {
    const before = h.logs.length;
    const res = await h.request('/v1/regions/32.73?secret=should-not-appear');
    const lines = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requestLines = lines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      method: 'GET',
      path: '/v1/regions/32.73',
      status: 200,
    });
    expect(typeof requestLines[0]!.durationMs).toBe('number');
    expect(h.logs.slice(before).join('\n')).not.toContain('should-not-appear');
  });
});

describe('cross-origin reads', () => {
  fixtures();
  it('lets any origin read open data without credentials, and nothing else', async () => {
    const open = await h.request('/v1/regions/31', {
      headers: { origin: 'https://data.example.org' },
    });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    expect(open.headers.get('access-control-allow-credentials')).toBeNull();
    const catalog = await h.request('/v1/catalog/potentials', {
      headers: { origin: 'https://data.example.org' },
    });
    expect(catalog.headers.get('access-control-allow-origin')).toBe('*');
    const privateRoute = await h.request('/v1/me', {
      headers: { origin: 'https://data.example.org' },
    });
    expect(privateRoute.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('unknown routes', () => {
  fixtures();
  it.each([
    ['GET', '/v2/regions'],
    ['DELETE', '/v1/regions/31'],
    ['GET', '/wp-admin'],
  ])('%s %s answers a 404 problem, never HTML', async (method, path) => {
    const res = await h.request(path, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as ProblemBody;
    expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(body.detail).toContain(path);
  });
});

describe('failures inside', () => {
  fixtures();
  const brokenDb = () =>
    new Proxy({} as Db, {
      get: () => () => {
        throw new Error('connection to 10.0.0.5 refused: password=hunter2');
      },
    });

  it('a 500 never echoes the internal message, and the log has it with the request id', async () => {
    const broken = await createHarness({ openDb: () => ({ db: brokenDb() }) });
    try {
      const res = await broken.request('/v1/regions/31');
      expect(res.status).toBe(500);
      const body = (await res.json()) as ProblemBody;
      expect(body.code).toBe('INTERNAL');
      expect(JSON.stringify(body)).not.toContain('10.0.0.5');
      expect(body.detail).toContain(body.requestId);
      const errorLine = broken.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'unhandled_error');
      expect(errorLine?.requestId).toBe(body.requestId);
      expect(JSON.stringify(errorLine)).toContain('10.0.0.5');
    } finally {
      await broken.close();
    }
  });

  it('/health answers 503 when the database does not', async () => {
    const broken = await createHarness({ openDb: () => ({ db: brokenDb() }) });
    try {
      const res = await broken.request('/health');
      expect(res.status).toBe(503);
      expect(((await res.json()) as ProblemBody).code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await broken.close();
    }
  });
});

describe('GET /health', () => {
  fixtures();
  it('checks the database', async () => {
    const { status, body } = await h.json<{
      status: string;
      database: { status: string; latencyMs: number };
    }>('/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database.status).toBe('ok');
  });
});
