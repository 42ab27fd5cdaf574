// `npm run eval:search`: the catalogue search judged against the development
// relevance set (eval/search-relevance.ts) over the demo catalogue, through
// the HTTP API on the embedded database. Prints per query and per kind:
//   recall@10   relevant potentials on the first page of 10, of those there are (up to 10)
//   precision   relevant potentials among everything the search matched (all pages)
//   nDCG@10     binary gains, the first page
//   MRR         1 / rank of the first relevant potential
// A query that should find nothing scores 1 on all four when it finds nothing, else 0.
// `--verbose` lists what each query returned. Exit code 1 when a target is missed.
import { openPglite } from '../db/connect/pglite';
import { migrate } from '../db/migrate';
import { seedDemo } from '../db/seed/demo';
import { POTENTIALS } from '../db/seed/demo-catalogue';
import { seedReferenceData } from '../db/seed/reference';
import { createApp } from '../src/app';
import { createLogger } from '../src/platform/logger';
import { JUDGEMENTS, type Judgement } from './search-relevance';

const TARGETS = { ndcg: 0.9, precision: 0.8, recall: 0.9 };
const verbose = process.argv.includes('--verbose');

const relevantTitles = (j: Judgement): Set<string> => {
  if (j.none) return new Set();
  if (j.titles) return new Set(j.titles);
  return new Set(
    POTENTIALS.filter(
      (p) =>
        (!j.topics ||
          p.topics.some((t) => j.topics!.includes(t)) ||
          p.issues.some((c) => j.issues?.includes(c)) ||
          p.affairs.some((c) => j.affairs?.includes(c))) &&
        (!j.place || p.region === j.place || p.region.slice(0, 2) === j.place),
    ).map((p) => p.title),
  );
};

type Scores = { recall: number; precision: number; ndcg: number; mrr: number };

export function scoresOf(returned: string[], relevant: Set<string>): Scores {
  if (relevant.size === 0) {
    const v = returned.length === 0 ? 1 : 0;
    return { recall: v, precision: v, ndcg: v, mrr: v };
  }
  const top = returned.slice(0, 10);
  const hits = top.filter((t) => relevant.has(t)).length;
  const dcg = top.reduce((s, t, i) => s + (relevant.has(t) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = Array.from({ length: Math.min(10, relevant.size) }, (_, i) => 1 / Math.log2(i + 2));
  const first = returned.findIndex((t) => relevant.has(t));
  return {
    recall: hits / Math.min(10, relevant.size),
    precision: returned.length
      ? returned.filter((t) => relevant.has(t)).length / returned.length
      : 0,
    ndcg: dcg / ideal.reduce((a, b) => a + b, 0),
    mrr: first < 0 ? 0 : 1 / (first + 1),
  };
}

async function main() {
  console.error('== building the demo catalogue on an embedded database');
  const handle = await openPglite();
  await migrate(handle);
  await seedReferenceData(handle.db);
  const seeded = await seedDemo(handle.db);
  const app = createApp({
    config: { APP_ENV: 'test', LOG_LEVEL: 'silent', APP_ORIGIN: 'http://localhost:8787' },
    logger: createLogger('silent'),
    openDb: () => ({ db: handle.db }),
  });
  const rows: { j: Judgement; s: Scores; returned: string[]; relevant: Set<string> }[] = [];
  for (const j of JUDGEMENTS) {
    const res = await app.request(`/v1/catalog/potentials?q=${encodeURIComponent(j.q)}&limit=100`);
    if (res.status !== 200) throw new Error(`${j.q}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { data: { title: string }[]; total: number };
    if (body.total > 100) throw new Error(`${j.q}: more than 100 matches, raise the limit`);
    const returned = body.data.map((d) => d.title);
    const relevant = relevantTitles(j);
    rows.push({ j, s: scoresOf(returned, relevant), returned, relevant });
  }
  const f = (x: number) => x.toFixed(2);
  const mean = (xs: Scores[]) => ({
    recall: xs.reduce((a, s) => a + s.recall, 0) / xs.length,
    precision: xs.reduce((a, s) => a + s.precision, 0) / xs.length,
    ndcg: xs.reduce((a, s) => a + s.ndcg, 0) / xs.length,
    mrr: xs.reduce((a, s) => a + s.mrr, 0) / xs.length,
  });
  console.log(
    `search relevance: ${JUDGEMENTS.length} queries over ${seeded.potentials} demo potentials, HTTP on embedded PGlite`,
  );
  console.log('\n| query | kind | relevant | returned | recall@10 | precision | nDCG@10 | MRR |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { j, s, returned, relevant } of rows) {
    console.log(
      `| ${j.q} | ${j.kind} | ${relevant.size} | ${returned.length} | ${f(s.recall)} | ${f(s.precision)} | ${f(s.ndcg)} | ${f(s.mrr)} |`,
    );
    if (verbose) {
      for (const [i, t] of returned.entries())
        console.log(`    ${relevant.has(t) ? '+' : '-'} ${i + 1}. ${t}`);
      for (const t of relevant) if (!returned.includes(t)) console.log(`    ! missed: ${t}`);
    }
  }
  console.log('\n| kind | queries | recall@10 | precision | nDCG@10 | MRR |');
  console.log('|---|---|---|---|---|---|');
  const kinds = [...new Set(JUDGEMENTS.map((j) => j.kind))];
  for (const k of kinds) {
    const m = mean(rows.filter((r) => r.j.kind === k).map((r) => r.s));
    console.log(
      `| ${k} | ${rows.filter((r) => r.j.kind === k).length} | ${f(m.recall)} | ${f(m.precision)} | ${f(m.ndcg)} | ${f(m.mrr)} |`,
    );
  }
  const all = mean(rows.map((r) => r.s));
  console.log(
    `| **all** | ${rows.length} | **${f(all.recall)}** | **${f(all.precision)}** | **${f(all.ndcg)}** | **${f(all.mrr)}** |`,
  );
  const missed = [
    all.ndcg < TARGETS.ndcg && `nDCG@10 ${f(all.ndcg)} < ${TARGETS.ndcg}`,
    all.precision < TARGETS.precision && `precision ${f(all.precision)} < ${TARGETS.precision}`,
    all.recall < TARGETS.recall && `recall@10 ${f(all.recall)} < ${TARGETS.recall}`,
  ].filter(Boolean);
  console.log(
    missed.length
      ? `\ntargets missed: ${missed.join('; ')}`
      : `\ntargets met: nDCG@10 ≥ ${TARGETS.ndcg}, precision ≥ ${TARGETS.precision}, recall@10 ≥ ${TARGETS.recall}`,
  );
  await handle.close();
  if (missed.length) process.exitCode = 1;
}

await main();
