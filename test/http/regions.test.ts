import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

type Region = {
  code: string;
  name: string;
  kind: string;
  provinceCode: string | null;
  autonomous: boolean;
  timeZone: string;
  islandGroup: string;
  tenant: { id: string; status: string } | null;
};
type Page = { data: Region[]; nextCursor: string | null; total: number };

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

describe('GET /v1/regions', () => {
  fixtures();
  it('lists DKI Jakarta’s six regions, marked administrative', async () => {
    const { status, body } = await h.json<Page>('/v1/regions?province=31');
    expect(status).toBe(200);
    expect(body.total).toBe(6);
    expect(body.data.map((r) => r.code)).toEqual([
      '31.01',
      '31.71',
      '31.72',
      '31.73',
      '31.74',
      '31.75',
    ]);
    expect(body.data.every((r) => r.autonomous === false && r.provinceCode === '31')).toBe(true);
    expect(body.data[1]!.name).toBe('Kota Administrasi Jakarta Pusat');
  });

  it('totals 552 regions: 38 provinces, 416 kabupaten, 98 kota', async () => {
    const totals = await Promise.all(
      ['', '?kind=provinsi', '?kind=kabupaten', '?kind=kota', '?autonomous=false'].map(
        async (q) => (await h.json<Page>(`/v1/regions${q}`)).body.total,
      ),
    );
    expect(totals).toEqual([552, 38, 416, 98, 6]);
  });

  it('walks every page with a stable order and no duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body }: { status: number; body: Page } = await h.json<Page>(
        `/v1/regions?${qs}`,
      );
      expect(status).toBe(200);
      seen.push(...body.data.map((r) => r.code));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(6);
    expect(seen).toHaveLength(552);
    expect(new Set(seen).size).toBe(552);
    expect([...seen].sort()).toEqual(seen);
  });

  it('gives every region a tenant and a time zone that follows its province', async () => {
    const { body } = await h.json<Page>('/v1/regions?limit=1000');
    expect(
      body.data.every((r) => r.tenant?.id.startsWith('ten_') && r.tenant.status === 'unclaimed'),
    ).toBe(true);
    const byCode = new Map(body.data.map((r) => [r.code, r]));
    expect(byCode.get('51.71')!.timeZone).toBe('WITA'); // Kota Denpasar
    expect(byCode.get('61.71')!.timeZone).toBe('WIB'); // Kota Pontianak
    expect(byCode.get('64.72')!.timeZone).toBe('WITA'); // Kota Samarinda
    expect(byCode.get('91.71')!.timeZone).toBe('WIT'); // Kota Jayapura
    expect(byCode.get('73.71')!.islandGroup).toBe('sulawesi');
  });

  it('finds "bandung" in Kota Bandung and Kabupaten Bandung Barat, ignoring case and accents', async () => {
    for (const q of ['bandung', 'BANDUNG', 'Bándung']) {
      const { status, body } = await h.json<Page>(`/v1/regions?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.data.map((r) => r.name)).toEqual([
        'Kabupaten Bandung',
        'Kabupaten Bandung Barat',
        'Kota Bandung',
      ]);
    }
  });

  it('refuses a search of only punctuation or wildcards rather than matching everything', async () => {
    const { status, body } = await h.json<ProblemBody>('/v1/regions?q=%25%25');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.location).toBe('query.q');
  });

  it('combines filters', async () => {
    const { body } = await h.json<Page>('/v1/regions?province=32&kind=kota&q=ban');
    expect(body.data.map((r) => r.name)).toEqual(['Kota Bandung', 'Kota Banjar']);
  });

  it.each([
    ['limit=abc', 'query.limit'],
    ['limit=100000', 'query.limit'],
    ['limit=0', 'query.limit'],
    ['kind=desa', 'query.kind'],
    ['province=3', 'query.province'],
    ['province=99', 'query.province'],
    ['autonomous=yes', 'query.autonomous'],
    ['q=a', 'query.q'],
    ['cursor=not-a-cursor', 'query.cursor'],
  ])('rejects %s with a 400 naming %s', async (qs, location) => {
    const res = await h.request(`/v1/regions?${qs}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as ProblemBody;
    expect(body.errors?.map((e) => e.location)).toContain(location);
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses a cursor replayed against other filters', async () => {
    const first = await h.json<Page>('/v1/regions?kind=kota&limit=5');
    const res = await h.request(
      `/v1/regions?kind=kabupaten&limit=5&cursor=${first.body.nextCursor}`,
    );
    expect(res.status).toBe(400);
  });
});

describe('GET /v1/regions/{code}', () => {
  fixtures();
  it('returns a kabupaten/kota with its province', async () => {
    const { status, body } = await h.json<
      Region & { parent: { code: string; name: string } | null; children: unknown }
    >('/v1/regions/32.73');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: '32.73',
      name: 'Kota Bandung',
      kind: 'kota',
      parent: { code: '32', name: 'Jawa Barat' },
      children: null,
    });
  });

  it('returns a province with its children counts', async () => {
    const { body } = await h.json<{
      children: { total: number; kabupaten: number; kota: number; administrative: number };
    }>('/v1/regions/31');
    expect(body.children).toEqual({ total: 6, kabupaten: 1, kota: 5, administrative: 6 });
    const jabar = await h.json<{ children: { total: number; kabupaten: number; kota: number } }>(
      '/v1/regions/32',
    );
    expect(jabar.body.children).toMatchObject({ total: 27, kabupaten: 18, kota: 9 });
  });

  it('answers an unknown code with a 404 problem in Indonesian, or English on request', async () => {
    const res = await h.request('/v1/regions/99.99');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as ProblemBody;
    expect(body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      type: 'urn:sinergi:problem:not_found',
      title: 'Tidak ditemukan',
    });
    expect(body.detail).toContain('99.99');
    const en = await h.json<ProblemBody>('/v1/regions/99.99', {
      headers: { 'accept-language': 'en-US,en;q=0.9,id;q=0.5' },
    });
    expect(en.body.title).toBe('Not found');
    expect(en.res.headers.get('content-language')).toBe('en');
  });

  it('rejects a malformed code with a 400 naming path.code', async () => {
    const { status, body } = await h.json<ProblemBody>('/v1/regions/bandung');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.location).toBe('path.code');
  });
});

describe('POST /v1/regions/lookup', () => {
  fixtures();
  const post = (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => h.request('/v1/regions/lookup', { method: 'POST', body, headers });

  it('resolves known codes and reports unknown ones', async () => {
    const res = await post(JSON.stringify({ codes: ['32.73', '31.71', '99.99', '32.73'] }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Region[]; unknown: string[] };
    expect(body.data.map((r) => r.code)).toEqual(['31.71', '32.73']);
    expect(body.unknown).toEqual(['99.99']);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await post('{"codes": [');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ProblemBody;
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.detail).toMatch(/JSON/);
  });

  it('names the offending field and element', async () => {
    const res = await post(JSON.stringify({ codes: ['32.73', 'x'], extra: 1 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ProblemBody;
    const locations = body.errors?.map((e) => e.location);
    expect(locations).toContain('body.codes.1');
    expect(locations).toContain('body.extra');
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ codes: ['32.73'], pad: 'x'.repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as ProblemBody;
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await post('codes=32.73', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([400, 415]).toContain(res.status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
