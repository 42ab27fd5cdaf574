import { dayBreaks, type SchedulingInput } from '../src/scheduling/scheduler';

/** The instance as a CPLEX-LP model; `stage` 1 maximises meetings, 2 minimises breaks with `placed` meetings. */
export function milp(input: SchedulingInput, stage: 1 | 2, placed = 0): string {
  const S = input.slots.length;
  const T = input.tables.length;
  const unavailable = new Map(input.delegations.map((d) => [d.id, new Set(d.unavailable)]));
  const parallel = new Map(input.delegations.map((d) => [d.id, d.parallel]));
  const di = new Map(input.delegations.map((d, i) => [d.id, i]));
  const can = (d: string, s: number) => !unavailable.get(d)!.has(s);
  const sameDay = (s: number, t: number) =>
    t >= 0 && t < S && input.slots[s]!.day === input.slots[t]!.day;
  const x = (m: number, s: number) => `x${m}_${s}`;
  const u = (d: number, s: number) => `u${d}_${s}`;
  const p = (d: number, s: number) => `p${d}_${s}`;
  const q = (d: number, s: number) => `q${d}_${s}`;
  const g = (d: number, s: number) => `g${d}_${s}`;
  const xs: string[] = [];
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byDelegationSlot = new Map<string, string[]>();
  input.meetings.forEach((m, mi) => {
    for (let s = 0; s < S; s++) {
      if (!can(m.a, s) || !can(m.b, s)) continue;
      xs.push(x(mi, s));
      bySlot[s]!.push(x(mi, s));
      for (const d of [m.a, m.b]) {
        const key = `${di.get(d)}_${s}`;
        (byDelegationSlot.get(key) ?? byDelegationSlot.set(key, []).get(key)!).push(x(mi, s));
      }
    }
  });
  const sum = (terms: string[]) => (terms.length ? terms.join(' + ') : '0 x_none');
  const rows: string[] = [];
  const gs: string[] = [];
  input.meetings.forEach((_, mi) => {
    const mine = xs.filter((v) => v.startsWith(`x${mi}_`));
    if (mine.length) rows.push(`one${mi}: ${sum(mine)} <= 1`);
  });
  bySlot.forEach((vars, s) => vars.length && rows.push(`tab${s}: ${sum(vars)} <= ${T}`));
  input.delegations.forEach((d, i) => {
    for (let s = 0; s < S; s++) {
      const vars = byDelegationSlot.get(`${i}_${s}`) ?? [];
      if (can(d.id, s)) {
        if (vars.length) {
          rows.push(`cap${i}_${s}: ${sum(vars)} <= ${parallel.get(d.id)}`);
          rows.push(`ub${i}_${s}: ${u(i, s)} - ${vars.join(' - ')} <= 0`);
          vars.forEach((v, k) => rows.push(`lb${i}_${s}_${k}: ${v} - ${u(i, s)} <= 0`));
        } else rows.push(`uz${i}_${s}: ${u(i, s)} = 0`);
      }
      // before (p) and after (q): is there a meeting earlier / later that day?
      if (sameDay(s, s - 1)) {
        if (can(d.id, s - 1)) rows.push(`pb${i}_${s}: ${p(i, s)} - ${u(i, s - 1)} >= 0`);
        rows.push(`pp${i}_${s}: ${p(i, s)} - ${p(i, s - 1)} >= 0`);
      } else rows.push(`p0${i}_${s}: ${p(i, s)} = 0`);
      if (sameDay(s, s + 1)) {
        if (can(d.id, s + 1)) rows.push(`qa${i}_${s}: ${q(i, s)} - ${u(i, s + 1)} >= 0`);
        rows.push(`qq${i}_${s}: ${q(i, s)} - ${q(i, s + 1)} >= 0`);
      } else rows.push(`q0${i}_${s}: ${q(i, s)} = 0`);
      if (can(d.id, s)) {
        rows.push(`gap${i}_${s}: ${g(i, s)} - ${p(i, s)} - ${q(i, s)} + ${u(i, s)} >= -1`);
        gs.push(g(i, s));
      }
    }
  });
  if (stage === 2) rows.push(`placed: ${sum(xs)} >= ${placed}`);
  const objective = stage === 1 ? `Maximize\n obj: ${sum(xs)}` : `Minimize\n obj: ${sum(gs)}`;
  const bounds: string[] = [];
  input.delegations.forEach((d, i) => {
    for (let s = 0; s < S; s++) {
      bounds.push(`0 <= ${p(i, s)} <= 1`, `0 <= ${q(i, s)} <= 1`);
      if (can(d.id, s)) bounds.push(`0 <= ${u(i, s)} <= 1`, `${g(i, s)} >= 0`);
    }
  });
  return [
    objective,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ' x_none = 0',
    'Binary',
    ...xs.map((v) => ` ${v}`),
    'End',
  ].join('\n');
}

export function breaksOfPlacement(input: SchedulingInput, slotOf: Map<string, number>): number {
  const days = [...new Set(input.slots.map((s) => s.day))];
  const pos = input.slots.map((s, i) => i - input.slots.findIndex((t) => t.day === s.day));
  let total = 0;
  for (const d of input.delegations) {
    for (const day of days) {
      let busy = 0;
      let unavailable = 0;
      for (const s of d.unavailable) if (input.slots[s]!.day === day) unavailable |= 1 << pos[s]!;
      for (const m of input.meetings) {
        const s = slotOf.get(m.id);
        if (s !== undefined && input.slots[s]!.day === day && (m.a === d.id || m.b === d.id))
          busy |= 1 << pos[s]!;
      }
      total += dayBreaks(busy, unavailable);
    }
  }
  return total;
}
