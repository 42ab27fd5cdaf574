import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema';
import { EVENT_TYPE_NAMES } from '../../src/events/types';
import { pinnedFetch } from '../../src/node/outbound';
import { systemCtx } from '../../src/platform/context';
import { createLogger } from '../../src/platform/logger';
import { isPublicAddress } from '../../src/webhooks/addresses';
import { RETRY_DELAYS_MS, sendDueWebhooks } from '../../src/webhooks/deliveries';
import { objectReader } from '../../src/webhooks/objects';
import { call, defaultOutbound, type Outbound, refusal } from '../../src/webhooks/outbound';
import { bearer, post, twoRegions, verifiedPartner } from '../support/actors';
import { createConformance } from '../support/conformance';
import { createHarness, type Harness, type ProblemBody, testConfig } from '../support/harness';
import { publishPotential } from '../support/potentials';

/**
 * Webhooks (issue 29): a tenant's own system is called with each event that
 * concerns the tenant, signed as Standard Webhooks does — verified here with
 * the `standardwebhooks` package, an independent implementation — retried
 * with backoff, turned off after days of failure, and never pointed at an
 * address inside the network.
 */
type Received = { headers: IncomingHttpHeaders; body: string };
const config = { ...testConfig, WEBHOOK_ALLOW_PRIVATE: true };
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
let server: Server;
let base: string;
const received: Received[] = [];
/** how the receiver answers the next calls: status codes, then 200 */
const answers: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200, { 'content-type': 'text/plain' });
      res.end('diterima');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await createHarness({ config });
  fx = await twoRegions(h);
}, 60_000);
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => server.close(resolve));
});

