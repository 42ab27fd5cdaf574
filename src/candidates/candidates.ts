import { sql } from 'drizzle-orm';
import { matchCandidates, regions } from '../../db/schema';
import { type Ctx } from '../platform/context';
import { intArray, textArray } from '../platform/pg-arrays';
import { rowsFrom } from '../platform/rows';
import { canonicalCode, canonicalCodes, vocabularyByName } from '../reference/vocabularies';
import { scoreBounds } from '../scoring/bounds';
import { GEOGRAPHY_CASES } from '../scoring/score';
import {
  type Candidate,
  type History,
  type Labels,
  type Match,
  type Reason,
  type Target,
} from '../scoring/types';
import { PARTNER_KIND_TO_COOPERATION } from '../scoring/weights';

/**
 * Matching as a request: load the target and past cooperation, let the
 * database narrow `match_candidates` to the rows that can reach the requested
 * page (by the bounds of `src/scoring/bounds.ts`), then rank those exactly in
 * memory with the pure scorer. Nothing is cached across requests:
 * `match_candidates` is kept by triggers in the writing transaction, so a
 * change shows in the next request and a fresh Worker isolate answers at once.
 */
const term = (vocabulary: string) => (code: string) => {
  const t = vocabularyByName(vocabulary)?.terms.find((x) => x.code === code);
  return t ? { id: t.id.toLowerCase(), en: t.en.toLowerCase() } : { id: code, en: code };
};
export const LABELS: Labels = { affairs: term('affairs'), issues: term('strategic-issues') };

/** Region names by code, read once per process: reference data, the same for every request. */
let regionNames: Promise<Map<string, string>> | null = null;

/** The labels with region names, so explanations name the other side ("Kabupaten Sigi"). */
export async function labelsWithRegions(db: Db): Promise<Labels> {
  regionNames ??= db
    .select({ code: regions.code, name: regions.name, kind: regions.kind })
    .from(regions)
    .then(
      (rows) =>
        new Map(rows.map((r) => [r.code, r.kind === 'provinsi' ? `Provinsi ${r.name}` : r.name])),
    );
  try {
    const names = await regionNames;
    return { ...LABELS, regions: (code) => names.get(code) };
  } catch (err) {
    regionNames = null;
    throw err;
  }
}

type Db = Ctx['db'];

/** A target as `sinergi_match_context` returns it (migration 0021), read by `targetFrom`. */
type TargetJson = [
  id: string,
  title: string,
  tenantId: string,
  regionCode: string,
  provinceCode: string,
  islandGroup: string,
  direction: 'offer' | 'need',
  affairs: string[],
  issues: string[],
  cooperationKinds: string[],
  mandatory: boolean,
  valueIdr: number | null,
  neighbours: string[],
];

function targetFrom(json: string | null | undefined): Target | null {
  if (!json) return null;
  const [id, title, tenantId, regionCode, provinceCode, islandGroup, direction, ...rest] =
    JSON.parse(json) as TargetJson;
  const [affairs, issues, cooperationKinds, mandatory, valueIdr, neighbours] = rest;
  return {
    id,
    title,
    tenantId,
    regionCode,
    provinceCode,
    islandGroup,
    direction,
    affairs: canonicalCodes(affairs),
    issues: canonicalCodes(issues),
    cooperationKinds: canonicalCodes(cooperationKinds),
    mandatory,
    valueIdr,
    neighbours,
  };
}

/**
 * A tenant's published potential as a target (null for none) and, when asked,
 * the tenant's past cooperation, in one call of `sinergi_match_context`
 * (migration 0021: a PL/pgSQL function, so each session plans its joins once).
 */
