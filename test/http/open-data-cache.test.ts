import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createLogger } from '../../src/platform/logger';
import { post, twoRegions } from '../support/actors';
import { createHarness, type Harness, testConfig } from '../support/harness';
import { publishPotential } from '../support/potentials';

/**
 * The open-data cache (src/platform/open-data-cache.ts) never serves what
 * changed: a repeated anonymous read is answered from memory only while the
 * database's open-data version stands, in this process and in another one
 * sharing the database.
 */
let h: Harness;
let fx: Awaited<ReturnType<typeof twoRegions>>;
/** A second process on the same database, as `npm start` runs several with PostgreSQL. */
let other: ReturnType<typeof createApp>;

beforeAll(async () => {
  h = await createHarness();
  fx = await twoRegions(h);
  other = createApp({
    config: testConfig,
    logger: createLogger('silent'),
    openDb: () => ({ db: h.db }),
    clientAddress: () => '203.0.113.20',
    openDataVersionTtlMs: 0,
  });
}, 60_000);
afterAll(() => h?.close());

const titles = async (app: { request: (p: string) => Response | Promise<Response> }, q: string) => {
  const res = await app.request(`/v1/catalog/potentials?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { title: string }[] }).data.map((p) => p.title);
};

describe('the open-data cache', () => {
  it('shows a publish and a closing to the next read, in this process and another', async () => {
    const q = 'Pengolahan sampah terpadu Palu';
    // read (and cache) the empty answer in both processes
    expect(await titles(h, q)).toEqual([]);
    expect(await titles(other, q)).toEqual([]);
    const id = await publishPotential(h, fx.a, fx.adminA, null, {
      title: 'Pengolahan sampah terpadu Palu',
      direction: 'offer',
    });
    expect(await titles(h, q)).toEqual(['Pengolahan sampah terpadu Palu']);
    expect(await titles(other, q)).toEqual(['Pengolahan sampah terpadu Palu']);
    const item = () => other.request(`/v1/catalog/potentials/${id}`);
    expect((await item()).status).toBe(200);
    // closing it takes it out of the catalogue: both processes see it at once
    const closed = await post(
      h,
      `/v1/tenants/${fx.a}/potentials/${id}/transitions`,
      { action: 'close' },
      fx.adminA.token,
    );
    expect(closed.status, await closed.clone().text()).toBe(200);
    expect(await titles(h, q)).toEqual([]);
    expect(await titles(other, q)).toEqual([]);
    expect((await item()).status).toBe(404);
  });

  it('shows a region claimed since the last read', async () => {
    const read = async () =>
      ((await (await other.request('/v1/regions/72.03')).json()) as { tenant: { status: string } })
        .tenant.status;
    expect(await read()).toBe('unclaimed');
    const claimed = await twoRegions(h, ['72.03', '72.04']);
    expect(claimed.a).toBeTruthy();
    expect(await read()).toBe('active');
  });
});