const addEndpoint = async (
  tenantId: string,
  token: string,
  path: string,
  eventTypes?: string[],
) => {
  const res = await post(
    h,
    `/v1/tenants/${tenantId}/webhooks`,
    { url: `${base}${path}`, ...(eventTypes ? { eventTypes } : {}) },
    token,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  expect(res.headers.get('location')).toMatch(/\/webhooks\/whk_/);
  return (await res.json()) as { id: string; secret: string };
};

/** A partner's interest in a new potential of Palu's: an event concerning Palu. */
const interestInPalu = async (title: string) => {
  const potentialId = await publishPotential(h, fx.a, fx.adminA, null, { title });
  const partner = await verifiedPartner(h, fx.platform.token, `PT ${title}`, 'company');
  const res = await post(
    h,
    `/v1/tenants/${partner.id}/interests`,
    { potentialId, message: 'Kami berminat.' },
    partner.token,
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
};

const jobAt = (offsetMs: number) =>
  systemCtx({
    db: h.db,
    logger: createLogger('silent'),
    config,
    email: h.emailClient,
    requestId: 'req_webhooks',
    now: () => new Date(Date.now() + offsetMs),
  });

describe('webhook deliveries', () => {
  let endpoint: { id: string; secret: string };

  it('calls the endpoint with each event of its tenant, signed so standardwebhooks verifies it', async () => {
    endpoint = await addEndpoint(fx.a, fx.adminA.token, '/palu', ['interest.received']);
    expect(endpoint.secret).toMatch(/^whsec_/);
    // another tenant's endpoint, for every type: it must never get Palu's events
    await addEndpoint(fx.b, fx.adminB.token, '/sigi');
    received.length = 0;
    const interest = await interestInPalu('Air bersih lintas batas');
    const toPalu = received.filter((r) => r.headers['user-agent']?.startsWith('Sinergi'));
    expect(toPalu).toHaveLength(1);
    const [msg] = toPalu;
    const verified = new Webhook(endpoint.secret).verify(msg!.body, {
      'webhook-id': msg!.headers['webhook-id'] as string,
      'webhook-timestamp': msg!.headers['webhook-timestamp'] as string,
      'webhook-signature': msg!.headers['webhook-signature'] as string,
    }) as { type: string; tenantId: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({
      type: 'interest.received',
      tenantId: fx.a,
      data: { objectType: 'interest', objectId: interest.id, operation: 'decideInterest' },
    });
    expect((verified.data.text as { id: string }).id).toContain('menyatakan minat');
    // the object as Palu's own read of it answers, field for field
    const read = await h.json(`/v1/tenants/${fx.a}/interests/${interest.id}`, {
      headers: bearer(fx.adminA.token),
    });
    expect(read.status).toBe(200);
    expect(verified.data.object).toEqual(read.body);
    expect(verified.data.object).toMatchObject({ status: 'pending', contacts: null });
    // as the document's `webhooks` says, field for field
    const doc = await h.json<Parameters<typeof createConformance>[0]>('/openapi.json');
    expect(Object.keys(doc.body.webhooks ?? {}).sort()).toEqual(
      [...EVENT_TYPE_NAMES, 'webhook.ping'].sort(),
    );
    expect(createConformance(doc.body).checkWebhook('interest.received', verified)).toEqual([]);
    // routing that may name others never leaves
    expect(msg!.body).not.toContain('closeTenantIds');
    expect(msg!.body).not.toContain(fx.b);
    // a tampered body, and a timestamp from an hour ago, fail verification
    const headers = {
      'webhook-id': msg!.headers['webhook-id'] as string,
      'webhook-timestamp': msg!.headers['webhook-timestamp'] as string,
      'webhook-signature': msg!.headers['webhook-signature'] as string,
    };
    expect(() =>
      new Webhook(endpoint.secret).verify(msg!.body.replace(fx.a, fx.b), headers),
    ).toThrow();
    expect(() =>
      new Webhook(endpoint.secret).verify(msg!.body, {
        ...headers,
        'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600),
      }),
    ).toThrow();
  });

  it('tells the interested partner its answer without naming whose items it closed, through an API key with the webhooks scope', async () => {
    const partner = await verifiedPartner(h, fx.platform.token, 'PT Sensor Laut', 'company');
    const key = await post(
      h,
      `/v1/tenants/${partner.id}/api-keys`,
      { name: 'CRM', scopes: ['webhooks'] },
      partner.token,
    );
    const { token } = (await key.json()) as { token: string };
    const own = await addEndpoint(partner.id, token, '/mitra', ['interest.decided']);
    const potentialId = await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Sensor pasang surut',
    });
    const expressed = await post(
      h,
      `/v1/tenants/${partner.id}/interests`,
      { potentialId, message: 'Kami berminat.' },
      partner.token,
    );
    const { id } = (await expressed.json()) as { id: string };
    received.length = 0;
    const decided = await post(
      h,
      `/v1/tenants/${fx.a}/interests/${id}/decision`,
      { decision: 'accept' },
      fx.adminA.token,
    );
    expect(decided.status).toBe(200);
    const toPartner = received.filter(
      (r) => r.headers['webhook-signature'] && r.body.includes(partner.id),
    );
    expect(toPartner).toHaveLength(1);
    const event = new Webhook(own.secret).verify(toPartner[0]!.body, {
      'webhook-id': toPartner[0]!.headers['webhook-id'] as string,
      'webhook-timestamp': toPartner[0]!.headers['webhook-timestamp'] as string,
      'webhook-signature': toPartner[0]!.headers['webhook-signature'] as string,
    }) as { type: string; tenantId: string; data: { decision: string } };
    expect(event).toMatchObject({
      type: 'interest.decided',
      tenantId: partner.id,
      data: { decision: 'accepted', object: { id, status: 'accepted' } },
    });
    // the object as the partner's own read answers: accepted, so with both sides' contacts
    const read = await h.json(`/v1/tenants/${partner.id}/interests/${id}`, {
      headers: bearer(partner.token),
    });
    expect((event.data as { object?: unknown }).object).toEqual(read.body);
    // whose items the event closed is routing, never sent
    expect(toPartner[0]!.body).not.toContain('closeTenantIds');
  });

  it('reads the object as the receiving tenant may, and gives null to a tenant that may not read it', async () => {
    const interest = await interestInPalu('Pengolahan rumput laut');
    const read = objectReader(jobAt(0).ctx);
    expect(await read(fx.a, 'interest', interest.id)).toMatchObject({ id: interest.id });
    // Sigi may not read Palu's interest: nothing of it, not even that it exists
    expect(await read(fx.b, 'interest', interest.id)).toBeNull();
    // a potential: its owner reads its own record; another tenant the catalogue's public view
    const potentialId = await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Pelabuhan perikanan terpadu',
    });
    const own = (await read(fx.a, 'potential', potentialId)) as Record<string, unknown>;
    const theirs = (await read(fx.b, 'potential', potentialId)) as Record<string, unknown>;
    expect(own).toHaveProperty('history');
    expect(theirs).not.toHaveProperty('history');
    expect(theirs).toMatchObject({ id: potentialId });
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const rotated = await post(
      h,
      `/v1/tenants/${fx.a}/webhooks/${endpoint.id}/rotate-secret`,
      {},
      fx.adminA.token,
    );
    expect(rotated.status).toBe(200);
    const { secret } = (await rotated.json()) as { secret: string };
    expect(secret).not.toBe(endpoint.secret);
    received.length = 0;
    await interestInPalu('Pasar ikan bersama');
    const [msg] = received;
    const headers = {
      'webhook-id': msg!.headers['webhook-id'] as string,
      'webhook-timestamp': msg!.headers['webhook-timestamp'] as string,
      'webhook-signature': msg!.headers['webhook-signature'] as string,
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(secret).verify(msg!.body, headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(msg!.body, headers)).not.toThrow();
    endpoint.secret = secret;
  });

  it('retries a failing receiver with backoff, logs each attempt, and succeeds once it answers', async () => {
    received.length = 0;
    answers.push(500, 503);
    await interestInPalu('Pengolahan sampah regional');
    const [message] = await h.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id))
      .orderBy(webhookDeliveries.createdAt)
      .then((rows) => rows.slice(-1));
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    const wait = message!.nextAttemptAt.getTime() - message!.createdAt.getTime();
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]! * 0.8 - 50);
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_MS[0]! * 1.2 + 50);
    // not due yet: nothing is sent
    expect((await sendDueWebhooks(jobAt(1000).ctx, defaultOutbound(config))).sent).toBe(0);
    expect((await sendDueWebhooks(jobAt(40_000).ctx, defaultOutbound(config))).failed).toBe(1);
    expect((await sendDueWebhooks(jobAt(200_000).ctx, defaultOutbound(config))).sent).toBe(1);
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([
      message!.id,
      message!.id,
      message!.id,
    ]);
    // the object read at the first attempt is kept: every retry sends the same message
    const bodies = received.map((r) => JSON.parse(r.body) as unknown);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      data: { object: { status: 'pending' } },
    });
    const log = await h.json<{
      data: { id: string; status: string; attempts: { statusCode: number; response: string }[] }[];
    }>(`/v1/tenants/${fx.a}/webhooks/${endpoint.id}/deliveries`, {
      headers: bearer(fx.adminA.token),
    });
    const entry = log.body.data.find((d) => d.id === message!.id)!;
    expect(entry.status).toBe('succeeded');
    expect(entry.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(entry.attempts[2]!.response).toBe('diterima');
  });

  it('sends a test message when asked, and one message again with the same id', async () => {
    received.length = 0;
    const ping = await post(
      h,
      `/v1/tenants/${fx.a}/webhooks/${endpoint.id}/ping`,
      {},
      fx.adminA.token,
    );
    expect(ping.status).toBe(202);
    const { id } = (await ping.json()) as { id: string };
    expect(received).toHaveLength(1);
    const pinged = new Webhook(endpoint.secret).verify(received[0]!.body, {
      'webhook-id': received[0]!.headers['webhook-id'] as string,
      'webhook-timestamp': received[0]!.headers['webhook-timestamp'] as string,
      'webhook-signature': received[0]!.headers['webhook-signature'] as string,
    });
    expect(pinged).toMatchObject({ id, type: 'webhook.ping', tenantId: fx.a });
    const again = await post(
      h,
      `/v1/tenants/${fx.a}/webhooks/${endpoint.id}/deliveries/${id}/redeliver`,
      {},
      fx.adminA.token,
    );
    expect(again.status).toBe(202);
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([id, id]);
    // another tenant's message id, through this endpoint: not found
    const stranger = await post(
      h,
      `/v1/tenants/${fx.a}/webhooks/${endpoint.id}/deliveries/msg_01m95d5dpqtf224sqkqsldvvpu/redeliver`,
      {},
      fx.adminA.token,
    );
    expect(stranger.status).toBe(404);
  });

  it('turns off an endpoint that fails for three days and emails the tenant’s admins', async () => {
    answers.push(...Array(20).fill(500));
    await interestInPalu('Terminal bus antarkota');
    const day = 86400_000;
    await interestInPalu('Irigasi lintas kabupaten'); // fails: failing since now
    const later = jobAt(3 * day + 60_000);
    await h.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date() })
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    await sendDueWebhooks(later.ctx, defaultOutbound(config));
    await later.flush();
    const [row] = await h.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const mail = h.sent.findLast((m) => m.to === fx.adminA.email.toLowerCase());
    expect(mail?.subject).toBe('Sinergi berhenti memanggil alamat webhook Anda');
    expect(mail?.text).toContain('gagal selama 3 hari');
    answers.length = 0;
  });
});

