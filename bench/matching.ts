// `npm run bench:matching`: matching at national scale — 552 regions × 25
// published potentials and 20,000 verified partner profiles on the embedded
// database. For 1,000 random potentials it times the top-20 candidates:
//   in-process  `rank` (src/matching) over every candidate held in memory
//   HTTP        GET /v1/tenants/{id}/potentials/{id}/matches?limit=20 through the app
//               (bounds in SQL over match_candidates, then `rank` on the survivors)
//   SQL         the same score written as one straightforward SQL statement
// and checks that all three rank the same top 20 (ids and scores).

import { sql } from 'drizzle-orm';
import { matchCandidates, potentials, regions } from '../db/schema';
import { CANDIDATE_JSON, LABELS, toCandidate } from '../src/candidates/candidates';
import { canonicalCodes } from '../src/reference/vocabularies';
import { rank } from '../src/scoring/score';
import { type Candidate, type Target } from '../src/scoring/types';
import {
  FRESH_DAYS,
  PARTNER_KIND_TO_COOPERATION,
  STALE_DAYS,
  WEIGHTS,
} from '../src/scoring/weights';
import { benchApp, buildMatchingDataset } from './dataset';
import { phase } from './progress';

const PER_REGION = 25;
const PARTNERS = Number(process.argv[2] ?? 20_000);
const SAMPLES = Number(process.argv[3] ?? 1000);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

type HttpPage = {
  total: number;
  data: {
    candidate: { tenantId: string; potentialId: string | null; name: string };
    score: number;
    reasons: { text: string }[];
  }[];
};

