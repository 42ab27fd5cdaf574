import type { SQL } from 'drizzle-orm';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ws from 'ws';
import type { Db } from '../../db/client';
import { openNeon } from '../../db/connect/neon';
import { migrate } from '../../db/migrate';
import { potentials, tenantProfiles, tenants, users } from '../../db/schema';
import { seedReferenceData } from '../../db/seed/reference';
import { createApp } from '../../src/app';
import { createSession } from '../../src/identity/sessions';
import { newId } from '../../src/platform/ids';
import { createLogger } from '../../src/platform/logger';
import { placesOf, searchTextOf } from '../../src/potentials/search-text';
import { searchForm } from '../../src/reference/geography';
import { conformingApp } from '../support/conformance';
import { type ProblemBody, testConfig } from '../support/harness';

const rowsOf = async <T>(db: Db, query: SQL) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * The production code path: @neondatabase/serverless (WebSocket Pool, as on
 * Workers) against a real PostgreSQL server, through a local WebSocket proxy.
 */
const sharedUrl = inject('pgUrl');
const wsProxy = inject('wsProxy');
const neon = { webSocketConstructor: ws, wsProxy };
// A database of this file's own, so migrations and the first seed run here from scratch.
const dbName = `neon_${Date.now().toString(36)}`;
const pgUrl = sharedUrl
  ? Object.assign(new URL(sharedUrl), { pathname: `/${dbName}` }).toString()
  : '';