describe('safe to call out', () => {
  it('refuses, when added, every URL that points inside the network, naming the field', async () => {
    const strict = await createHarness();
    try {
      const setup = await twoRegions(strict, ['73.71', '73.08']);
      const refused = [
        'http://127.0.0.1/hook',
        'http://127.1/hook',
        'http://2130706433/hook',
        'http://0x7f.0.0.1/hook',
        'http://0.0.0.0/hook',
        'https://10.0.0.1/hook',
        'https://172.16.5.4/hook',
        'https://192.168.1.1/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://100.64.0.1/hook',
        'https://100.100.100.200/hook',
        'https://224.0.0.1/hook',
        'https://255.255.255.255/hook',
        'https://[::1]/hook',
        'https://[::]/hook',
        'https://[fe80::1]/hook',
        'https://[fc00::1]/hook',
        'https://[fd00:ec2::254]/hook',
        'https://[ff02::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://[::ffff:a9fe:a9fe]/hook',
        'https://[64:ff9b::a9fe:a9fe]/hook',
        'https://[2002:7f00:1::]/hook',
        'ftp://93.184.215.14/hook',
        'https://user:sandi@93.184.215.14/hook',
      ];
      for (const url of refused) {
        const res = await post(
          strict,
          `/v1/tenants/${setup.a}/webhooks`,
          { url },
          setup.adminA.token,
        );
        expect(res.status, url).toBe(400);
        expect(((await res.json()) as ProblemBody).errors?.[0]?.location, url).toBe('body.url');
      }
      const ok = await post(
        strict,
        `/v1/tenants/${setup.a}/webhooks`,
        { url: 'https://93.184.215.14/hook' },
        setup.adminA.token,
      );
      expect(ok.status).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('checks the address again at every call, follows no redirect, and refuses http: in production', async () => {
    let address = '93.184.215.14';
    const calls: string[] = [];
    const out: Outbound = {
      fetch: async (input, init) => {
        calls.push(String(input));
        expect(init?.redirect).toBe('manual');
        return new Response('', { status: 302, headers: { location: 'http://127.0.0.1/' } });
      },
      resolve: async () => [address],
      allowPrivate: false,
      production: true,
      timeoutMs: 10_000,
    };
    expect(await refusal('https://ksd.contoh.go.id/hook', out)).toBeNull();
    // a redirect is an answer, not a place to go
    expect((await call('https://ksd.contoh.go.id/hook', {}, '{}', out)).statusCode).toBe(302);
    // the name now points inside: refused before any connection
    address = '10.1.2.3';
    const r = await call('https://ksd.contoh.go.id/hook', {}, '{}', out);
    expect(r.statusCode).toBeNull();
    expect(r.response).toContain('non-public address (10.1.2.3)');
    expect(calls).toHaveLength(1);
    expect((await refusal('http://ksd.contoh.go.id/hook', out))?.key).toBe('webhooks.https_only');
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
  });

  it('on Node, connects only to the address it checked: a name that resolves inside when connecting is refused at the socket', async () => {
    let answer = '93.184.215.14';
    // the check sees a public address; by the time the socket opens, the name points at this machine
    const checked: Outbound = {
      fetch: pinnedFetch((_host, _opts, cb) => cb(null, [{ address: answer, family: 4 }])),
      resolve: async () => ['93.184.215.14'],
      allowPrivate: false,
      production: false,
      timeoutMs: 2000,
    };
    answer = '127.0.0.1';
    const before = received.length;
    const r = await call(
      `http://rebind.contoh.go.id:${new URL(base).port}/rebind`,
      {},
      '{}',
      checked,
    );
    expect(r.statusCode).toBeNull();
    expect(r.response).toBe('could not connect');
    expect(received.length).toBe(before);
  });
});
