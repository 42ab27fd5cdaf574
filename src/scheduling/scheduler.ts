/**
 * Bilateral meetings at a forum, placed into time slots and tables: the
 * Business-to-Business Meeting Scheduling Problem (Bofill et al., JAIR 2022).
 * Pure and deterministic: the same input gives the same schedule.
 *
 * Rules, in order:
 * - hard: a delegation holds at most `parallel` meetings in a slot, a table
 *   holds one meeting in a slot, a meeting goes only where both sides are
 *   available, and locked meetings never move;
 * - first: as many meetings as possible, and where two compete for the last
 *   place the one with the higher priority (asked by both sides, a higher
 *   match score) wins;
 * - then: the fewest breaks — free slots between a delegation's first and
 *   last meeting of a day (a slot it said it cannot attend is not a break);
 * - rescheduling (`previous` given): meetings that were placed stay where they
 *   were unless a hard rule now forbids it; only what changed is placed.
 *
 * How: meetings are placed hardest first (fewest common free slots), each in
 * the slot that adds the fewest breaks; a meeting that finds no slot is placed
 * by an ejection chain — it takes a slot, the one meeting in its way moves on,
 * and so on a few steps deep (as an augmenting path in a matching). Breaks are
 * then reduced by a local search over moves and swaps, with sideways steps
 * chosen by a seeded generator, keeping the best schedule seen.
 */

export type SchedulingInput = {
  /** slots in time order; slots of one day follow each other without a gap (breaks in the day plan are not slots) */
  slots: { day: number }[];
  /** the table numbers in use (a removed table is left out) */
  tables: number[];
  delegations: { id: string; parallel: number; unavailable: number[] }[];
  meetings: {
    id: string;
    a: string;
    b: string;
    /** higher wins a conflict: asked by both sides, then a higher match score */
    priority: number;
    locked?: { slot: number; table: number } | null;
    /** where it was before (rescheduling): kept if still allowed */
    previous?: { slot: number; table: number } | null;
  }[];
  /** more effort, better breaks (default 1) */
  effort?: number;
  seed?: number;
};

export type UnplacedReason = 'no_common_slot' | 'capacity' | 'tables';
export type SchedulingResult = {
  placed: { id: string; slot: number; table: number }[];
  unplaced: { id: string; reason: UnplacedReason }[];
  breaks: number;
  /** meetings with a `previous` place that now sit elsewhere or nowhere */
  moved: number;
};

/** slots of one day are bits of a 32-bit mask */
export const MAX_DAY_SLOTS = 31;

/** mulberry32: a small seeded generator, so a run is repeatable */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const popcount = (x: number) => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/** Breaks in one day: free, available slots between the first and the last meeting. */
export function dayBreaks(busy: number, unavailable: number): number {
  if (busy === 0) return 0;
  const first = 31 - Math.clz32(busy & -busy);
  const last = 31 - Math.clz32(busy);
  const span = last === 31 ? 0xffffffff : ((1 << (last + 1)) - 1) & ~((1 << first) - 1);
  return last - first + 1 - popcount(busy) - popcount(unavailable & span & ~busy);
}

