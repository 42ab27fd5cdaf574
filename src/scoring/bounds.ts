import {
  freshnessValue,
  GEOGRAPHY_CASES,
  type GeographyCase,
  geographyValue,
  historyValue,
  overlapTenths,
  tenths,
} from './score';
import { type History, type Target } from './types';
import { FRESH_DAYS, STALE_DAYS } from './weights';

/**
 * Bounds on a candidate's score from a few facts a database can read off a
 * narrow row without computing the score: whether it is complementary, how
 * many of the target's issues and affairs it shares, its geography case, its
 * tenant (for past cooperation) and which freshness bucket its last update
 * falls in. Overlap, geography and history are exact; size is the only
 * component left open (0–5 points, exact when the potential states no value),
 * and freshness is known to within half a point.
 *
 * Matching uses them to find the top k without scoring everyone: the k-th
 * largest lower bound is at most the k-th best score, so a candidate whose
 * upper bound is below it cannot be in the top k (see `src/potentials/matches.ts`).
 * Everything is in tenths of a point, like `tenths()`.
 */
export type ScoreBounds = {
  /** the target's distinct issues and affairs: the shared counts are over these */
  issues: string[];
  affairs: string[];
  /** overlap tenths at index `((complementary ? issues.length + 1 : 0) + sharedIssues) * (affairs.length + 1) + sharedAffairs` */
  overlap: number[];
  /** geography tenths, in the order of GEOGRAPHY_CASES */
  geography: number[];
  size: { low: number; high: number };
  /** tenants with past cooperation and their history tenths; everyone else gets `neutral` */
  history: { tenants: string[]; tenths: number[]; neutral: number };
  /** ascending cut-off times; bucket b = how many cut-offs are at or before the update time */
  freshness: { cutoffs: Date[]; low: number[]; high: number[] };
};

export type BoundFacts = {
  complementary: boolean;
  sharedIssues: number;
  sharedAffairs: number;
  geography: GeographyCase;
  tenantId: string;
  freshnessBucket: number;
};

const FRESHNESS_STEPS = 10;

export function scoreBounds(
  target: Target,
  input: { now: Date; history?: Map<string, History> },
): ScoreBounds {
  const issues = [...new Set(target.issues)];
  const affairs = [...new Set(target.affairs)];
  const overlap: number[] = [];
  for (const complementary of [false, true])
    for (let si = 0; si <= issues.length; si++)
      for (let sa = 0; sa <= affairs.length; sa++)
        overlap.push(overlapTenths(issues.length, affairs.length, si, sa, complementary));
  const sized = target.valueIdr !== null && target.valueIdr > 0;
  const history = [...(input.history ?? new Map<string, History>())].filter(
    ([, h]) => tenths('history', historyValue(h)) !== tenths('history', historyValue(undefined)),
  );
  const day = 86400_000;
  const cutoffs = Array.from(
    { length: FRESHNESS_STEPS + 1 },
    (_, i) =>
      new Date(
        input.now.getTime() -
          (STALE_DAYS - ((STALE_DAYS - FRESH_DAYS) * i) / FRESHNESS_STEPS) * day,
      ),
  );
  const f = (d: Date) => tenths('freshness', freshnessValue(d, input.now));
  // freshness rises with the update time: a bucket [c(b-1), c(b)) lies between the values at its ends
  const low = [0, ...cutoffs.map(f)];
  const high = [...cutoffs.map(f), tenths('freshness', 1)];
  return {
    issues,
    affairs,
    overlap,
    geography: GEOGRAPHY_CASES.map((g) => tenths('geography', geographyValue(target, g))),
    size: sized
      ? { low: 0, high: tenths('size', 1) }
      : { low: tenths('size', 0.5), high: tenths('size', 0.5) },
    history: {
      tenants: history.map(([t]) => t),
      tenths: history.map(([, h]) => tenths('history', historyValue(h))),
      neutral: tenths('history', historyValue(undefined)),
    },
    freshness: { cutoffs, low, high },
  };
}

/** The bounds for one candidate's facts: what the database computes per row, written out for tests and reading. */
export function boundsOf(b: ScoreBounds, facts: BoundFacts): { low: number; high: number } {
  const o =
    b.overlap[
      ((facts.complementary ? b.issues.length + 1 : 0) + facts.sharedIssues) *
        (b.affairs.length + 1) +
        facts.sharedAffairs
    ]!;
  const g = b.geography[GEOGRAPHY_CASES.indexOf(facts.geography)]!;
  const i = b.history.tenants.indexOf(facts.tenantId);
  const h = i < 0 ? b.history.neutral : b.history.tenths[i]!;
  const base = o + g + h;
  return {
    low: base + b.size.low + b.freshness.low[facts.freshnessBucket]!,
    high: base + b.size.high + b.freshness.high[facts.freshnessBucket]!,
  };
}