export async function matchContext(
  db: Db,
  input: {
    potentialId: string | null;
    tenantId: string;
    todayIso: string | null;
    history: boolean;
  },
): Promise<{ target: Target | null; history: Map<string, History> }> {
  const result = await db.execute(sql`
    select target_json, interests_json, agreements_json
    from sinergi_match_context(${input.potentialId}::text, ${input.tenantId}::text, ${input.todayIso}::date, ${input.history}::boolean)`);
  const [row] = rowsFrom<{
    target_json: string | null;
    interests_json: string | null;
    agreements_json: string | null;
  }>(result);
  return {
    target: targetFrom(row?.target_json),
    history: historyFrom(input.tenantId, {
      interests: row?.interests_json ?? null,
      agreements: row?.agreements_json ?? null,
    }),
  };
}

export const loadTarget = async (db: Db, potentialId: string, tenantId: string, todayIso: string) =>
  (await matchContext(db, { potentialId, tenantId, todayIso, history: false })).target;

export type CandidateFilter = { candidateType?: 'partner' | 'region'; province?: string };

/** The codes as bits in vocabulary order: how `sinergi_code_mask` stores them in `match_candidates`. */
export const maskOf = (codes: readonly string[], vocabulary: string) => {
  const terms = vocabularyByName(vocabulary)?.terms ?? [];
  return codes.reduce((mask, code) => {
    const i = terms.findIndex((t) => t.code === code);
    return i >= 0 && i < 32 ? mask | (1 << i) : mask;
  }, 0);
};

export type CandidateRow = [
  side: 0 | 1 | 2,
  id: string,
  tenantId: string,
  name: string,
  offers: string | null,
  partnerKind: string,
  issues: string[],
  affairs: string[],
  regionCode: string,
  provinceCode: string,
  islandGroup: string,
  valueIdr: number | null,
  engagementMinIdr: number | null,
  engagementMaxIdr: number | null,
  regionsOfInterest: string[],
  updatedAt: string,
];

/** A `match_candidates` row as `CANDIDATE_JSON` returns it, with codes in their canonical strings (see `canonicalCode`). */
export function toCandidate(row: CandidateRow): Candidate {
  const [side, id, tenantId, name, offers, partnerKind, issues, affairs, ...place] = row;
  const [regionCode, provinceCode, islandGroup, valueIdr, ...partner] = place;
  const [engagementMinIdr, engagementMaxIdr, regionsOfInterest, updatedAt] = partner;
  return side === 2
    ? {
        type: 'partner',
        id,
        tenantId,
        name,
        partnerKind: canonicalCode(partnerKind),
        affairs: canonicalCodes(affairs),
        issues: canonicalCodes(issues),
        offers,
        regionsOfInterest,
        engagementMinIdr,
        engagementMaxIdr,
        updatedAt: new Date(updatedAt),
      }
    : // match_candidates holds only published potentials of autonomous regions open to KSDD
      {
        type: 'potential',
        id,
        tenantId,
        title: name,
        regionCode,
        provinceCode,
        islandGroup,
        autonomous: true,
        direction: side === 1 ? 'offer' : 'need',
        affairs: canonicalCodes(affairs),
        issues: canonicalCodes(issues),
        cooperationKinds: ['KSDD'],
        valueIdr,
        updatedAt: new Date(updatedAt),
      };
}

/** One JSON array per `match_candidates` row (alias `m`), in the order `toCandidate` reads. */
export const CANDIDATE_JSON = sql`json_build_array(m.side, m.id, m.tenant_id, m.name, m.offers, m.partner_kind, m.issues, m.affairs, m.region_code, m.province_code, m.island_group,
  m.value_idr, m.engagement_min_idr, m.engagement_max_idr, m.regions_of_interest, m.updated_at)`;

/**
 * The candidates that can be in the top `k`, and how many candidates there
 * are, in one statement over `match_candidates`. Per row the database computes
 * only the bounds of `scoreBounds` (two bit counts, a few comparisons and
 * array lookups), gathered in one aggregate pass as three arrays; the k-th
 * largest lower bound is at most the k-th best score, so rows whose upper
 * bound is below it cannot make the top k and are never read (a tuple store
 * of every row, scanned for the count, the threshold and the survivors, cost
 * a third of the statement on PGlite). The survivors — typically a few dozen
 * to a few hundred of the thousands sharing an issue or affair — come back as
 * one JSON value and are scored exactly by `rank`.
 */