async function main() {
  const t0 = performance.now();
  const { handle, pick, regionTenants } = await buildMatchingDataset(PER_REGION, PARTNERS);
  const db = handle.db;
  phase('measuring: HTTP, in-process, SQL baseline');
  const setupS = (performance.now() - t0) / 1000;

  // the targets: only the columns a target needs, so a small heap keeps garbage collection out of the timings
  const p = potentials;
  const allPotentials = await db
    .select({
      id: p.id,
      tenantId: p.tenantId,
      title: p.title,
      regionCode: p.regionCode,
      provinceCode: p.provinceCode,
      direction: p.direction,
      affairs: p.affairs,
      issues: p.issues,
      cooperationKinds: p.cooperationKinds,
      mandatory: p.mandatory,
      valueIdr: p.valueIdr,
    })
    .from(p);
  const regionRows = new Map((await db.select().from(regions)).map((r) => [r.code, r]));
  const toTarget = (p: (typeof allPotentials)[number]): Target => ({
    id: p.id,
    tenantId: p.tenantId,
    regionCode: p.regionCode,
    provinceCode: p.provinceCode,
    islandGroup: regionRows.get(p.regionCode)!.islandGroup,
    direction: p.direction,
    affairs: canonicalCodes(p.affairs),
    issues: canonicalCodes(p.issues),
    cooperationKinds: canonicalCodes(p.cooperationKinds),
    mandatory: p.mandatory,
    valueIdr: p.valueIdr,
    neighbours: [],
  });
  // one clock for all three paths, so freshness is computed at the same instant
  const now = new Date();

  // an official who is a viewer in every region, so each request is checked as a member's
  const { app, token } = await benchApp(
    db,
    now,
    'bench@contoh.go.id',
    regionTenants.map((t) => ({ id: t.id, type: 'region' as const })),
  );

  const sample = Array.from({ length: SAMPLES }, () => pick(allPotentials));
  const WARM_UP = 20;
  const key = (xs: { id: string; score: number }[]) =>
    xs.map((x) => `${x.id}:${x.score}`).join(',');
  // each path runs on its own over the same sample, after WARM_UP untimed runs
  const timed = async <T>(run: (p: (typeof sample)[number]) => Promise<T> | T) => {
    // start each path from a collected heap (npm run bench:matching passes --expose-gc), not with the setup's garbage
    (globalThis as { gc?: () => void }).gc?.();
    for (const p of sample.slice(0, WARM_UP)) await run(p);
    const times: number[] = [];
    const results: T[] = [];
    for (const p of sample) {
      const t = performance.now();
      results.push(await run(p));
      times.push(performance.now() - t);
    }
    return { times, results };
  };

  // HTTP first, before every candidate is loaded into this process for the in-process path
  let example: { potential: (typeof sample)[number]; body: HttpPage } | undefined;
  const http = await timed(async (p) => {
    const res = await app.request(`/v1/tenants/${p.tenantId}/potentials/${p.id}/matches?limit=20`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as HttpPage;
    // keep only what is compared (and one page to print): a thousand full pages held in memory would time the collector
    example ??= body.data.length ? { potential: p, body } : undefined;
    return {
      total: body.total,
      top: key(
        body.data.map((m) => ({
          id: m.candidate.potentialId ?? m.candidate.tenantId,
          score: m.score,
        })),
      ),
    };
  });

  // every candidate in memory for the in-process measurement, built as the endpoint builds its survivors
  const loaded = (await db.execute(
    sql`select json_agg(${CANDIDATE_JSON})::text as rows from ${matchCandidates} m`,
  )) as unknown as { rows: { rows: string }[] };
  const candidates: Candidate[] = (
    JSON.parse(loaded.rows[0]!.rows) as Parameters<typeof toCandidate>[0][]
  ).map(toCandidate);
  // in-process: the whole candidate set, no prefilter
  const inProcess = await timed((p) =>
    rank(toTarget(p), candidates, { now, labels: LABELS, limit: 20 }),
  );
  // SQL baseline
  const sqlRuns = await timed((p) => sqlBaseline(handle.client, toTarget(p), now));

  let candidatesSeen = 0;
  let sameHttp = 0;
  let sameSql = 0;
  sample.forEach((p, i) => {
    const ranked = inProcess.results[i]!;
    const page = http.results[i]!;
    candidatesSeen += ranked.total;
    const top = key(ranked.matches.map((m) => ({ id: m.candidate.id, score: m.score })));
    if (page.top === top && page.total === ranked.total) sameHttp++;
    if (key(sqlRuns.results[i]!.map((r) => ({ id: r.id, score: Number(r.score) }))) === top)
      sameSql++;
  });
  if (example) {
    const { potential: p, body } = example;
    console.log(
      `example: top candidates for "${p.title}" (${p.regionCode}, ${p.direction}), ${body.total} candidates:`,
    );
    for (const m of body.data)
      console.log(
        `  ${m.score.toFixed(1).padStart(5)}  ${m.candidate.name.padEnd(50)} ${m.reasons
          .map((r) => r.text)
          .slice(0, 2)
          .join('; ')}`,
      );
  }
  const sqlTimes = sqlRuns.times;

  console.log(
    `\nmatching benchmark: ${allPotentials.length} published potentials (552 regions × ${PER_REGION}), ${PARTNERS} partner profiles; setup ${setupS.toFixed(1)} s; ${SAMPLES} random potentials, top 20; mean ${Math.round(candidatesSeen / SAMPLES)} candidates per potential (eligible, sharing an issue or affair)`,
  );
  console.log(`| path | p50 ms | p95 ms | p99 ms |`);
  console.log(`|---|---|---|---|`);
  for (const [name, xs] of [
    ['in-process: `rank` over all candidates in memory', inProcess.times],
    ['HTTP endpoint: SQL bounds over match_candidates + `rank`', http.times],
    ['SQL baseline: the same score in one plain statement', sqlTimes],
  ] as const) {
    console.log(
      `| ${name} | ${pct(xs, 50).toFixed(2)} | ${pct(xs, 95).toFixed(2)} | ${pct(xs, 99).toFixed(2)} |`,
    );
  }
  console.log(
    `SQL baseline / in-process at p50: ${(pct(sqlTimes, 50) / pct(inProcess.times, 50)).toFixed(1)}x; SQL baseline / HTTP at p50: ${(pct(sqlTimes, 50) / pct(http.times, 50)).toFixed(1)}x`,
  );
  console.log(
    `same top 20 (ids and scores) as in-process: HTTP ${sameHttp} of ${SAMPLES} (and the same total), SQL baseline ${sameSql} of ${SAMPLES}`,
  );
  await handle.close();
}

/** The score of src/scoring/score.ts, written as plain SQL over the same tables (no history: the dataset has none). */
async function sqlBaseline(
  client: { query: <T>(q: string, p: unknown[]) => Promise<{ rows: T[] }> },
  t: Target,
  now: Date,
) {
  const kinds = Object.entries(PARTNER_KIND_TO_COOPERATION)
    .filter(([, k]) => t.cooperationKinds.includes(k))
    .map(([k]) => k);
  const W = WEIGHTS;
  const nI = new Set(t.issues).size;
  const nA = new Set(t.affairs).size;
  const shared = (col: string, arr: string) =>
    `cardinality(array(select unnest(${col}) intersect select unnest(${arr}::text[])))`;
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
  const partnerSize =
    value === null
      ? '0.5'
      : `case when engagement_min_idr is null and engagement_max_idr is null then 0.5
      when (engagement_min_idr is null or $8 >= engagement_min_idr) and (engagement_max_idr is null or $8 <= engagement_max_idr) then 1
      when $8 < coalesce(engagement_min_idr, 0) then case when engagement_min_idr > 0 and greatest($8, engagement_min_idr)::float / least($8, engagement_min_idr) <= 2 then 0.5 else 0 end
      else case when engagement_max_idr > 0 and greatest($8, engagement_max_idr)::float / least($8, engagement_max_idr) <= 2 then 0.5 else 0 end end`;
  const regionSize =
    value === null
      ? '0.5'
      : `case when value_idr is null or value_idr <= 0 then 0.5 else least($8, value_idr)::float / greatest($8, value_idr) end`;
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
  const island =
    t.regionCode[0] === '1' || t.regionCode[0] === '2' ? ['1', '2'] : [t.regionCode[0]!];
  const q = `select id, round(sum_score::numeric, 1) as score from (select id, score as sum_score from (${parts.join(' union all ')}) s) x where sum_score > 0 and cardinality($6::text[]) >= 0 and cardinality($7::text[]) >= 0 and $4::text is not null and $5::text is not null and $8::bigint >= 0 and $10::text is not null order by score desc, id collate "C" asc limit 20`;
  return (
    await client.query<{ id: string; score: string }>(q, [
      t.issues,
      t.affairs,
      t.direction,
      t.regionCode,
      t.provinceCode,
      island,
      kinds,
      value ?? 0,
      now.toISOString(),
      t.tenantId,
    ])
  ).rows;
}

await main();