describe.skipIf(!pgUrl)('Neon serverless driver on a real PostgreSQL server', () => {
  const logs: string[] = [];
  const pools: { close: () => Promise<void> }[] = [];
  // As on Workers: one Pool per request, released after the response.
  const served = createApp({
    config: testConfig,
    // every request asks the open-data version: a change made beside the app shows at once
    openDataVersionTtlMs: 0,
    logger: createLogger('info', (l) => logs.push(l)),
    openDb: () => {
      const handle = openNeon(pgUrl, neon);
      return { db: handle.db, release: handle.close };
    },
  });
  let app: typeof served;

  beforeAll(async () => {
    const admin = openNeon(sharedUrl, neon);
    await admin.db.execute(sql.raw(`create database ${dbName}`));
    await admin.close();
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    await migrate(handle);
    await migrate(handle); // idempotent
    const first = await seedReferenceData(handle.db);
    const second = await seedReferenceData(handle.db);
    expect(first.skipped).toBe(false);
    expect(second.skipped).toBe(true);
    app = await conformingApp(served);
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('runs on the server it was pointed at', async () => {
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    const rows = await rowsOf<{ version: string }>(handle.db, sql`select version() as version`);
    expect(String(rows[0]?.version)).toMatch(/^PostgreSQL 1[0-9]/);
  });

  it('serves DKI Jakarta’s six administrative regions', async () => {
    const res = await app.request('/v1/regions?province=31');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: number;
      data: { code: string; autonomous: boolean }[];
    };
    expect(body.total).toBe(6);
    expect(body.data.every((r) => !r.autonomous)).toBe(true);
  });

  it('counts 552 regions after a second seed, with no duplicate tenants', async () => {
    const res = await app.request('/v1/regions?limit=1');
    expect(((await res.json()) as { total: number }).total).toBe(552);
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    const count = await rowsOf<{ n: string }>(
      handle.db,
      sql`select count(*) as n from tenants where type = 'region'`,
    );
    expect(Number(count[0]?.n)).toBe(552);
  });

  it('searches names ignoring case and accents, and answers problems', async () => {
    const res = await app.request('/v1/regions?q=B%C3%81NDUNG');
    const body = (await res.json()) as { data: { name: string }[] };
    expect(body.data.map((r) => r.name)).toEqual([
      'Kabupaten Bandung',
      'Kabupaten Bandung Barat',
      'Kota Bandung',
    ]);
    const missing = await app.request('/v1/regions/99.99');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ProblemBody).code).toBe('NOT_FOUND');
  });

  it('rolls back a transaction that fails halfway', async () => {
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    const id = newId('tenant');
    await expect(
      handle.db.transaction(async (tx) => {
        await tx
          .insert(tenants)
          .values({ id, type: 'partner', name: 'PT Setengah Jalan', status: 'unverified' });
        throw new Error('fails halfway');
      }),
    ).rejects.toThrow('fails halfway');
    const rows = await rowsOf<{ n: string }>(
      handle.db,
      sql`select count(*) as n from tenants where id = ${id}`,
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('searches the catalogue in Indonesian and English, by place, through the thesaurus and the typo fallback, on PostgreSQL', async () => {
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    const [tenant] = await rowsOf<{ id: string }>(
      handle.db,
      sql`select id from tenants where region_code = '72.71'`,
    );
    const text =
      'pengelolaan sampah regional dan pengentasan kemiskinan ekstrem di kawasan perbatasan';
    const id = newId('potential');
    await handle.db.insert(potentials).values({
      id,
      tenantId: tenant!.id,
      regionCode: '72.71',
      provinceCode: '72',
      title: 'Pengelolaan sampah regional',
      activity: text,
      problem: 'Sampah',
      potential: 'Lahan',
      target: 'Bersih',
      process: [{ party: 'Kota', role: 'Koordinasi' }],
      outputs: ['TPA'],
      outcome: 'Bersih',
      outcomeIndicator: 'Persen sampah terkelola',
      direction: 'need',
      cooperationKinds: ['KSDD'],
      mandatory: false,
      affairs: ['lingkungan_hidup'],
      issues: ['kemiskinan_ekstrem'],
      horizon: 'short',
      expiresOn: '2099-01-01',
      status: 'published',
      publishedAt: new Date(),
      ...searchTextOf(
        {
          title: 'Pengelolaan sampah regional',
          activity: text,
          problem: 'Sampah',
          potential: 'Lahan',
          target: 'Bersih',
          outcome: 'Bersih',
          outputs: ['TPA'],
          candidatePartner: null,
          affairs: ['lingkungan_hidup'],
          issues: ['kemiskinan_ekstrem'],
        },
        (await placesOf(handle.db, ['72.71'])).get('72.71')!,
      ),
    });
    // stems, the thesaurus (kelola → pengelolaan), English labels and words, place names and short forms, a typo
    for (const q of [
      'miskin',
      'batas',
      'kelola',
      'poverty',
      'waste',
      'Palu',
      'Sulteng',
      'pengelolan',
    ]) {
      const res = await app.request(`/v1/catalog/potentials?q=${q}`);
      expect(res.status).toBe(200);
      expect(
        ((await res.json()) as { data: { id: string }[] }).data.map((d) => d.id),
        q,
      ).toContain(id);
    }
    const facets = await app.request('/v1/catalog/potentials/facets?issues=kemiskinan_ekstrem');
    expect(((await facets.json()) as { total: number }).total).toBe(1);
    // the catalogue's projection follows the potential out of the catalogue
    await handle.db.update(potentials).set({ status: 'closed' }).where(eq(potentials.id, id));
    const gone = await app.request('/v1/catalog/potentials?q=Sulteng');
    expect(((await gone.json()) as { data: { id: string }[] }).data.map((d) => d.id)).not.toContain(
      id,
    );
    // migration 0019's planner setting reaches the sessions of this database
    const [setting] = await rowsOf<{ cost: string }>(
      handle.db,
      sql`select current_setting('random_page_cost') as cost`,
    );
    expect(setting!.cost).toBe('1.1');
  });

  it('ranks matches with the bounds query on PostgreSQL, and follows a change in the next request', async () => {
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    const [palu] = await rowsOf<{ id: string }>(
      handle.db,
      sql`select id from tenants where region_code = '72.71'`,
    );
    const [sigi] = await rowsOf<{ id: string }>(
      handle.db,
      sql`select id from tenants where region_code = '72.10'`,
    );
    const potential = (
      tenantId: string,
      regionCode: string,
      direction: 'offer' | 'need',
      title: string,
    ) => ({
      id: newId('potential'),
      tenantId,
      regionCode,
      provinceCode: '72',
      title,
      activity: title,
      problem: '-',
      potential: '-',
      target: '-',
      process: [],
      outputs: [],
      outcome: '-',
      outcomeIndicator: '-',
      direction,
      cooperationKinds: ['KSDD', 'KSDPK'],
      mandatory: false,
      affairs: ['trantibum_linmas', 'transmigrasi'],
      issues: ['penanggulangan_bencana'],
      valueIdr: 1_000_000_000,
      horizon: 'short' as const,
      expiresOn: '2099-01-01',
      status: 'published' as const,
      publishedAt: new Date(),
      searchText: searchForm(title),
    });
    const need = potential(palu!.id, '72.71', 'need', 'Peringatan dini tsunami');
    const offer = potential(sigi!.id, '72.10', 'offer', 'Relawan tangguh bencana');
    await handle.db.insert(potentials).values([need, offer]);
    const partnerId = newId('tenant');
    await handle.db.insert(tenants).values({
      id: partnerId,
      type: 'partner',
      name: 'Universitas Tadulako',
      status: 'active',
      partnerKind: 'university',
    });
    await handle.db.insert(tenantProfiles).values({
      tenantId: partnerId,
      issues: ['penanggulangan_bencana'],
      affairs: [],
      offers: 'kajian risiko',
      regionsOfInterest: ['72'],
    });
    const userId = newId('user');
    await handle.db.insert(users).values({
      id: userId,
      email: 'admin@contoh.go.id',
      name: 'Admin',
      passwordHash: 'x',
      isPlatformAdmin: true,
      emailVerifiedAt: new Date(),
    });
    const session = await createSession(handle.db, { userId, now: new Date() });
    const matches = async () => {
      const res = await app.request(
        `/v1/tenants/${palu!.id}/potentials/${need.id}/matches?limit=1`,
        { headers: { authorization: `Bearer ${session.token}` } },
      );
      expect(res.status).toBe(200);
      return (await res.json()) as {
        total: number;
        data: { score: number; candidate: { name: string } }[];
      };
    };
    const first = await matches();
    expect(first.total).toBe(2);
    expect(first.data.map((m) => m.candidate.name)).toEqual(['Relawan tangguh bencana']);
    await handle.db
      .update(tenants)
      .set({ status: 'suspended' })
      .where(sql`${tenants.id} = ${partnerId}`);
    expect((await matches()).total).toBe(1);
  });

  it('gives the last place of a forum session to one of two delegations registering at once', async () => {
    const handle = openNeon(pgUrl, neon);
    pools.push(handle);
    const idOf = async (code: string) =>
      (
        await rowsOf<{ id: string }>(
          handle.db,
          sql`select id from tenants where region_code = ${code}`,
        )
      )[0]!.id;
    const [palu, sigi, donggala] = [await idOf('72.71'), await idOf('72.10'), await idOf('72.03')];
    await handle.db.execute(
      sql`update tenants set status = 'active' where id in (${palu}, ${sigi}, ${donggala})`,
    );
    const userId = newId('user');
    await handle.db.insert(users).values({
      id: userId,
      email: 'forum@contoh.go.id',
      name: 'Admin Forum',
      passwordHash: 'x',
      isPlatformAdmin: true,
      emailVerifiedAt: new Date(),
    });
    const { token } = await createSession(handle.db, { userId, now: new Date() });
    const call = async (path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const day = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    const created = await call(`/v1/tenants/${palu}/forums`, {
      title: 'Forum Kerja Sama Sulawesi Tengah',
      issues: ['penanggulangan_bencana'],
      scope: 'national',
      firstStart: `${day}T09:00`,
      durationMinutes: 240,
      capacity: 1,
      autoApprove: true,
      registrationOpensDays: 50,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const forum = (await created.json()) as { id: string; sessions: { id: string }[] };
    const sessionId = forum.sessions[0]!.id;
    const published = await call(
      `/v1/tenants/${palu}/forums/${forum.id}/sessions/${sessionId}/status`,
      {
        status: 'published',
      },
    );
    expect(published.status).toBe(200);
    const results = await Promise.all(
      [sigi, donggala].map((tenant) =>
        call(`/v1/tenants/${tenant}/forum-registrations`, {
          sessionId,
          delegates: [{ name: 'Kepala Bagian Kerja Sama', title: 'Kepala Bagian' }],
        }).then(async (r) => {
          expect(r.status, await r.clone().text()).toBe(201);
          return ((await r.json()) as { status: string }).status;
        }),
      ),
    );
    expect(results.sort()).toEqual(['approved', 'waitlisted']);
  });

  it('reports health through the driver', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
  });
});
