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
import highsLoader from 'highs';
import { schedule, type SchedulingInput } from '../src/scheduling/scheduler';
import { breaksOfPlacement, milp } from './scheduling-milp';
import { nationalInstance, rng, smallInstance } from './scheduling-instances';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

const highs = await highsLoader();
const machine = `${(await import('node:os')).cpus()[0]?.model ?? 'cpu'} × ${(await import('node:os')).cpus().length}, Node ${process.version}`;
console.log(`# Scheduling benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);

// ---- 1. optimality against HiGHS
console.log('## 1. Optimality: 50 small instances, the scheduler against HiGHS (exact MILP)');
const rows: { placed: [number, number]; breaks: [number, number]; ours: number; exact: number }[] =
  [];
for (let k = 1; k <= 50; k++) {
  const input = smallInstance(k);
  const times: number[] = [];
  let result = schedule(input);
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    result = schedule(input);
    times.push(performance.now() - t);
  }
  const ours = quantile(times, 0.5);
  const t0 = performance.now();
  const first = highs.solve(milp(input, 1), { mip_rel_gap: 0, time_limit: 120 });
  const most = Math.round(first.ObjectiveValue);
  const second = highs.solve(milp(input, 2, most), { mip_rel_gap: 0, time_limit: 120 });
  const exact = performance.now() - t0;
  const fewest = Math.round(second.ObjectiveValue);
  // check the solver's placement with the same break count the scheduler uses
  const slotOf = new Map<string, number>();
  for (const [name, col] of Object.entries(second.Columns))
    if (name.startsWith('x') && (col as { Primal: number }).Primal > 0.5) {
      const [m, s] = name.slice(1).split('_').map(Number);
      slotOf.set(input.meetings[m!]!.id, s!);
    }
  const check = breaksOfPlacement(input, slotOf);
  if (check !== fewest) console.log(`  instance ${k}: HiGHS breaks ${fewest}, recounted ${check}`);
  rows.push({
    placed: [result.placed.length, most],
    breaks: [result.breaks, fewest],
    ours,
    exact,
  });
  console.log(
    `  ${String(k).padStart(2)}: ${input.delegations.length} delegations, ${input.meetings.length} meetings, ${input.slots.length} slots, ${input.tables.length} tables — placed ${result.placed.length}/${most} (optimum), breaks ${result.breaks}/${fewest} (optimum); ${ms(ours)} vs HiGHS ${ms(exact)} [${first.Status}/${second.Status}]`,
  );
}
const optimalCount = rows.filter((r) => r.placed[0] === r.placed[1]).length;
const closeBreaks = rows.filter(
  (r) =>
    r.placed[0] === r.placed[1] &&
    (r.breaks[0] <= r.breaks[1] + 1 || r.breaks[0] <= r.breaks[1] * 1.01),
).length;
const medianOurs = quantile(
  rows.map((r) => r.ours),
  0.5,
);
const medianExact = quantile(
  rows.map((r) => r.exact),
  0.5,
);
console.log(`\n| measure | result | target |`);
console.log(`|---|---|---|`);
console.log(`| optimal number of meetings placed | ${optimalCount} of 50 | 50 of 50 |`);
console.log(
  `| breaks within 1% of the optimum (or at most one more) | ${closeBreaks} of 50 | ≥ 48 of 50 |`,
);
console.log(
  `| total breaks, scheduler / optimum | ${rows.reduce((s, r) => s + r.breaks[0], 0)} / ${rows.reduce((s, r) => s + r.breaks[1], 0)} | |`,
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