export function schedule(input: SchedulingInput): SchedulingResult {
  const S = input.slots.length;
  const T = input.tables.length;
  const D = input.delegations.length;
  const M = input.meetings.length;
  const rand = random(input.seed ?? 0x5eed);

  // slots by day, with each slot's position (bit) within its day
  const dayIds = [...new Set(input.slots.map((s) => s.day))];
  const dayOf = new Int32Array(S);
  const bitOf = new Int32Array(S);
  const counts = new Map<number, number>();
  input.slots.forEach((s, i) => {
    const day = dayIds.indexOf(s.day);
    const n = counts.get(day) ?? 0;
    if (n >= MAX_DAY_SLOTS) throw new Error(`at most ${MAX_DAY_SLOTS} slots a day`);
    dayOf[i] = day;
    bitOf[i] = n;
    counts.set(day, n + 1);
  });
  const Y = dayIds.length;

  const index = new Map(input.delegations.map((d, i) => [d.id, i]));
  const parallel = Int32Array.from(input.delegations, (d) => Math.max(1, d.parallel));
  const available = new Uint8Array(D * S).fill(1);
  const unavailableMask = new Int32Array(D * Y);
  input.delegations.forEach((d, i) => {
    for (const s of d.unavailable)
      if (s >= 0 && s < S) {
        available[i * S + s] = 0;
        unavailableMask[i * Y + dayOf[s]!]! |= 1 << bitOf[s]!;
      }
  });

  const A = Int32Array.from(input.meetings, (m) => index.get(m.a) ?? -1);
  const B = Int32Array.from(input.meetings, (m) => index.get(m.b) ?? -1);
  const priority = Float64Array.from(input.meetings, (m) => m.priority);
  const locked = Uint8Array.from(input.meetings, (m) => (m.locked ? 1 : 0));
  const hadPlace = Uint8Array.from(input.meetings, (m) => (m.previous ? 1 : 0));

  // the state: each meeting's slot, each delegation's load per slot, tables used per slot
  const slotOf = new Int32Array(M).fill(-1);
  const load = new Uint8Array(D * S);
  const used = new Int32Array(S);
  const busy = new Int32Array(D * Y);
  /** meetings in a slot (unordered) */
  const inSlot: number[][] = Array.from({ length: S }, () => []);

  const put = (m: number, s: number) => {
    slotOf[m] = s;
    used[s]!++;
    inSlot[s]!.push(m);
    for (const d of [A[m]!, B[m]!]) {
      if (load[d * S + s]!++ === 0) busy[d * Y + dayOf[s]!]! |= 1 << bitOf[s]!;
    }
  };
  const take = (m: number) => {
    const s = slotOf[m]!;
    slotOf[m] = -1;
    used[s]!--;
    const list = inSlot[s]!;
    list.splice(list.indexOf(m), 1);
    for (const d of [A[m]!, B[m]!]) {
      if (--load[d * S + s]! === 0) busy[d * Y + dayOf[s]!]! &= ~(1 << bitOf[s]!);
    }
  };
  const breaksOf = (d: number, day: number) =>
    dayBreaks(busy[d * Y + day]!, unavailableMask[d * Y + day]!);
  const canMeet = (m: number, s: number) =>
    available[A[m]! * S + s] === 1 && available[B[m]! * S + s] === 1;
  const fits = (m: number, s: number) =>
    canMeet(m, s) &&
    used[s]! < T &&
    load[A[m]! * S + s]! < parallel[A[m]!]! &&
    load[B[m]! * S + s]! < parallel[B[m]!]!;
  /** breaks the meeting's two delegations would gain by a meeting at s (before placing it) */
  const addedBreaks = (m: number, s: number) => {
    const day = dayOf[s]!;
    const bit = 1 << bitOf[s]!;
    let delta = 0;
    for (const d of [A[m]!, B[m]!]) {
      const k = d * Y + day;
      delta +=
        dayBreaks(busy[k]! | bit, unavailableMask[k]!) - dayBreaks(busy[k]!, unavailableMask[k]!);
    }
    return delta;
  };

  const valid = (m: number) => A[m]! >= 0 && B[m]! >= 0 && A[m] !== B[m];

  // locked meetings first, exactly where they are
  const lockedTable = new Map<number, number>();
  for (let m = 0; m < M; m++) {
    const l = input.meetings[m]!.locked;
    if (l && valid(m) && l.slot >= 0 && l.slot < S) {
      put(m, l.slot);
      lockedTable.set(m, l.table);
    }
  }
  // rescheduling: earlier places stay while the rules allow them, higher priority first
  const withPrevious = [...Array(M).keys()]
    .filter((m) => !locked[m] && valid(m) && input.meetings[m]!.previous)
    .sort(
      (x, y) =>
        priority[y]! - priority[x]! || (input.meetings[x]!.id < input.meetings[y]!.id ? -1 : 1),
    );
  for (const m of withPrevious) {
    const s = input.meetings[m]!.previous!.slot;
    if (s >= 0 && s < S && fits(m, s)) put(m, s);
  }

  // the rest, hardest first: fewest slots both sides can attend, then most demanded delegations
  const degree = new Int32Array(D);
  for (let m = 0; m < M; m++)
    if (valid(m)) {
      degree[A[m]!]!++;
      degree[B[m]!]!++;
    }
  const common = new Int32Array(M);
  for (let m = 0; m < M; m++)
    if (valid(m)) for (let s = 0; s < S; s++) if (canMeet(m, s)) common[m]!++;
  const order = [...Array(M).keys()]
    .filter((m) => valid(m) && slotOf[m] === -1 && !locked[m])
    .sort(
      (x, y) =>
        common[x]! - common[y]! ||
        degree[A[x]!]! + degree[B[x]!]! - (degree[A[y]!]! + degree[B[y]!]!) ||
        priority[y]! - priority[x]! ||
        (input.meetings[x]!.id < input.meetings[y]!.id ? -1 : 1),
    );

  const bestSlot = (m: number): number => {
    let best = -1;
    let bestCost = Infinity;
    for (let s = 0; s < S; s++) {
      if (!fits(m, s)) continue;
      // fewest added breaks; then beside the delegations' other meetings; then the fuller slot (keeps tables free elsewhere)
      const cost = addedBreaks(m, s) * 1000 - used[s]! / (T + 1);
      if (cost < bestCost) {
        bestCost = cost;
        best = s;
      }
    }
    return best;
  };

  /**
   * Ejection chain: place m at some slot s by moving the one meeting in its
   * way, which in turn takes a slot, `depth` steps at most. A previously
   * placed meeting (rescheduling) is moved only when nothing else works.
   */
  let budget = 0;
  const chain = (m: number, depth: number, onPath: Set<number>, movePrevious: boolean): boolean => {
    for (let s = 0; s < S; s++) {
      if (!canMeet(m, s)) continue;
      if (fits(m, s)) {
        put(m, s);
        return true;
      }
    }
    if (depth === 0) return false;
    for (let s = 0; s < S; s++) {
      if (!canMeet(m, s)) continue;
      if (--budget < 0) return false;
      const a = A[m]!;
      const b = B[m]!;
      const fullA = load[a * S + s]! >= parallel[a]!;
      const fullB = load[b * S + s]! >= parallel[b]!;
      // one meeting must clear every reason the slot is closed: it must involve a full side
      for (const y of [...inSlot[s]!]) {
        if (locked[y] || onPath.has(y) || (!movePrevious && hadPlace[y])) continue;
        const touchesA = A[y] === a || B[y] === a;
        const touchesB = A[y] === b || B[y] === b;
        if ((fullA && !touchesA) || (fullB && !touchesB)) continue;
        take(y);
        if (fits(m, s)) {
          put(m, s);
          onPath.add(y);
          if (chain(y, depth - 1, onPath, movePrevious)) return true;
          onPath.delete(y);
          take(m);
        }
        put(y, s);
      }
    }
    return false;
  };

  const unplacedAfterGreedy: number[] = [];
  for (const m of order) {
    const s = bestSlot(m);
    if (s >= 0) put(m, s);
    else unplacedAfterGreedy.push(m);
  }
  const tryPlace = (m: number, movePrevious: boolean) => {
    for (const depth of [1, 2, 3, 4]) {
      budget = 4000;
      if (chain(m, depth, new Set([m]), movePrevious)) return true;
    }
    return false;
  };
  const unplaced = unplacedAfterGreedy
    .filter((m) => !tryPlace(m, false))
    .filter((m) => !tryPlace(m, true));

  // placement search when meetings are left out: a partial-assignment tabu search (PartialCol,
  // Blöchliger and Zufferey 2008, for colouring; here slots are the colours). Each step takes
  // the left-out meeting and slot that cost the fewest meetings, ejects those, and forbids each
  // ejected meeting its old slot for a while. The best schedule seen is kept: most meetings,
  // then the most priority.
  if (unplaced.length > 0) {
    const out = [...unplaced];
    const inOut = new Uint8Array(M);
    for (const m of out) inOut[m] = 1;
    let count = 0;
    let weight = 0;
    for (let m = 0; m < M; m++)
      if (slotOf[m]! >= 0) {
        count++;
        weight += priority[m]!;
      }
    let best = { count, weight, slots: Int32Array.from(slotOf) };
    const tabu = new Int32Array(M * S);
    const ejectable = (y: number) => !locked[y] && !hadPlace[y];
    /** the meetings m would push out of s (in `eject`), or false when a locked one is in the way */
    const eject: number[] = [];
    const conflicts = (m: number, s: number): boolean => {
      eject.length = 0;
      const list = inSlot[s]!;
      for (const d of [A[m]!, B[m]!]) {
        let held = load[d * S + s]!;
        for (const y of eject) if (A[y] === d || B[y] === d) held--;
        if (held < parallel[d]!) continue;
        let chosen = -1;
        for (const y of list)
          if (
            (A[y] === d || B[y] === d) &&
            ejectable(y) &&
            y !== eject[0] &&
            (chosen < 0 || priority[y]! < priority[chosen]!)
          )
            chosen = y;
        if (chosen < 0) return false;
        eject.push(chosen);
      }
      if (used[s]! - eject.length >= T) {
        let chosen = -1;
        for (const y of list)
          if (
            ejectable(y) &&
            y !== eject[0] &&
            y !== eject[1] &&
            (chosen < 0 || priority[y]! < priority[chosen]!)
          )
            chosen = y;
        if (chosen < 0) return false;
        eject.push(chosen);
      }
      return true;
    };
    // stop after a stretch without more meetings placed
    const patience = Math.round((input.effort ?? 1) * Math.min(3000, 30 * M));
    let lastBetter = 0;
    for (let it = 1; it - lastBetter <= patience && out.length > 0; it++) {
      let choice: { m: number; s: number; eject: number[]; cost: number } | null = null;
      for (const m of out) {
        for (let s = 0; s < S; s++) {
          if (!canMeet(m, s) || !conflicts(m, s)) continue;
          const aspiration = eject.length === 0;
          if (tabu[m * S + s]! > it && !aspiration) continue;
          let cost = eject.length * 1000 - priority[m]!;
          for (const y of eject) cost += priority[y]!;
          cost += rand() * 0.5;
          if (!choice || cost < choice.cost) choice = { m, s, eject: [...eject], cost };
        }
      }
      if (!choice) break;
      const tenure = Math.floor(0.6 * out.length) + Math.floor(rand() * 10);
      for (const y of choice.eject) {
        tabu[y * S + slotOf[y]!] = it + tenure;
        take(y);
        count--;
        weight -= priority[y]!;
        out.push(y);
        inOut[y] = 1;
      }
      put(choice.m, choice.s);
      count++;
      weight += priority[choice.m]!;
      inOut[choice.m] = 0;
      out.splice(out.indexOf(choice.m), 1);
      if (count > best.count || (count === best.count && weight > best.weight + 1e-9)) {
        if (count > best.count) lastBetter = it;
        best = { count, weight, slots: Int32Array.from(slotOf) };
      }
    }
    for (let m = 0; m < M; m++) if (slotOf[m]! >= 0) take(m);
    for (let m = 0; m < M; m++) if (best.slots[m]! >= 0) put(m, best.slots[m]!);
  }

  // breaks: local search over moves and swaps; in rescheduling, earlier places do not move
  const movable = (m: number) => slotOf[m]! >= 0 && !locked[m] && !hadPlace[m];
  // left-out meetings take part too: one may replace a placed one of no higher priority
  const pool = [...Array(M).keys()].filter(
    (m) => valid(m) && !locked[m] && !hadPlace[m] && (slotOf[m]! >= 0 || common[m]! > 0),
  );
  const deltaMove = (m: number, to: number): number => {
    const from = slotOf[m]!;
    let before = 0;
    const days = dayOf[from] === dayOf[to] ? [dayOf[from]!] : [dayOf[from]!, dayOf[to]!];
    for (const d of [A[m]!, B[m]!]) for (const day of days) before += breaksOf(d, day);
    take(m);
    put(m, to);
    let after = 0;
    for (const d of [A[m]!, B[m]!]) for (const day of days) after += breaksOf(d, day);
    take(m);
    put(m, from);
    return after - before;
  };
  const totalBreaks = () => {
    let sum = 0;
    for (let d = 0; d < D; d++) for (let day = 0; day < Y; day++) sum += breaksOf(d, day);
    return sum;
  };

  if (pool.length > 0) {
    // simulated annealing over moves (to a free slot) and swaps (with a meeting in the way),
    // each meeting drawing only from the slots both its sides can attend
    const commonSlots = new Map<number, number[]>();
    for (const m of pool) {
      const list: number[] = [];
      for (let s = 0; s < S; s++) if (canMeet(m, s)) list.push(s);
      commonSlots.set(m, list);
    }
    const iterations = Math.round(
      (input.effort ?? 1) * Math.min(250_000, Math.max(150_000, pool.length * 60)),
    );
    let current = totalBreaks();
    let best = current;
    let bestSlots = Int32Array.from(slotOf);
    // a small schedule is annealed several times, each round reheating from the best so far
    const rounds = pool.length < 600 ? 6 : 1;
    let temperature = 0.6;
    const cooling = Math.pow(0.02 / temperature, rounds / iterations);
    const accept = (delta: number) => delta <= 0 || rand() < Math.exp(-delta / temperature);
    const ds: number[] = [];
    const days: number[] = [];
    const affected = (ms: number[], s1: number, s2: number) => {
      ds.length = 0;
      for (const m of ms) for (const d of [A[m]!, B[m]!]) if (!ds.includes(d)) ds.push(d);
      days.length = 0;
      days.push(dayOf[s1]!);
      if (dayOf[s2] !== dayOf[s1]) days.push(dayOf[s2]!);
      let sum = 0;
      for (const d of ds) for (const day of days) sum += breaksOf(d, day);
      return sum;
    };
    const recount = () => {
      let sum = 0;
      for (const d of ds) for (const day of days) sum += breaksOf(d, day);
      return sum;
    };
    for (let it = 0; it < iterations && best > 0; it++, temperature *= cooling) {
      if (it > 0 && it % Math.ceil(iterations / rounds) === 0) {
        temperature = 0.6;
        for (let x = 0; x < M; x++) if (slotOf[x]! >= 0) take(x);
        for (let x = 0; x < M; x++) if (bestSlots[x]! >= 0) put(x, bestSlots[x]!);
        current = best;
      }
      const m = pool[Math.floor(rand() * pool.length)]!;
      const options = commonSlots.get(m)!;
      const to = options[Math.floor(rand() * options.length)]!;
      const from = slotOf[m]!;
      if (to === from) continue;
      if (from < 0) {
        // exchange: m takes the place of y in `to`, with no loss of priority
        const here = inSlot[to]!;
        if (here.length === 0) continue;
        const y = here[Math.floor(rand() * here.length)]!;
        if (!movable(y) || priority[y]! > priority[m]!) continue;
        const before = affected([m, y], to, to);
        take(y);
        if (fits(m, to)) {
          put(m, to);
          const delta = recount() - before;
          if (accept(delta)) {
            current += delta;
            continue;
          }
          take(m);
        }
        put(y, to);
        continue;
      }
      if (fits(m, to)) {
        const before = affected([m], from, to);
        take(m);
        put(m, to);
        const delta = recount() - before;
        if (accept(delta)) current += delta;
        else {
          take(m);
          put(m, from);
        }
      } else {
        // swap with a meeting in the way: one of the same delegations, or any when the tables are full
        const here = inSlot[to]!;
        if (here.length === 0) continue;
        const y = here[Math.floor(rand() * here.length)]!;
        if (!movable(y) || !canMeet(y, from)) continue;
        const before = affected([m, y], from, to);
        take(m);
        take(y);
        if (fits(m, to) && fits(y, from)) {
          put(m, to);
          put(y, from);
          const delta = recount() - before;
          if (accept(delta)) {
            current += delta;
          } else {
            take(m);
            take(y);
            put(m, from);
            put(y, to);
          }
        } else {
          put(m, from);
          put(y, to);
        }
      }
      if (current < best) {
        best = current;
        bestSlots = Int32Array.from(slotOf);
      }
    }
    // back to the best schedule seen
    for (let m = 0; m < M; m++) if (slotOf[m]! >= 0) take(m);
    for (let m = 0; m < M; m++) if (bestSlots[m]! >= 0) put(m, bestSlots[m]!);
    // a final descent: every single move that still lowers breaks
    for (let improved = true; improved; ) {
      improved = false;
      for (const m of pool) {
        if (slotOf[m]! < 0) continue;
        for (const to of commonSlots.get(m)!) {
          if (to !== slotOf[m] && fits(m, to) && deltaMove(m, to) < 0) {
            take(m);
            put(m, to);
            improved = true;
          }
        }
      }
    }
  }

  // tables: locked keep theirs, earlier ones keep theirs where free, the rest take the lowest free
  const placed: SchedulingResult['placed'] = [];
  const tableOf = new Map<number, number>();
  for (let s = 0; s < S; s++) {
    const taken = new Set<number>();
    const here = [...inSlot[s]!].sort((x, y) =>
      input.meetings[x]!.id < input.meetings[y]!.id ? -1 : 1,
    );
    for (const m of here)
      if (locked[m]) {
        tableOf.set(m, lockedTable.get(m)!);
        taken.add(lockedTable.get(m)!);
      }
    for (const m of here) {
      const prev = input.meetings[m]!.previous;
      if (
        !locked[m] &&
        prev &&
        prev.slot === s &&
        input.tables.includes(prev.table) &&
        !taken.has(prev.table)
      ) {
        tableOf.set(m, prev.table);
        taken.add(prev.table);
      }
    }
    const free = input.tables.filter((t) => !taken.has(t));
    for (const m of here) if (!tableOf.has(m)) tableOf.set(m, free.shift()!);
    for (const m of here)
      placed.push({ id: input.meetings[m]!.id, slot: s, table: tableOf.get(m)! });
  }
  placed.sort((x, y) => x.slot - y.slot || x.table - y.table);

  const unplacedOut: SchedulingResult['unplaced'] = [];
  for (let m = 0; m < M; m++) {
    if (slotOf[m]! >= 0) continue;
    let reason: UnplacedReason = 'no_common_slot';
    if (valid(m)) {
      let anyCommon = false;
      let anyCapacity = false;
      for (let s = 0; s < S; s++) {
        if (!canMeet(m, s)) continue;
        anyCommon = true;
        if (load[A[m]! * S + s]! < parallel[A[m]!]! && load[B[m]! * S + s]! < parallel[B[m]!]!)
          anyCapacity = true;
      }
      reason = !anyCommon ? 'no_common_slot' : anyCapacity ? 'tables' : 'capacity';
    }
    unplacedOut.push({ id: input.meetings[m]!.id, reason });
  }
  let moved = 0;
  for (let m = 0; m < M; m++) {
    const prev = input.meetings[m]!.previous;
    if (!prev || locked[m]) continue;
    if (slotOf[m] !== prev.slot || tableOf.get(m) !== prev.table) moved++;
  }
  return { placed, unplaced: unplacedOut, breaks: totalBreaks(), moved };
}