/** How many cut-offs are at or before `updatedAt` (PostgreSQL's `width_bucket` over the same array). */
export const freshnessBucket = (b: ScoreBounds, updatedAt: Date) =>
  b.freshness.cutoffs.filter((c) => c.getTime() <= updatedAt.getTime()).length;

/**
 * The overlap tenths of any target by capped counts — the formula of
 * `overlapTenths` only ever uses a count up to 3 — so one table of 512 serves
 * every target, when the target varies per row (recommendations score a
 * tenant against many potentials). Index:
 * `((complementary*4 + min(issues,3))*4 + min(affairs,3))*16 + min(sharedIssues,3)*4 + min(sharedAffairs,3)`.
 */
export const CAPPED_OVERLAP: readonly number[] = Array.from({ length: 512 }, (_, i) => {
  const sa = i % 4;
  const si = Math.floor(i / 4) % 4;
  const nA = Math.floor(i / 16) % 4;
  const nI = Math.floor(i / 64) % 4;
  const complementary = Math.floor(i / 256) === 1;
  return si > nI || sa > nA ? 0 : overlapTenths(nI, nA, si, sa, complementary);
});

export const cappedOverlapIndex = (
  complementary: boolean,
  issues: number,
  affairs: number,
  sharedIssues: number,
  sharedAffairs: number,
) =>
  ((Number(complementary) * 4 + Math.min(issues, 3)) * 4 + Math.min(affairs, 3)) * 16 +
  Math.min(sharedIssues, 3) * 4 +
  Math.min(sharedAffairs, 3);

/** Geography tenths by case (in the order of GEOGRAPHY_CASES), for a target that is not mandatory, then one that is. */
export const GEOGRAPHY_BY_MANDATORY: readonly number[] = [false, true].flatMap((mandatory) =>
  GEOGRAPHY_CASES.map((g) => tenths('geography', geographyValue({ mandatory } as Target, g))),
);

/** A row as recommendations read it: a published potential, by its masks and a few flags. */
export type RowFacts = {
  issueMask: number;
  affairMask: number;
  offer: boolean;
  mandatory: boolean;
  valued: boolean;
  /** index in GEOGRAPHY_CASES, relative to the candidates (the recommended-to tenant) */
  geography: number;
  /** history tenths with the row's tenant */
  history: number;
};

/** A candidate (the recommended-to tenant's profile, or one of its potentials), by its masks. */
export type CandidateFacts = {
  issueMask: number;
  affairMask: number;
  /** null for a partner: it complements a need */
  offer: boolean | null;
  freshness: number;
};

const bitCount = (v: number) => {
  let n = 0;
  for (let x = v >>> 0; x; x &= x - 1) n++;
  return n;
};

/**
 * Bounds, in tenths, on a row's best score over the candidates: exact but
 * for size (0–5 points when the row states a value, else exactly 2.5).
 * `null` when no candidate shares an issue or an affair with it.
 */
export function bestBounds(
  row: RowFacts,
  candidates: readonly CandidateFacts[],
): { low: number; high: number } | null {
  const nI = bitCount(row.issueMask);
  const nA = bitCount(row.affairMask);
  const fixed =
    GEOGRAPHY_BY_MANDATORY[Number(row.mandatory) * GEOGRAPHY_CASES.length + row.geography]! +
    row.history;
  const size = row.valued
    ? { low: 0, high: tenths('size', 1) }
    : { low: tenths('size', 0.5), high: tenths('size', 0.5) };
  let best: { low: number; high: number } | null = null;
  for (const c of candidates) {
    const si = bitCount(row.issueMask & c.issueMask);
    const sa = bitCount(row.affairMask & c.affairMask);
    if (si === 0 && sa === 0) continue;
    const complementary = c.offer === null ? !row.offer : c.offer !== row.offer;
    const base =
      CAPPED_OVERLAP[cappedOverlapIndex(complementary, nI, nA, si, sa)]! + fixed + c.freshness;
    const low = Math.min(1000, base + size.low);
    const high = Math.min(1000, base + size.high);
    if (!best) best = { low, high };
    else {
      best.low = Math.max(best.low, low);
      best.high = Math.max(best.high, high);
    }
  }
  return best;
}
