import type { SchedulingInput } from '../src/scheduling/scheduler';

/** Seeded generator (mulberry32), so every run builds the same instances. */
export function rng(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rand: () => number, min: number, max: number) =>
  min + Math.floor(rand() * (max - min + 1));

/**
 * A small instance an exact solver can close: 12–30 delegations, 30–150
 * requested meetings, 8–16 slots over one or two days, availability holes,
 * a few delegations that can hold two meetings at once, and (in about half)
 * fewer tables than the slots would otherwise need.
 */
export function smallInstance(seed: number): SchedulingInput {
  const rand = rng(seed);
  const D = int(rand, 12, 30);
  const S = int(rand, 8, 16);
  const days = rand() < 0.5 ? 1 : 2;
  const slots = Array.from({ length: S }, (_, i) => ({ day: i < Math.ceil(S / days) ? 0 : 1 }));
  const delegations = Array.from({ length: D }, (_, i) => ({
    id: `d${i}`,
    parallel: rand() < 0.1 ? 2 : 1,
    unavailable: Array.from({ length: S }, (_, s) => s).filter(() => rand() < 0.12),
  }));
  // up to about a third of the delegation-slots: busy days, with room to choose
  const maxMeetings = Math.max(30, Math.min(150, Math.floor((D * S) / 3)));
  const target = int(rand, 30, maxMeetings);
  const pairs = new Set<string>();
  const meetings: SchedulingInput['meetings'] = [];
  while (meetings.length < target) {
    const a = int(rand, 0, D - 1);
    const b = int(rand, 0, D - 1);
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    // draws kept so the instances stay the same as when the exact optima were computed
    void (rand() < 0.2 || rand());
    meetings.push({
      id: `m${meetings.length}`,
      a: `d${a}`,
      b: `d${b}`,
      // one priority for all: the exact model weighs meetings equally, so both optimise the same thing
      priority: 1,
    });
  }
  const binding = rand() < 0.5;
  const tables = binding
    ? Math.max(2, Math.floor(meetings.length / S) + int(rand, 0, 2))
    : Math.ceil(D / 2);
  return {
    slots,
    tables: Array.from({ length: tables }, (_, i) => i + 1),
    delegations,
    meetings,
    seed,
  };
}

/**
 * The national instance: 600 delegations, 4,000 accepted meetings, two days of
 * 16 slots, 150 tables, 10% availability holes — built by planting a valid
 * schedule first, so placing all 4,000 is possible. Returns the planted slots too.
 */
export function nationalInstance(seed = 2026): {
  input: SchedulingInput;
  planted: Map<string, number>;
} {
  const rand = rng(seed);
  const D = 600;
  const S = 32;
  const T = 150;
  const M = 4000;
  const slots = Array.from({ length: S }, (_, i) => ({ day: i < 16 ? 0 : 1 }));
  const busy = Array.from({ length: D }, () => new Uint8Array(S));
  const pairs = new Set<string>();
  const meetings: SchedulingInput['meetings'] = [];
  const planted = new Map<string, number>();
  const perSlot = new Int32Array(S);
  while (meetings.length < M) {
    const s = int(rand, 0, S - 1);
    if (perSlot[s]! >= T) continue;
    const a = int(rand, 0, D - 1);
    const b = int(rand, 0, D - 1);
    if (a === b || busy[a]![s] || busy[b]![s]) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    busy[a]![s] = 1;
    busy[b]![s] = 1;
    perSlot[s]!++;
    const id = `m${meetings.length}`;
    meetings.push({ id, a: `d${a}`, b: `d${b}`, priority: Math.round(rand() * 100) / 100 });
    planted.set(id, s);
  }
  const delegations = Array.from({ length: D }, (_, i) => ({
    id: `d${i}`,
    parallel: 1,
    // holes only where the planted schedule has no meeting: it stays valid
    unavailable: Array.from({ length: S }, (_, s) => s).filter(
      (s) => !busy[i]![s] && rand() < 0.1 / (1 - 13.3 / S),
    ),
  }));
  // shuffle the meetings: the planted order must not leak into the scheduler
  for (let i = meetings.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [meetings[i], meetings[j]] = [meetings[j]!, meetings[i]!];
  }
  return {
    input: {
      slots,
      tables: Array.from({ length: T }, (_, i) => i + 1),
      delegations,
      meetings,
      seed,
    },
    planted,
  };
}
