import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killServers, startServer } from '../support/server-process';

/**
 * Issue 26 item 12, on a real socket: clients that send slowly must not shut
 * anyone else out. The server runs with two work slots, so before the fix two
 * slow uploads held both and every other request waited, then got 503.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-slow-'));
let port = 0;

beforeAll(async () => {
  port = await freePort();
  await startServer(port, {
    PGLITE_DIR: join(dataDir, 'pglite'),
    MAX_CONCURRENT_REQUESTS: '2',
    MAX_QUEUE_WAIT_MS: '1000',
    BODY_TIMEOUT_MS: '2000',
    HEADERS_TIMEOUT_MS: '2000',
  }).ready;
}, 90_000);

afterAll(() => {
  killServers();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A raw connection that sends `head`, then `drip` every `everyMs`, collecting what comes back. */
function slowClient(head: string, drip: string, everyMs: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d) => (received += d));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(head);
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(drip);
  }, everyMs);
  void closed.then(() => clearInterval(timer));
  return { closed, received: () => received, end: () => socket.destroy() };
}

const signInHead = (length: number) =>
  'POST /v1/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
  `Accept-Language: id\r\nContent-Length: ${length}\r\n\r\n`;

describe('slow clients hold no work slot (issue 26, item 12)', () => {
  it('eight uploads sending 10 bytes every 300 ms: everyone else is served at once, the uploads get 408', async () => {
    const slow = Array.from({ length: 8 }, () =>
      slowClient(`${signInHead(4000)}{"email":"`, 'aaaaaaaaaa', 300),
    );
    await new Promise((r) => setTimeout(r, 300)); // the uploads are under way

    const served: { status: number; ms: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const res =
        i % 2
          ? await fetch(`http://127.0.0.1:${port}/v1/regions/51`)
          : await fetch(`http://127.0.0.1:${port}/v1/auth/sign-in`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                email: 'bukan.siapa@contoh.go.id',
                password: 'salah-sekali-2026',
              }),
            });
      await res.arrayBuffer();
      served.push({ status: res.status, ms: performance.now() - t0 });
    }
    expect(served.map((s) => s.status)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? 200 : 401)),
    );
    expect(Math.max(...served.map((s) => s.ms))).toBeLessThan(1000);

    await Promise.all(slow.map((s) => s.closed));
    for (const s of slow) {
      expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
      expect(s.received()).toContain('application/problem+json');
      expect(s.received()).toContain('tidak diterima lengkap dalam 2 detik');
    }
  }, 30_000);

  it('headers that trickle in are cut off with 408 and the connection closed', async () => {
    const t0 = performance.now();
    const slow = slowClient('GET /v1/regions/51 HTTP/1.1\r\n', 'X-Pelan: a\r\n', 300);
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(5000);
  }, 30_000);

  it('a body over 1 MB gets 413 whether its length is declared (answered before it is sent) or it comes chunked', async () => {
    // declared: answered from the header, without waiting for a byte of the body
    const declared = slowClient(signInHead(2 * 1024 * 1024), '', 60_000);
    await expect
      .poll(() => declared.received(), { timeout: 5000 })
      .toMatch(/^HTTP\/1\.1 413 [\s\S]*PAYLOAD_TOO_LARGE/);
    declared.end();

    // chunked: counted as it is read, and refused once past the limit
    const chunk = 'x'.repeat(256 * 1024);
    const chunked = slowClient(
      'POST /v1/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n',
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      20,
    );
    await expect
      .poll(() => chunked.received(), { timeout: 10_000 })
      .toMatch(/^HTTP\/1\.1 413 [\s\S]*PAYLOAD_TOO_LARGE/);
    chunked.end();

    // and a GET without a body is served as ever
    const res = await fetch(`http://127.0.0.1:${port}/v1/regions/51`);
    expect(res.status).toBe(200);
  }, 30_000);
});