export async function topCandidates(
  db: Db,
  target: Target,
  input: {
    now: Date;
    todayIso: string;
    history: Map<string, History>;
    k: number;
    filter: CandidateFilter;
  },
): Promise<{ total: number; candidates: Candidate[] }> {
  const partnerKinds =
    input.filter.candidateType === 'region'
      ? []
      : Object.entries(PARTNER_KIND_TO_COOPERATION)
          .filter(([, k]) => target.cooperationKinds.includes(k))
          .map(([kind]) => kind);
  const regions =
    input.filter.candidateType !== 'partner' && target.cooperationKinds.includes('KSDD');
  const im = maskOf(target.issues, 'strategic-issues');
  const am = maskOf(target.affairs, 'affairs');
  if ((im === 0 && am === 0) || (partnerKinds.length === 0 && !regions))
    return { total: 0, candidates: [] };
  const b = scoreBounds(target, { now: input.now, history: input.history });
  // the overlap table per side (0: a region's need, 1: a region's offer, 2: a partner), by whether that side complements the target
  const perFlag = b.overlap.length / 2;
  const complements = [
    target.direction === 'offer',
    target.direction === 'need',
    target.direction === 'need',
  ];
  const overlap = complements.flatMap((c) =>
    b.overlap.slice(c ? perFlag : 0, c ? 2 * perFlag : perFlag),
  );
  const geo = (g: (typeof GEOGRAPHY_CASES)[number]) => GEOGRAPHY_CASES.indexOf(g) + 1;
  // the target's codes under every kind of candidate it is open to, as `match_candidates.keys` holds them
  const keys = [...(regions ? ['r'] : []), ...partnerKinds].flatMap((who) => [
    ...b.issues.map((code) => `${who}.i.${code}`),
    ...b.affairs.map((code) => `${who}.a.${code}`),
  ]);
  const province = input.filter.province;
  // a mandatory potential: only the regions it can be mandatory with (`mayBeMandatoryWith`)
  const mandatory = !target.mandatory
    ? null
    : target.regionCode.includes('.')
      ? sql`m.region_code = ${target.provinceCode}::text`
      : sql`m.province_code = ${target.regionCode}::text`;
  const result = await db.execute(sql`
    with a as (
      -- one pass: per row only its bounds, gathered as three arrays (no per-row tuple store to write and rescan)
      select count(*)::int as total, array_agg(t) as ts, array_agg(base + (${intArray(b.freshness.low)}::int[])[f] + ${b.size.low}::int) as los,
        array_agg(base + (${intArray(b.freshness.high)}::int[])[f] + ${b.size.high}::int) as his
      from (
        select m.ctid as t,
          (${intArray(overlap)}::int[])[(m.side * ${b.issues.length + 1}::int + bit_count((m.issue_mask & ${im}::int)::bit(32))::int) * ${b.affairs.length + 1}::int
            + bit_count((m.affair_mask & ${am}::int)::bit(32))::int + 1]
          + (${intArray(b.geography)}::int[])[case
              when m.side = 2 then (case when cardinality(m.regions_of_interest) = 0 then ${geo('open')}::int when ${target.regionCode}::text = any(m.regions_of_interest) then ${geo('interest_region')}::int
                when ${target.provinceCode}::text = any(m.regions_of_interest) then ${geo('interest_province')}::int else ${geo('interest_elsewhere')}::int end)
              ${target.neighbours.length ? sql`when m.region_code = any(${textArray(target.neighbours)}::text[]) then ${geo('neighbour')}::int` : sql``}
              when m.province_code = ${target.provinceCode}::text then ${geo('province')}::int when m.island_group = ${target.islandGroup}::text then ${geo('island')}::int else ${geo('elsewhere')}::int end]
          ${b.history.tenants.length ? sql`+ (${intArray([b.history.neutral, ...b.history.tenths])}::int[])[coalesce(array_position(${textArray(b.history.tenants)}::text[], m.tenant_id), 0) + 1]` : sql`+ ${b.history.neutral}::int`} as base,
          width_bucket(m.updated_at, ${textArray(b.freshness.cutoffs.map((d) => d.toISOString()))}::timestamptz[]) + 1 as f
        from ${matchCandidates} m
        where m.keys && ${textArray(keys)}::text[]
          and m.expires_on >= ${input.todayIso}::date
          and m.tenant_id <> ${target.tenantId}::text
          ${mandatory ? sql`and m.side <> 2 and (m.region_code = any(${textArray(target.neighbours)}::text[]) or ${mandatory})` : sql``}
          ${province ? sql`and case when m.side = 2 then ${province}::text = any(m.interest_provinces) else m.province_code = ${province}::text end` : sql``}
        offset 0) c
    ), th as (
      -- the k-th largest lower bound (-1 when there are fewer than k candidates: every one survives)
      select coalesce((select lo from (select unnest(a.los) as lo from a) l order by lo desc offset ${input.k - 1}::int limit 1), -1) as theta
    )
    select a.total,
      (select json_agg(${CANDIDATE_JSON}) from ${matchCandidates} m where m.ctid = any(array(
        select t from (select unnest(a.ts) as t, unnest(a.his) as hi from a) u where hi >= th.theta)))::text as rows
    from a, th`);
  const [row] = rowsFrom<{ total: number; rows: string | null }>(result);
  return {
    total: Number(row?.total ?? 0),
    candidates: row?.rows ? (JSON.parse(row.rows) as CandidateRow[]).map(toCandidate) : [],
  };
}

