// `npm run bench:matching`: matching at national scale — 552 regions × 25
// published potentials and 20,000 verified partner profiles on the embedded
// database. For 1,000 random potentials it times the top-20 candidates:
//   in-process  the pure scorer over candidates held in memory (prefiltered by shared issue/affair)
//   HTTP        GET /v1/tenants/{id}/potentials/{id}/matches?limit=20 through the app (SQL prefilter + scorer)
//   SQL         the same score written as one straightforward SQL statement
// and checks that the SQL baseline ranks the same top 20.
import { sql } from 'drizzle-orm';
import { potentials, tenantProfiles, tenants, users, memberships } from '../db/schema';
import { createApp } from '../src/app';
import { createSession } from '../src/identity/sessions';
import { rank, type Candidate, type Target } from '../src/matching/score';
import { FRESH_DAYS, PARTNER_KIND_TO_COOPERATION, STALE_DAYS, WEIGHTS } from '../src/matching/weights';
import { LABELS } from '../src/potentials/matches';
import { newId } from '../src/platform/ids';
import { createLogger } from '../src/platform/logger';
import { islandGroupOf } from '../src/reference/geography';
import { buildCatalogDataset } from './dataset';

const PER_REGION = 25;
const PARTNERS = Number(process.argv[2] ?? 20_000);
const SAMPLES = Number(process.argv[3] ?? 1000);
const PARTNER_KINDS = Object.keys(PARTNER_KIND_TO_COOPERATION);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, p99 ${pct(xs, 99).toFixed(2)} ms`;

async function main() {
  const t0 = performance.now();
  const { handle, regionTenants, affairs, issues, rand, pick, some } = await buildCatalogDataset(552 * PER_REGION, { perRegion: PER_REGION });
  const db = handle.db;
  const regionCodes = regionTenants.map((t) => t.code!);
  for (let i = 0; i < PARTNERS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, PARTNERS - i) }, (_, j) => ({ id: newId('tenant'), type: 'partner' as const, name: `Mitra ${i + j}`, status: 'active' as const, partnerKind: pick(PARTNER_KINDS) }));
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
  }
  await handle.client.exec('analyze');
  const setupS = (performance.now() - t0) / 1000;

  // everything in memory for the in-process measurement
  const allPotentials = await db.select().from(potentials);
  const profiles = await db.select({ t: tenants, p: tenantProfiles }).from(tenants).innerJoin(tenantProfiles, sql`${tenantProfiles.tenantId} = ${tenants.id}`);
  const candidates: Candidate[] = [
    ...allPotentials.map((p) => ({ type: 'potential' as const, id: p.id, tenantId: p.tenantId, title: p.title, regionCode: p.regionCode, provinceCode: p.provinceCode, islandGroup: islandGroupOf(p.regionCode), autonomous: p.provinceCode !== '31' || !p.regionCode.includes('.'), direction: p.direction, affairs: p.affairs, issues: p.issues, cooperationKinds: p.cooperationKinds, valueIdr: p.valueIdr, updatedAt: p.updatedAt })),
    ...profiles.map(({ t, p }) => ({ type: 'partner' as const, id: t.id, tenantId: t.id, name: t.name, partnerKind: t.partnerKind!, affairs: p.affairs, issues: p.issues, offers: p.offers, regionsOfInterest: p.regionsOfInterest, engagementMinIdr: p.engagementMinIdr, engagementMaxIdr: p.engagementMaxIdr, updatedAt: p.updatedAt })),
  ];
  const byCode = new Map<string, Candidate[]>();
  for (const c of candidates) for (const code of new Set([...c.issues.map((x) => `i:${x}`), ...c.affairs.map((x) => `a:${x}`)])) byCode.set(code, [...(byCode.get(code) ?? []), c]);
  const toTarget = (p: (typeof allPotentials)[number]): Target => ({ id: p.id, tenantId: p.tenantId, regionCode: p.regionCode, provinceCode: p.provinceCode, islandGroup: islandGroupOf(p.regionCode), direction: p.direction, affairs: p.affairs, issues: p.issues, cooperationKinds: p.cooperationKinds, mandatory: p.mandatory, valueIdr: p.valueIdr, neighbours: [] });
  const now = new Date();

  // a user who may read every region's matches: a platform admin session
  const adminId = newId('user');
  await db.insert(users).values({ id: adminId, email: 'bench@contoh.go.id', name: 'Bench', passwordHash: 'x', isPlatformAdmin: true, emailVerifiedAt: now });
  const session = await createSession(db, { userId: adminId, now });
  void memberships;
  const app = createApp({ config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' }, logger: createLogger('silent'), openDb: () => ({ db }) });

  const sample = Array.from({ length: SAMPLES }, () => pick(allPotentials));
  const inProcess: number[] = [];
  const http: number[] = [];
  const sqlTimes: number[] = [];
  let candidatesSeen = 0;
  let sameTop = 0;
  let shown = false;

  for (const p of sample) {
    // in-process
    let t = performance.now();
    const target = toTarget(p);
    const pool = new Map<string, Candidate>();
    for (const code of [...target.issues.map((x) => `i:${x}`), ...target.affairs.map((x) => `a:${x}`)]) for (const c of byCode.get(code) ?? []) pool.set(c.id, c);
    const top = rank(target, [...pool.values()], { now, labels: LABELS, explain: 20 }).slice(0, 20);
    inProcess.push(performance.now() - t);
    candidatesSeen += pool.size;

    // HTTP
    t = performance.now();
    const res = await app.request(`/v1/tenants/${p.tenantId}/potentials/${p.id}/matches?limit=20`, { headers: { authorization: `Bearer ${session.token}` } });
    const body = (await res.json()) as { data: { candidate: { tenantId: string; potentialId: string | null; name: string }; score: number; reasons: { text: string }[] }[] };
    http.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    if (!shown && body.data.length) {
      shown = true;
      console.log(`example: top candidates for "${p.title}" (${p.regionCode}, ${p.direction}):`);
      for (const m of body.data.slice(0, 20)) console.log(`  ${m.score.toFixed(1).padStart(5)}  ${m.candidate.name.padEnd(60)} ${m.reasons.map((r) => r.text).slice(0, 2).join('; ')}`);
    }

    // SQL baseline
    t = performance.now();
    const rows = await sqlBaseline(handle.client, target, now);
    sqlTimes.push(performance.now() - t);
    const a = top.map((m) => `${m.candidate.id}:${m.score}`).join(',');
    const b = rows.map((r) => `${r.id}:${Number(r.score)}`).join(',');
    if (a === b) sameTop++;
  }

  console.log(`\nmatching benchmark: ${allPotentials.length} published potentials (552 regions × ${PER_REGION}), ${PARTNERS} partner profiles; setup ${setupS.toFixed(1)} s; ${SAMPLES} random potentials, top 20; mean ${Math.round(candidatesSeen / SAMPLES)} candidates scored per potential`);
  console.log(`| path | p50 ms | p95 ms | p99 ms |`);
  console.log(`|---|---|---|---|`);
  for (const [name, xs] of [['in-process (pure scorer, candidates in memory)', inProcess], ['HTTP endpoint (SQL prefilter + scorer)', http], ['SQL baseline (the same score in one statement)', sqlTimes]] as const) {
    console.log(`| ${name} | ${pct(xs, 50).toFixed(2)} | ${pct(xs, 95).toFixed(2)} | ${pct(xs, 99).toFixed(2)} |`);
  }
  console.log(`SQL / in-process at p50: ${(pct(sqlTimes, 50) / pct(inProcess, 50)).toFixed(1)}x; SQL / HTTP at p50: ${(pct(sqlTimes, 50) / pct(http, 50)).toFixed(2)}x; SQL top 20 identical to the scorer's for ${sameTop} of ${SAMPLES}`);
  void fmt;
  await handle.close();
}

