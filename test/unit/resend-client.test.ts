import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendClient } from '../../src/email/client';

/**
 * The Resend client against a local stand-in of Resend's API (the real SDK
 * over HTTP): one email with its Idempotency-Key and List-Unsubscribe headers,
 * and a batch of digests in one call to /emails/batch.
 */
const seen: { path: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const body = JSON.parse(raw || 'null') as unknown;
    seen.push({ path: req.url ?? '', headers: req.headers, body });
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(
        req.url === '/emails/batch'
          ? { data: (body as unknown[]).map((_, i) => ({ id: `b${i}` })) }
          : { id: 'e1' },
      ),
    );
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('resend client', () => {
  it('sends one email with its idempotency key and headers', async () => {
    const client = resendClient('re_test', 'Sinergi <noreply@sinergi.id>', base);
    const { id } = await client.send({
      to: 'bupati@contoh.go.id',
      subject: 'Ringkasan',
      text: 'Isi',
      html: '<p>Isi</p>',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      idempotencyKey: 'dig_1',
    });
    expect(id).toBe('e1');
    const req = seen.at(-1)!;
    expect(req.path).toBe('/emails');
    expect(req.headers['idempotency-key']).toBe('dig_1');
    expect(req.body).toMatchObject({
      to: 'bupati@contoh.go.id',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  });

  it('sends a batch in one call with the batch’s key', async () => {
    const client = resendClient('re_test', 'Sinergi <noreply@sinergi.id>', base);
    const messages = Array.from({ length: 3 }, (_, i) => ({
      to: `kepala${i}@contoh.go.id`,
      subject: 'Ringkasan',
      text: 'Isi',
      html: '<p>Isi</p>',
    }));
    const { ids } = await client.sendBatch!(messages, 'batch-abc');
    expect(ids).toEqual(['b0', 'b1', 'b2']);
    const req = seen.at(-1)!;
    expect(req.path).toBe('/emails/batch');
    expect(req.headers['idempotency-key']).toBe('batch-abc');
    expect(req.body).toHaveLength(3);
  });
});