type HistoryJson = { interests: string | null; agreements: string | null };

function historyFrom(tenantId: string, row: HistoryJson | undefined): Map<string, History> {
  const out = new Map<string, History>();
  const of = (other: string) =>
    out.get(other) ?? out.set(other, { accepted: 0, declined: 0, agreements: 0 }).get(other)!;
  for (const [owner, from, status, n] of row?.interests
    ? (JSON.parse(row.interests) as [string, string, string, number][])
    : []) {
    const h = of(owner === tenantId ? from : owner);
    if (status === 'accepted') h.accepted += n;
    if (status === 'declined') h.declined += n;
  }
  for (const [other, n] of row?.agreements
    ? (JSON.parse(row.agreements) as [string, number][])
    : [])
    of(other).agreements += n;
  return out;
}

/** The tenant's past cooperation with others (see `sinergi_match_context`). */
export const historyOf = async (db: Db, tenantId: string) =>
  (await matchContext(db, { potentialId: null, tenantId, todayIso: null, history: true })).history;

/** A reason as the API returns it: structured (kind, items) and as plain text in the request's language. */
export function reasonView(ctx: Ctx, r: Reason) {
  return {
    component: r.component,
    kind: r.kind,
    items: r.items.map((i) => ({
      type: i.type,
      code: i.code,
      label: ctx.lang === 'en' ? i.en : i.id,
    })),
    text: ctx.lang === 'en' ? r.en : r.id,
    id: r.id,
    en: r.en,
  };
}

export function present(ctx: Ctx, m: Match) {
  const c = m.candidate;
  return {
    score: m.score,
    candidate:
      c.type === 'potential'
        ? {
            type: 'region' as const,
            tenantId: c.tenantId,
            potentialId: c.id,
            name: c.title,
            regionCode: c.regionCode,
            provinceCode: c.provinceCode,
            direction: c.direction,
          }
        : {
            type: 'partner' as const,
            tenantId: c.tenantId,
            potentialId: null,
            name: c.name,
            regionCode: null,
            provinceCode: null,
            direction: null,
            partnerKind: c.partnerKind,
          },
    components: m.components,
    reasons: m.reasons.map((r) => reasonView(ctx, r)),
  };
}
