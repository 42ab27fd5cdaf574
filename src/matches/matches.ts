import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import {
  matchCandidates,
  potentialTargets,
  potentials,
  regions,
  tenantProfiles,
  tenants,
} from '../../db/schema';
import { authorize, type TenantRow } from '../identity/access';
import { type Ctx, today } from '../platform/context';
import { notFound } from '../platform/errors';
import { decodeOffsetCursor, encodeCursor } from '../platform/pagination';
import { intArray, textArray } from '../platform/pg-arrays';
import { canonicalCode, canonicalCodes, vocabularyByName } from '../reference/vocabularies';
import {
  cooperationKindOf,
  freshnessValue,
  GEOGRAPHY_CASES,
  historyValue,
  isCandidate,
  tenths,
  rank,
  score,
  scoreValue,
  type Candidate,
  type History,
  type Labels,
  type Match,
  type Target,
  type Reason,
} from '../matching/score';
import { PARTNER_KIND_TO_COOPERATION } from '../matching/weights';
import { bestBounds, type CandidateFacts, scoreBounds } from '../matching/bounds';
import { islandGroupOf } from '../reference/geography';

/**
 * Matching as a request: load the target and past cooperation, let the
 * database narrow `match_candidates` to the rows that can reach the requested
 * page (by the bounds of `src/matching/bounds.ts`), then rank those exactly in
 * memory with the pure scorer. Nothing is cached across requests:
 * `match_candidates` is kept by triggers in the writing transaction, so a
 * change shows in the next request and a fresh Worker isolate answers at once.
 */
const term = (vocabulary: string) => (code: string) => {
  const t = vocabularyByName(vocabulary)?.terms.find((x) => x.code === code);
  return t ? { id: t.id.toLowerCase(), en: t.en.toLowerCase() } : { id: code, en: code };
};
export const LABELS: Labels = { affairs: term('affairs'), issues: term('strategic-issues') };

type Db = Ctx['db'];

/** A target as `sinergi_match_context` returns it (migration 0021), read by `targetFrom`. */
type TargetJson = [
  string,
  string,
  string,
  string,
  string,
  string,
  'offer' | 'need',
  string[],
  string[],
  string[],
  boolean,
  number | null,
  string[],
];

function targetFrom(json: string | null | undefined): Target | null {
  if (!json) return null;
  const t = JSON.parse(json) as TargetJson;
  return {
    id: t[0],
    title: t[1],
    tenantId: t[2],
    regionCode: t[3],
    provinceCode: t[4],
    islandGroup: t[5],
    direction: t[6],
    affairs: canonicalCodes(t[7]),
    issues: canonicalCodes(t[8]),
    cooperationKinds: canonicalCodes(t[9]),
    mandatory: t[10],
    valueIdr: t[11],
    neighbours: t[12],
  };
}

/**
 * A tenant's published potential as a target (null for none) and, when asked,
 * the tenant's past cooperation, in one call of `sinergi_match_context`
 * (migration 0021: a PL/pgSQL function, so each session plans its joins once).
 */
async function matchContext(
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
  const row = (
    result as unknown as {
      rows: {
        target_json: string | null;
        interests_json: string | null;
        agreements_json: string | null;
      }[];
    }
  ).rows[0];
  return {
    target: targetFrom(row?.target_json),
    history: historyFrom(input.tenantId, {
      interests: row?.interests_json ?? null,
      agreements: row?.agreements_json ?? null,
    }),
  };
}

const loadTarget = async (db: Db, potentialId: string, tenantId: string, todayIso: string) =>
  (await matchContext(db, { potentialId, tenantId, todayIso, history: false })).target;

export type CandidateFilter = { candidateType?: 'partner' | 'region'; province?: string };

/** The codes as bits in vocabulary order: how `sinergi_code_mask` stores them in `match_candidates`. */
const maskOf = (codes: readonly string[], vocabulary: string) => {
  const terms = vocabularyByName(vocabulary)?.terms ?? [];
  return codes.reduce((mask, code) => {
    const i = terms.findIndex((t) => t.code === code);
    return i >= 0 && i < 32 ? mask | (1 << i) : mask;
  }, 0);
};

