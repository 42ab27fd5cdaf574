import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalInstance, smallInstance } from '../../bench/scheduling-instances';
import { type SchedulingInput, schedule } from '../../src/scheduling/scheduler';

/** Random instances, locked meetings included (placed validly first, as the API only locks valid places). */
const instance = fc
  .record({
    delegations: fc.integer({ min: 2, max: 14 }),
    slots: fc.integer({ min: 1, max: 12 }),
    days: fc.integer({ min: 1, max: 2 }),
    tables: fc.integer({ min: 1, max: 8 }),
    pairs: fc.array(fc.tuple(fc.nat(13), fc.nat(13), fc.double({ min: 0, max: 2, noNaN: true })), {
      maxLength: 60,
    }),
    holes: fc.array(fc.tuple(fc.nat(13), fc.nat(11)), { maxLength: 30 }),
    parallel: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 14, maxLength: 14 }),
    lockEvery: fc.integer({ min: 0, max: 5 }),
    seed: fc.nat(),
  })
  .map((r): SchedulingInput => {
    const S = r.slots;
    const slots = Array.from({ length: S }, (_, i) => ({ day: i < Math.ceil(S / r.days) ? 0 : 1 }));
    const delegations = Array.from({ length: r.delegations }, (_, i) => ({
      id: `d${i}`,
      parallel: r.parallel[i]!,
      unavailable: r.holes.filter(([d, s]) => d === i && s < S).map(([, s]) => s),
    }));
    const meetings = r.pairs
      .map(([a, b, priority], i) => ({
        id: `m${String(i).padStart(2, '0')}`,
        a: `d${a % r.delegations}`,
        b: `d${b % r.delegations}`,
        priority,
      }))
      .filter((m) => m.a !== m.b);
    const base: SchedulingInput = {
      slots,
      tables: Array.from({ length: r.tables }, (_, i) => i + 1),
      delegations,
      meetings,
      seed: r.seed,
    };
    if (r.lockEvery === 0) return base;
    // lock every n-th meeting where a first schedule put it
    const first = schedule(base);
    const where = new Map(first.placed.map((p) => [p.id, p]));
    return {
      ...base,
      meetings: meetings.map((m, i) =>
        i % r.lockEvery === 0 && where.has(m.id)
          ? { ...m, locked: { slot: where.get(m.id)!.slot, table: where.get(m.id)!.table } }
          : m,
      ),
    };
  });

function checkValid(input: SchedulingInput, result: ReturnType<typeof schedule>) {
  const byId = new Map(input.meetings.map((m) => [m.id, m]));
  const delegation = new Map(input.delegations.map((d) => [d.id, d]));
  const tablesInSlot = new Map<string, string>();
  const load = new Map<string, number>();
  for (const p of result.placed) {
    const m = byId.get(p.id)!;
    // a table holds one meeting in a slot, and is a table in use
    const key = `${p.slot}/${p.table}`;
    expect(tablesInSlot.has(key), `table ${key} twice`).toBe(false);
    tablesInSlot.set(key, p.id);
    expect(input.tables.includes(p.table) || m.locked?.table === p.table).toBe(true);
    for (const d of [m.a, m.b]) {
      // only slots both sides can attend
      expect(delegation.get(d)!.unavailable.includes(p.slot), `${d} unavailable at ${p.slot}`).toBe(
        false,
      );
      const k = `${d}/${p.slot}`;
      load.set(k, (load.get(k) ?? 0) + 1);
      expect(load.get(k)!, `${d} over capacity at ${p.slot}`).toBeLessThanOrEqual(
        delegation.get(d)!.parallel,
      );
    }
    // locked meetings never move
    if (m.locked) expect({ slot: p.slot, table: p.table }).toEqual(m.locked);
  }
  // every meeting is either placed or explained
  expect(result.placed.length + result.unplaced.length).toBe(input.meetings.length);
  for (const m of input.meetings.filter((x) => x.locked))
    expect(result.placed.some((p) => p.id === m.id)).toBe(true);
}

describe('the meeting scheduler (properties)', () => {
  it('never double-books a delegation or a table, uses only available slots, never moves a locked meeting', () => {
    fc.assert(
      fc.property(instance, (input) => checkValid(input, schedule(input))),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same schedule', () => {
    fc.assert(
      fc.property(instance, (input) => {
        expect(schedule(input)).toEqual(schedule(structuredClone(input)));
      }),
      { numRuns: 100 },
    );
  });

  it('rescheduling an unchanged input moves nothing', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const first = schedule(input);
        const where = new Map(first.placed.map((p) => [p.id, { slot: p.slot, table: p.table }]));
        const again = schedule({
          ...input,
          meetings: input.meetings.map((m) => ({ ...m, previous: where.get(m.id) ?? null })),
        });
        expect(again.moved).toBe(0);
        expect(again.placed).toEqual(first.placed);
      }),
      { numRuns: 100 },
    );
  });

  it('explains every meeting it cannot place: no common slot, capacity or tables', () => {
    const input: SchedulingInput = {
      slots: [{ day: 0 }, { day: 0 }],
      tables: [1],
      delegations: [
        { id: 'bali', parallel: 1, unavailable: [] },
        { id: 'ntb', parallel: 1, unavailable: [0, 1] },
        { id: 'mitra', parallel: 1, unavailable: [] },
        { id: 'kampus', parallel: 1, unavailable: [] },
      ],
      meetings: [
        { id: 'a', a: 'bali', b: 'ntb', priority: 1 },
        { id: 'b', a: 'bali', b: 'mitra', priority: 1 },
        { id: 'c', a: 'mitra', b: 'kampus', priority: 0.5 },
        { id: 'd', a: 'bali', b: 'kampus', priority: 0.2 },
      ],
    };
    const result = schedule(input);
    checkValid(input, result);
    expect(result.placed).toHaveLength(2);
    expect(result.unplaced.find((u) => u.id === 'a')?.reason).toBe('no_common_slot');
    expect(result.unplaced).toHaveLength(2);
  });

  it('places all of a planted national instance (600 delegations, 4,000 meetings)', () => {
    const { input } = nationalInstance();
    const result = schedule(input);
    checkValid(input, result);
    expect(result.unplaced).toHaveLength(0);
  });

  it('gives the place to the meeting both sides asked for when only one fits', () => {
    const input: SchedulingInput = {
      slots: [{ day: 0 }],
      tables: [1],
      delegations: [
        { id: 'x', parallel: 1, unavailable: [] },
        { id: 'y', parallel: 1, unavailable: [] },
        { id: 'z', parallel: 1, unavailable: [] },
      ],
      meetings: [
        { id: 'low', a: 'x', b: 'y', priority: 0.4 },
        { id: 'mutual', a: 'x', b: 'z', priority: 2 },
      ],
    };
    expect(schedule(input).placed.map((p) => p.id)).toEqual(['mutual']);
  });

  it('keeps small benchmark instances valid', () => {
    for (let k = 1; k <= 10; k++) {
      const input = smallInstance(k);
      checkValid(input, schedule(input));
    }
  });
});