/** The score of src/matching/score.ts, written as plain SQL over the same tables (no history: the dataset has none). */
async function sqlBaseline(client: { query: <T>(q: string, p: unknown[]) => Promise<{ rows: T[] }> }, t: Target, now: Date) {
  const kinds = Object.entries(PARTNER_KIND_TO_COOPERATION).filter(([, k]) => t.cooperationKinds.includes(k)).map(([k]) => k);
  const W = WEIGHTS;
  const nI = new Set(t.issues).size;
  const nA = new Set(t.affairs).size;
  const shared = (col: string, arr: string) => `cardinality(array(select unnest(${col}) intersect select unnest(${arr}::text[])))`;
  const r1 = (x: string) => `round((${x})::numeric, 1)`;
  const c01 = (x: string) => `least(1, greatest(0, ${x}))`;
  const fresh = `${c01(`case when extract(epoch from ($9::timestamptz - p.updated_at)) / 86400 <= ${FRESH_DAYS} then 1 else 1 - (extract(epoch from ($9::timestamptz - p.updated_at)) / 86400 - ${FRESH_DAYS}) / ${STALE_DAYS - FRESH_DAYS} end`)}`;
  const common = (complementary: string, geo: string, size: string) => `
      ${r1(`${W.complementarity} * ${c01(`case when ${complementary} then (${shared('affairs', '$2')} + ${shared('issues', '$1')})::float / ${Math.min(Math.max(1, nI + nA), 3)} else 0 end`)}`)}
    + ${r1(`${W.sharedIssues} * ${nI ? c01(`${shared('issues', '$1')}::float / ${Math.min(nI, 3)}`) : '0'}`)}
    + ${r1(`${W.affairs} * ${nA ? c01(`${shared('affairs', '$2')}::float / ${Math.min(nA, 3)}`) : '0'}`)}
    + ${r1(`${W.geography} * (${geo})`)}
    + ${r1(`${W.size} * (${size})`)}
    + ${r1(`${W.history} * 0.5`)}
    + ${r1(`${W.freshness} * ${fresh}`)}`;
  const value = t.valueIdr && t.valueIdr > 0 ? t.valueIdr : null;
  const partnerSize = value === null ? '0.5' : `case when engagement_min_idr is null and engagement_max_idr is null then 0.5
      when (engagement_min_idr is null or $8 >= engagement_min_idr) and (engagement_max_idr is null or $8 <= engagement_max_idr) then 1
      when $8 < coalesce(engagement_min_idr, 0) then case when engagement_min_idr > 0 and greatest($8, engagement_min_idr)::float / least($8, engagement_min_idr) <= 2 then 0.5 else 0 end
      else case when engagement_max_idr > 0 and greatest($8, engagement_max_idr)::float / least($8, engagement_max_idr) <= 2 then 0.5 else 0 end end`;
  const regionSize = value === null ? '0.5' : `case when value_idr is null or value_idr <= 0 then 0.5 else least($8, value_idr)::float / greatest($8, value_idr) end`;
  const parts: string[] = [];
  if (kinds.length) {
    parts.push(`select t.id, ${common(`$3 = 'need'`, `case when $4 = any(regions_of_interest) then 1 when $5 = any(regions_of_interest) then 0.7 when cardinality(regions_of_interest) = 0 then 0.3 else 0 end`, partnerSize)} as score
      from tenants t join tenant_profiles p on p.tenant_id = t.id
      where t.type = 'partner' and t.status = 'active' and t.partner_kind = any($7::text[]) and (p.issues && $1::text[] or p.affairs && $2::text[])`);
  }
  if (t.cooperationKinds.includes('KSDD')) {
    parts.push(`select p.id, ${common(`p.direction::text <> $3`, `case when p.province_code = $5 then ${t.mandatory ? 0.4 : 0.7} when left(p.region_code, 1) in (select left(x, 1) from unnest($6::text[]) x) then ${t.mandatory ? 0.1 : 0.35} else 0 end`, regionSize)} as score
      from potentials p join regions r on r.code = p.region_code
      where p.status = 'published' and p.tenant_id <> $10 and r.autonomous and 'KSDD' = any(p.cooperation_kinds) and (p.issues && $1::text[] or p.affairs && $2::text[])`);
  }
  if (!parts.length) return [];
  // island groups by first digit of the code: 1 and 2 are both Sumatera
  const island = t.regionCode[0] === '1' || t.regionCode[0] === '2' ? ['1', '2'] : [t.regionCode[0]!];
  const q = `select id, round(sum_score::numeric, 1) as score from (select id, score as sum_score from (${parts.join(' union all ')}) s) x where sum_score > 0 and cardinality($6::text[]) >= 0 and cardinality($7::text[]) >= 0 and $4::text is not null and $5::text is not null and $8::bigint >= 0 and $10::text is not null order by score desc, id collate "C" asc limit 20`;
  return (await client.query<{ id: string; score: string }>(q, [t.issues, t.affairs, t.direction, t.regionCode, t.provinceCode, island, kinds, value ?? 0, now.toISOString(), t.tenantId])).rows;
}

await main();
