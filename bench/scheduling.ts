/**
 * `npm run bench:scheduling` — how close the meeting scheduler comes to the
 * optimum, and how fast it is, on this machine:
 *
 * 1. Optimality: 50 small random instances, each also solved exactly as a
 *    MILP by HiGHS (the `highs` package, a devDependency used only here) in
 *    two stages — the most meetings, then the fewest breaks with that many.
 * 2. National scale: 600 delegations, 4,000 accepted meetings, two days of 16
 *    slots, 150 tables, 10% availability holes, planted so that all fit; 20 runs.
 * 3. Rescheduling: 5% of the meetings cancelled and 5% new ones added.
 *
 * The HTTP figure (read, schedule, write the draft on the embedded database)
 * is measured by `bench/scheduling-http.ts`, run after this one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import highsLoader from 'highs';
import { type SchedulingInput, schedule } from '../src/scheduling/scheduler';
import { nationalInstance, rng, smallInstance } from './scheduling-instances';
import { breaksOfPlacement, milp } from './scheduling-milp';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

const highs = await highsLoader();
const machine = `${(await import('node:os')).cpus()[0]?.model ?? 'cpu'} × ${(await import('node:os')).cpus().length}, Node ${process.version}`;
console.log(`# Scheduling benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);

// ---- 1. optimality against HiGHS
// HiGHS needs from seconds to minutes per instance (its break stage often hits the 120 s limit),
// so its results are kept in bench/scheduling-optima.json; `--exact` solves the missing ones
// (and `--exact --all` every one again), writing the file as it goes.
console.log('## 1. Optimality: 50 small instances, the scheduler against HiGHS (exact MILP)');
const optimaFile = new URL('./scheduling-optima.json', import.meta.url);
type Exact = {
  placed: number;
  /** null when HiGHS found no schedule with that many meetings within its time limit */
  breaks: number | null;
  ms: number;
  status: string;
  computed: string;
};
const optima: Record<string, Exact> = existsSync(optimaFile)
  ? JSON.parse(readFileSync(optimaFile, 'utf8'))
  : {};
const exactMode = process.argv.includes('--exact');
const rows: {
  k: number;
  placed: [number, number];
  breaks: [number, number];
  ours: number;
  exact: Exact;
}[] = [];
for (let k = 1; k <= 50; k++) {
  const input = smallInstance(k);
  if (exactMode && (!optima[k] || process.argv.includes('--all'))) {
    const t0 = performance.now();
    const first = highs.solve(milp(input, 1), { mip_rel_gap: 0, time_limit: 120 });
    const most = Math.round(first.ObjectiveValue);
    const second = highs.solve(milp(input, 2, most), { mip_rel_gap: 0, time_limit: 120 });
    // recount the solver's placement with the scheduler's own break count
    const slotOf = new Map<string, number>();
    for (const [name, col] of Object.entries(second.Columns))
      if (name.startsWith('x') && (col as { Primal: number }).Primal > 0.5) {
        const [m, s] = name.slice(1).split('_').map(Number);
        slotOf.set(input.meetings[m!]!.id, s!);
      }
    optima[k] = {
      placed: most,
      breaks: breaksOfPlacement(input, slotOf),
      ms: performance.now() - t0,
      status: `${first.Status}/${second.Status}`,
      computed: new Date().toISOString().slice(0, 10),
    };
    writeFileSync(optimaFile, `${JSON.stringify(optima, null, 1)}\n`);
  }
  const exact = optima[k];
  if (!exact) continue;
  const times: number[] = [];
  let result = schedule(input);
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    result = schedule(input);
    times.push(performance.now() - t);
  }
  const ours = quantile(times, 0.5);
  rows.push({
    k,
    placed: [result.placed.length, exact.placed],
    breaks: [result.breaks, exact.breaks ?? Number.POSITIVE_INFINITY],
    ours,
    exact,
  });
  console.log(
    `  ${String(k).padStart(2)}: ${input.delegations.length} delegations, ${input.meetings.length} meetings, ${input.slots.length} slots, ${input.tables.length} tables — placed ${result.placed.length} (HiGHS ${exact.placed}), breaks ${result.breaks} (HiGHS ${exact.breaks === null ? 'none found in 120 s' : `${exact.breaks}${exact.status.endsWith('Optimal') ? ', optimal' : ', best found in 120 s'}`}); ${ms(ours)} vs HiGHS ${ms(exact.ms)}`,
  );
}
const optimalCount = rows.filter((r) => r.placed[0] === r.placed[1]).length;
// where HiGHS found no schedule with that many meetings in its time, any the scheduler gives is as good
const closeBreaks = rows.filter(
  (r) =>
    r.placed[0] === r.placed[1] &&
    (r.exact.breaks === null ||
      r.breaks[0] <= r.breaks[1] + 1 ||
      r.breaks[0] <= r.breaks[1] * 1.01),
).length;
const proven = rows.filter((r) => r.exact.status === 'Optimal/Optimal').length;
const medianOurs = quantile(
  rows.map((r) => r.ours),
  0.5,
);
const medianExact = quantile(
  rows.map((r) => r.exact.ms),
  0.5,
);
console.log(
  `\nHiGHS results for ${rows.length} of 50 instances (${proven} proven optimal in both stages; the others' breaks are HiGHS's best within its 120 s limit).`,
);
console.log(`\n| measure | result | target |`);
console.log(`|---|---|---|`);
console.log(
  `| the optimal number of meetings placed | ${optimalCount} of ${rows.length} | all 50 |`,
);
console.log(
  `| breaks within 1% of HiGHS (or at most one more) | ${closeBreaks} of ${rows.length} | ≥ 48 of 50 |`,
);
const compared = rows.filter((r) => r.exact.breaks !== null);
console.log(
  `| breaks fewer than HiGHS's (time-limited) best | ${compared.filter((r) => r.breaks[0] < r.breaks[1]).length} of ${compared.length} where HiGHS found one | |`,
);
console.log(
  `| total breaks where HiGHS found a schedule, scheduler / HiGHS | ${compared.reduce((s, r) => s + r.breaks[0], 0)} / ${compared.reduce((s, r) => s + r.breaks[1], 0)} | |`,
);
console.log(
  `| median time, scheduler / HiGHS | ${ms(medianOurs)} / ${ms(medianExact)} (${Math.round(medianExact / medianOurs)}× faster) | ≥ 100× |`,
);