type CandidateRow = [
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
export const toCandidate = (r: CandidateRow): Candidate =>
  r[0] === 2
    ? {
        type: 'partner',
        id: r[1],
        tenantId: r[2],
        name: r[3],
        partnerKind: canonicalCode(r[5]),
        affairs: canonicalCodes(r[7]),
        issues: canonicalCodes(r[6]),
        offers: r[4],
        regionsOfInterest: r[14],
        engagementMinIdr: r[12],
        engagementMaxIdr: r[13],
        updatedAt: new Date(r[15]),
      }
    : // match_candidates holds only published potentials of autonomous regions open to KSDD
      {
        type: 'potential',
        id: r[1],
        tenantId: r[2],
        title: r[3],
        regionCode: r[8],
        provinceCode: r[9],
        islandGroup: r[10],
        autonomous: true,
        direction: r[0] === 1 ? 'offer' : 'need',
        affairs: canonicalCodes(r[7]),
        issues: canonicalCodes(r[6]),
        cooperationKinds: ['KSDD'],
        valueIdr: r[11],
        updatedAt: new Date(r[15]),
      };

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
async function topCandidates(
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
  const [row] = (result as unknown as { rows: { total: number; rows: string | null }[] }).rows;
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
const historyOf = async (db: Db, tenantId: string) =>
  (await matchContext(db, { potentialId: null, tenantId, todayIso: null, history: true })).history;

/** A reason as the API returns it: structured (kind, items) and as plain text in the request's language. */
function reasonView(ctx: Ctx, r: Reason) {
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

function present(ctx: Ctx, m: Match) {
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

/** Ranked candidates for a published potential: its owner and the facilitating province may ask. */
export async function matchesForPotential({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CandidateFilter & {
    tenantId: string;
    potentialId: string;
    limit: number;
    cursor?: string;
  };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'potentials.read');
  const { limit, cursor, tenantId: _t, potentialId, ...filters } = input;
  const offset = decodeOffsetCursor(cursor, { potentialId, ...filters });
  const todayIso = today(ctx);
  const { target, history } = await matchContext(ctx.db, {
    potentialId,
    tenantId: tenant.id,
    todayIso,
    history: true,
  });
  if (!target) throw notFound({ key: 'potential.not_found' });
  const { total, candidates } = await topCandidates(ctx.db, target, {
    now: ctx.now(),
    todayIso,
    history,
    k: offset + limit,
    filter: filters,
  });
  const { matches } = rank(target, candidates, {
    now: ctx.now(),
    labels: LABELS,
    history,
    offset,
    limit,
  });
  return {
    data: matches.map((m) => present(ctx, m)),
    total,
    nextCursor:
      offset + limit < total
        ? encodeCursor([String(offset + limit)], { potentialId, ...filters })
        : null,
  };
}

/** The best few candidates of one of a tenant's published potentials, for the system (the digests): no access check. */
export async function bestMatchesOf(
  ctx: Ctx,
  tenantId: string,
  potentialId: string,
  limit: number,
) {
  const todayIso = today(ctx);
  const { target, history } = await matchContext(ctx.db, {
    potentialId,
    tenantId,
    todayIso,
    history: true,
  });
  if (!target) return [];
  const { candidates } = await topCandidates(ctx.db, target, {
    now: ctx.now(),
    todayIso,
    history,
    k: limit,
    filter: {},
  });
  const { matches } = rank(target, candidates, { now: ctx.now(), labels: LABELS, history, limit });
  return matches.map((m) => present(ctx, m));
}

/**
 * Published potentials that fit a tenant. A partner is scored as a candidate
 * against every potential open to its kind; a region's best own published
 * potential is scored against other regions' potentials.
 */
export async function recommendationsFor({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; limit: number; cursor?: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'tenant.read');
  const offset = decodeOffsetCursor(input.cursor, { tenantId: tenant.id });
  return recommend(ctx, tenant, offset, input.limit);
}

/**
 * The same for the system (the digests): the tenant is given, not authorised.
 *
 * Here the target varies per row (every published potential the tenant could
 * answer) and the candidates are fixed (the partner's profile, or each of the
 * region's own published potentials). The database hands over every such
 * row as a few numbers (code masks, flags, place, tenant: one JSON value);
 * `bestBounds` bounds each row's best score from them — exact but for size —
 * and only the rows whose upper bound reaches the k-th best lower bound are
 * read in full and scored exactly by the pure scorer.
 */
export async function recommend(ctx: Ctx, tenant: TenantRow, offset: number, limit: number) {
  const todayIso = today(ctx);
  const now = ctx.now();
  const empty = { data: [], total: 0, nextCursor: null };
  // only candidates that can be one: a region's potentials open to KSDD; a partner as its kind
  const own = (await ownCandidates(ctx, tenant, todayIso)).filter((c) =>
    c.type === 'potential' ? c.autonomous && c.cooperationKinds.includes('KSDD') : true,
  );
  const issues = [...new Set(own.flatMap((c) => c.issues))];
  const affairs = [...new Set(own.flatMap((c) => c.affairs))];
  if (own.length === 0 || (issues.length === 0 && affairs.length === 0)) return empty;
  const [rows, history, neighbourTenants] = await Promise.all([
    compactRows(ctx, tenant, {
      kind: cooperationKindOf(own[0]!),
      issues,
      affairs,
      todayIso,
    }),
    historyOf(ctx.db, tenant.id),
    tenant.type === 'region' ? tenantsNaming(ctx, tenant.regionCode!) : Promise.resolve([]),
  ]);
  const candidates: CandidateFacts[] = own.map((c) => ({
    issueMask: maskOf(c.issues, 'strategic-issues'),
    affairMask: maskOf(c.affairs, 'affairs'),
    offer: c.type === 'partner' ? null : c.direction === 'offer',
    freshness: tenths('freshness', freshnessValue(c.updatedAt, now)),
  }));
  const geography = geographyOf(own[0]!, new Set(neighbourTenants));
  const bounds = rows.flatMap((r) => {
    const b = bestBounds(
      {
        issueMask: r[3],
        affairMask: r[4],
        offer: (r[5] & 1) === 1,
        mandatory: (r[5] & 2) === 2,
        valued: (r[5] & 4) === 4,
        geography: geography(r),
        history: tenths('history', historyValue(history.get(r[1]))),
      },
      candidates,
    );
    return b ? [{ id: r[0], ...b }] : [];
  });
  // the k-th best lower bound is at most the k-th best score: rows whose upper bound is below it cannot reach the page
  const k = offset + limit;
  const lows = bounds.map((b) => b.low).sort((x, y) => y - x);
  const theta = lows.length >= k ? lows[k - 1]! : -1;
  const survivors = bounds.filter((b) => b.high >= theta).map((b) => b.id);
  const full = await targetRows(ctx, survivors);
  const ranked = full
    .map((row) => {
      const target = targetOf(row, tenant, neighbourTenants);
      const h = history.get(row.tenantId);
      let best: { candidate: Candidate; score: number } | null = null;
      for (const c of own) {
        if (!isCandidate(target, c)) continue;
        const s = scoreValue(target, c, now, h);
        if (!best || s > best.score || (s === best.score && c.id < best.candidate.id))
          best = { candidate: c, score: s };
      }
      return best ? { row, target, best } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null && x.best.score > 0)
    .sort((x, y) => y.best.score - x.best.score || (x.row.id < y.row.id ? -1 : 1));
  const total = bounds.length;
  const data = ranked.slice(offset, offset + limit).map(({ row, target, best }) => {
    const match = score(target, best.candidate, {
      now,
      labels: LABELS,
      history: history.get(row.tenantId),
      reader: 'candidate',
    });
    return {
      potential: {
        id: row.id,
        title: row.title,
        regionCode: row.regionCode,
        provinceCode: row.provinceCode,
        direction: row.direction,
        tenantId: row.tenantId,
      },
      score: match.score,
      components: match.components,
      reasons: match.reasons.map((r) => reasonView(ctx, r)),
    };
  });
  return {
    data,
    total,
    nextCursor:
      offset + limit < total
        ? encodeCursor([String(offset + limit)], { tenantId: tenant.id })
        : null,
  };
}

/** What a potential is as a target or a candidate: the columns recommendations read. */
const POTENTIAL_COLUMNS = {
  id: potentials.id,
  tenantId: potentials.tenantId,
  title: potentials.title,
  regionCode: potentials.regionCode,
  provinceCode: potentials.provinceCode,
  direction: potentials.direction,
  affairs: potentials.affairs,
  issues: potentials.issues,
  cooperationKinds: potentials.cooperationKinds,
  mandatory: potentials.mandatory,
  valueIdr: potentials.valueIdr,
  updatedAt: potentials.updatedAt,
};

/** A tenant as candidates: a partner's profile, or a region's own published potentials. */
async function ownCandidates(ctx: Ctx, tenant: TenantRow, todayIso: string): Promise<Candidate[]> {
  if (tenant.type === 'partner') {
    const [p] = await ctx.db
      .select()
      .from(tenantProfiles)
      .where(eq(tenantProfiles.tenantId, tenant.id));
    return p
      ? [
          {
            type: 'partner',
            id: tenant.id,
            tenantId: tenant.id,
            name: tenant.name,
            partnerKind: tenant.partnerKind ?? 'company',
            affairs: canonicalCodes(p.affairs),
            issues: canonicalCodes(p.issues),
            offers: p.offers,
            regionsOfInterest: p.regionsOfInterest,
            engagementMinIdr: p.engagementMinIdr,
            engagementMaxIdr: p.engagementMaxIdr,
            updatedAt: p.updatedAt,
          },
        ]
      : [];
  }
  const rows = await ctx.db
    .select({
      p: POTENTIAL_COLUMNS,
      islandGroup: regions.islandGroup,
      autonomous: regions.autonomous,
    })
    .from(potentials)
    .innerJoin(regions, eq(regions.code, potentials.regionCode))
    .where(
      and(
        eq(potentials.tenantId, tenant.id),
        eq(potentials.status, 'published'),
        gte(potentials.expiresOn, todayIso),
      ),
    );
  return rows.map(({ p, islandGroup, autonomous }) => ({
    type: 'potential',
    id: p.id,
    tenantId: p.tenantId,
    title: p.title,
    regionCode: p.regionCode,
    provinceCode: p.provinceCode,
    islandGroup,
    autonomous,
    direction: p.direction,
    affairs: canonicalCodes(p.affairs),
    issues: canonicalCodes(p.issues),
    cooperationKinds: canonicalCodes(p.cooperationKinds),
    valueIdr: p.valueIdr,
    updatedAt: p.updatedAt,
  }));
}

/** Tenants whose profile names this region as a neighbour. */
async function tenantsNaming(ctx: Ctx, regionCode: string): Promise<string[]> {
  return (
    await ctx.db
      .select({ id: tenantProfiles.tenantId })
      .from(tenantProfiles)
      .where(sql`${regionCode}::text = any(${tenantProfiles.neighbours})`)
  ).map((r) => r.id);
}

/** id, tenant, region code, issue mask, affair mask, flags (1 offer, 2 mandatory, 4 states a value) */
type CompactRow = [string, string, string, number, number, number];

/** The geography case of a row toward the candidates, as `geographyCase` decides it (index in GEOGRAPHY_CASES). */
function geographyOf(candidate: Candidate, neighbourTenants: Set<string>) {
  const index = (g: (typeof GEOGRAPHY_CASES)[number]) => GEOGRAPHY_CASES.indexOf(g);
  if (candidate.type === 'partner') {
    const roi = new Set(candidate.regionsOfInterest);
    return (r: CompactRow) =>
      roi.has(r[2])
        ? index('interest_region')
        : roi.has(r[2].slice(0, 2))
          ? index('interest_province')
          : roi.size === 0
            ? index('open')
            : index('interest_elsewhere');
  }
  return (r: CompactRow) =>
    neighbourTenants.has(r[1])
      ? index('neighbour')
      : r[2].slice(0, 2) === candidate.provinceCode
        ? index('province')
        : islandGroupOf(r[2]) === candidate.islandGroup
          ? index('island')
          : index('elsewhere');
}

/**
 * Every published potential of another tenant open to the candidates' kind
 * and sharing a code with them, as `CompactRow`s: read from
 * the narrow `potential_targets` and handed over as a few fields per row in one text.
 */
async function compactRows(
  ctx: Ctx,
  tenant: TenantRow,
  input: { kind: string; issues: string[]; affairs: string[]; todayIso: string },
): Promise<CompactRow[]> {
  // one text of space-separated fields: building it costs half of building JSON here
  const result = await ctx.db.execute(sql`
    select string_agg(concat_ws(' ', t.id, t.tenant_id, t.region_code, t.issue_mask, t.affair_mask, t.flags), ' ') as rows
    from ${potentialTargets} t
    where t.expires_on >= ${input.todayIso}::date and t.tenant_id <> ${tenant.id}::text
      and t.kinds & ${maskOf([input.kind], 'cooperation-kinds')}::int <> 0
      and (t.issue_mask & ${maskOf(input.issues, 'strategic-issues')}::int <> 0
        or t.affair_mask & ${maskOf(input.affairs, 'affairs')}::int <> 0)`);
  const text = (result as unknown as { rows: { rows: string | null }[] }).rows[0]?.rows;
  if (!text) return [];
  const f = text.split(' ');
  const rows: CompactRow[] = [];
  for (let i = 0; i + 5 < f.length; i += 6)
    rows.push([f[i]!, f[i + 1]!, f[i + 2]!, Number(f[i + 3]), Number(f[i + 4]), Number(f[i + 5])]);
  return rows;
}

/** The rows that can reach the page, in full. */
async function targetRows(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return [];
  return ctx.db.select(POTENTIAL_COLUMNS).from(potentials).where(inArray(potentials.id, ids));
}

/** A row as a target; of its neighbours only the recommended-to region matters (`geographyCase`). */
type TargetRow = Awaited<ReturnType<typeof targetRows>>[number];

const targetOf = (row: TargetRow, tenant: TenantRow, neighbourTenants: string[]): Target => ({
  ...row,
  affairs: canonicalCodes(row.affairs),
  issues: canonicalCodes(row.issues),
  cooperationKinds: canonicalCodes(row.cooperationKinds),
  islandGroup: islandGroupOf(row.regionCode),
  neighbours:
    tenant.type === 'region' && neighbourTenants.includes(row.tenantId) ? [tenant.regionCode!] : [],
});

/**
 * Tenants that fit a forum: its themes (as an offer and as a need, from the
 * convener's place) and the convener's published potentials are each matched
 * as `matchesForPotential` does, and each tenant keeps its best match, with the
 * explanation. Used to suggest whom to invite.
 */
export async function tenantsFitting(
  ctx: Ctx,
  input: {
    tenantId: string;
    issues: string[];
    affairs: string[];
    exclude: Set<string>;
    limit: number;
  },
) {
  const todayIso = today(ctx);
  const now = ctx.now();
  const [own, [place]] = await Promise.all([
    ctx.db
      .select({ id: potentials.id })
      .from(potentials)
      .where(
        and(
          eq(potentials.tenantId, input.tenantId),
          eq(potentials.status, 'published'),
          gte(potentials.expiresOn, todayIso),
        ),
      )
      .limit(10),
    ctx.db
      .select({
        code: regions.code,
        provinceCode: regions.provinceCode,
        islandGroup: regions.islandGroup,
        neighbours: tenantProfiles.neighbours,
      })
      .from(tenants)
      .innerJoin(regions, eq(regions.code, tenants.regionCode))
      .leftJoin(tenantProfiles, eq(tenantProfiles.tenantId, tenants.id))
      .where(eq(tenants.id, input.tenantId)),
  ]);
  const targets: Target[] = [];
  for (const p of own) {
    const t = await loadTarget(ctx.db, p.id, input.tenantId, todayIso);
    if (t) targets.push(t);
  }
  for (const direction of ['offer', 'need'] as const)
    targets.push({
      id: `forum-${direction}`,
      tenantId: input.tenantId,
      regionCode: place?.code ?? '',
      provinceCode: place?.provinceCode ?? place?.code ?? '',
      islandGroup: place?.islandGroup ?? '',
      direction,
      affairs: canonicalCodes(input.affairs),
      issues: canonicalCodes(input.issues),
      cooperationKinds: [...(vocabularyByName('cooperation-kinds')?.terms ?? [])].map((t) =>
        canonicalCode(t.code),
      ),
      mandatory: false,
      valueIdr: null,
      neighbours: place?.neighbours ?? [],
    });
  const history = await historyOf(ctx.db, input.tenantId);
  const best = new Map<string, Match>();
  const k = input.limit * 4;
  for (const target of targets) {
    const { candidates } = await topCandidates(ctx.db, target, {
      now,
      todayIso,
      history,
      k,
      filter: {},
    });
    const { matches } = rank(target, candidates, { now, labels: LABELS, history, limit: k });
    for (const m of matches) {
      const id = m.candidate.tenantId;
      if (input.exclude.has(id)) continue;
      const prev = best.get(id);
      if (!prev || m.score > prev.score) best.set(id, m);
    }
  }
  const top = [...best.values()]
    .sort((a, b) => b.score - a.score || (a.candidate.tenantId < b.candidate.tenantId ? -1 : 1))
    .slice(0, input.limit);
  const names = top.length
    ? await ctx.db
        .select({
          id: tenants.id,
          name: tenants.name,
          type: tenants.type,
          regionCode: tenants.regionCode,
        })
        .from(tenants)
        .where(
          inArray(
            tenants.id,
            top.map((m) => m.candidate.tenantId),
          ),
        )
    : [];
  return top.map((m) => {
    const t = names.find((n) => n.id === m.candidate.tenantId);
    return {
      tenantId: m.candidate.tenantId,
      name: t?.name ?? '',
      type: t?.type ?? 'partner',
      regionCode: t?.regionCode ?? null,
      score: m.score,
      reasons: m.reasons.map((r) => reasonView(ctx, r)),
    };
  });
}

/**
 * How well a tenant fits each of some other tenants, with the explanation of
 * the best pairing: the tenant's published potentials against the others'
 * potentials and partner profiles, and (for a partner, which has no
 * potentials) the others' potentials against its profile. Used to rank whom a
 * delegation should meet at a forum, and to weigh meetings in the schedule.
 */
export async function pairScores(ctx: Ctx, tenantId: string, others: string[]) {
  const out = new Map<string, { score: number; reasons: ReturnType<typeof present>['reasons'] }>();
  if (others.length === 0) return out;
  const todayIso = today(ctx);
  const now = ctx.now();
  const all = [tenantId, ...others];
  const result = await ctx.db.execute(sql`
    select json_agg(${CANDIDATE_JSON})::text as rows from ${matchCandidates} m
    where m.tenant_id = any(${textArray(all)}::text[]) and m.expires_on >= ${todayIso}::date`);
  const json = (result as unknown as { rows: { rows: string | null }[] }).rows[0]?.rows;
  const candidates = (json ? (JSON.parse(json) as CandidateRow[]) : []).map(toCandidate);
  const history = await historyOf(ctx.db, tenantId);
  const targetsOf = async (owner: string) => {
    const ids = candidates
      .filter((c) => c.tenantId === owner && c.type === 'potential')
      .map((c) => c.id);
    const targets: Target[] = [];
    for (const id of ids.slice(0, 10)) {
      const t = await loadTarget(ctx.db, id, owner, todayIso);
      if (t) targets.push(t);
    }
    return targets;
  };
  const keep = (other: string, m: Match) => {
    const prev = out.get(other);
    if (!prev || m.score > prev.score)
      out.set(other, { score: m.score, reasons: present(ctx, m).reasons });
  };
  // its potentials against the others' potentials and profiles
  for (const target of await targetsOf(tenantId))
    for (const c of candidates)
      if (c.tenantId !== tenantId && isCandidate(target, c))
        keep(
          c.tenantId,
          score(target, c, { now, labels: LABELS, history: history.get(c.tenantId) }),
        );
  // the others' potentials against its own profile (a partner's)
  const own = candidates.filter((c) => c.tenantId === tenantId && c.type === 'partner');
  if (own.length)
    for (const other of others)
      for (const target of await targetsOf(other))
        for (const c of own)
          if (isCandidate(target, c))
            keep(
              other,
              score(target, c, {
                now,
                labels: LABELS,
                history: history.get(other),
                reader: 'candidate',
              }),
            );
  return out;
}
