import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { potentials, potentialTargets, regions, tenantProfiles, tenants } from '../../db/schema';
import { type TenantRow } from '../identity/access';
import { type Ctx, today } from '../platform/context';
import { encodeCursor } from '../platform/pagination';
import { rowsFrom } from '../platform/rows';
import { islandGroupOf } from '../reference/geography';
import { canonicalCode, canonicalCodes, vocabularyByName } from '../reference/vocabularies';
import { bestBounds, type CandidateFacts } from '../scoring/bounds';
import {
  cooperationKindOf,
  freshnessValue,
  GEOGRAPHY_CASES,
  historyValue,
  isCandidate,
  mayBeMandatoryWith,
  rank,
  score,
  scoreValue,
  tenths,
} from '../scoring/score';
import { type Candidate, type Match, type Target } from '../scoring/types';
import {
  historyOf,
  labelsWithRegions,
  loadTarget,
  maskOf,
  reasonView,
  topCandidates,
} from './candidates';

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
  const neighbouring = new Set(neighbourTenants);
  const geography = geographyOf(own[0]!, neighbouring);
  const bounds = rows.flatMap((r) => {
    const [id, tenantId, regionCode, issueMask, affairMask, flags] = r;
    // a mandatory potential is suggested only to the regions it can be mandatory with
    if (
      (flags & 2) === 2 &&
      !(
        tenant.type === 'region' &&
        mayBeMandatoryWith(
          { regionCode, neighbours: neighbouring.has(tenantId) ? [tenant.regionCode!] : [] },
          tenant.regionCode!,
        )
      )
    )
      return [];
    const b = bestBounds(
      {
        issueMask,
        affairMask,
        offer: (flags & 1) === 1,
        mandatory: (flags & 2) === 2,
        valued: (flags & 4) === 4,
        geography: geography(r),
        history: tenths('history', historyValue(history.get(tenantId))),
      },
      candidates,
    );
    return b ? [{ id, ...b }] : [];
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
  const labels = await labelsWithRegions(ctx.db);
  const data = ranked.slice(offset, offset + limit).map(({ row, target, best }) => {
    const match = score(target, best.candidate, {
      now,
      labels,
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

/** A `potential_targets` row as `compactRows` reads it; flags: 1 offer, 2 mandatory, 4 states a value. */
type CompactRow = [
  id: string,
  tenantId: string,
  regionCode: string,
  issueMask: number,
  affairMask: number,
  flags: number,
];

/** The geography case of a row toward the candidates, as `geographyCase` decides it (index in GEOGRAPHY_CASES). */
function geographyOf(candidate: Candidate, neighbourTenants: Set<string>) {
  const index = (g: (typeof GEOGRAPHY_CASES)[number]) => GEOGRAPHY_CASES.indexOf(g);
  if (candidate.type === 'partner') {
    const roi = new Set(candidate.regionsOfInterest);
    return ([, , regionCode]: CompactRow) =>
      roi.has(regionCode)
        ? index('interest_region')
        : roi.has(regionCode.slice(0, 2))
          ? index('interest_province')
          : roi.size === 0
            ? index('open')
            : index('interest_elsewhere');
  }
  return ([, tenantId, regionCode]: CompactRow) =>
    neighbourTenants.has(tenantId)
      ? index('neighbour')
      : regionCode.slice(0, 2) === candidate.provinceCode
        ? index('province')
        : islandGroupOf(regionCode) === candidate.islandGroup
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
  const text = rowsFrom<{ rows: string | null }>(result)[0]?.rows;
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
    const { matches } = rank(target, candidates, {
      now,
      labels: await labelsWithRegions(ctx.db),
      history,
      limit: k,
    });
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