// ---- 2. national scale
console.log('\n## 2. National scale: 600 delegations, 4,000 meetings, 2 × 16 slots, 150 tables');
const { input: national, planted } = nationalInstance();
const plantedBreaks = breaksOfPlacement(national, planted);
const times: number[] = [];
let last = schedule(national);
for (let r = 0; r < 20; r++) {
  const t = performance.now();
  last = schedule(national);
  times.push(performance.now() - t);
  process.stdout.write(`  run ${r + 1}/20: ${ms(times.at(-1)!)}\r`);
}
console.log(`\n| measure | result | target |`);
console.log(`|---|---|---|`);
console.log(`| meetings placed | ${last.placed.length} of ${national.meetings.length} | all |`);
console.log(`| breaks, scheduler / planted schedule | ${last.breaks} / ${plantedBreaks} | |`);
console.log(
  `| in-process p50 / p99 over 20 runs | ${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.99))} | p99 ≤ 1 s |`,
);

// ---- 3. rescheduling
console.log('\n## 3. Rescheduling: 5% cancelled, 5% added');
const rand = rng(7);
const previous = new Map(last.placed.map((p) => [p.id, p]));
const kept = national.meetings.filter(() => rand() >= 0.05);
const existing = new Set(national.meetings.map((m) => [m.a, m.b].sort().join('-')));
const added: SchedulingInput['meetings'] = [];
while (added.length < Math.round(national.meetings.length * 0.05)) {
  const a = `d${Math.floor(rand() * 600)}`;
  const b = `d${Math.floor(rand() * 600)}`;
  const key = [a, b].sort().join('-');
  if (a === b || existing.has(key)) continue;
  existing.add(key);
  added.push({ id: `n${added.length}`, a, b, priority: 0.5 });
}
const changed: SchedulingInput = {
  ...national,
  meetings: [...kept.map((m) => ({ ...m, previous: previous.get(m.id) ?? null })), ...added],
};
const t = performance.now();
const again = schedule(changed);
const rescheduleMs = performance.now() - t;
const unchanged = schedule({
  ...national,
  meetings: national.meetings.map((m) => ({ ...m, previous: previous.get(m.id) ?? null })),
});
console.log(`| measure | result |`);
console.log(`|---|---|`);
console.log(
  `| meetings cancelled / added | ${national.meetings.length - kept.length} / ${added.length} |`,
);
console.log(`| placed after the change | ${again.placed.length} of ${changed.meetings.length} |`);
console.log(`| previously scheduled meetings moved | ${again.moved} of ${kept.length} |`);
console.log(`| time | ${ms(rescheduleMs)} |`);
console.log(`| the same input rescheduled: meetings moved | ${unchanged.moved} |`);
