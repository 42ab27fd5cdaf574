import { and, arrayOverlaps, eq, gte, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { interests, potentials, regions, tenantProfiles, tenants } from '../../db/schema';
import { authorize } from '../identity/access';
import type { Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import { vocabularyByName } from '../reference/vocabularies';
import { rank, type Candidate, type History, type Labels, type Match, type Target } from '../matching/score';
import { PARTNER_KIND_TO_COOPERATION } from '../matching/weights';

/**
 * Matching as a request: load the target, prefilter candidates in SQL with the
 * GIN-indexed array overlaps (a candidate shares at least one issue or affair),
 * load past cooperation, then rank in memory with the pure scorer. Nothing is
 * precomputed or cached across requests, so a change shows in the next request
 * and a fresh Worker isolate answers at once.
 */
const term = (vocabulary: string) => (code: string) => {
  const t = vocabularyByName(vocabulary)?.terms.find((x) => x.code === code);
  return t ? { id: t.id.toLowerCase(), en: t.en.toLowerCase() } : { id: code, en: code };
};
export const LABELS: Labels = { affairs: term('affairs'), issues: term('strategic-issues') };

type Db = Ctx['db'];
const today = (ctx: Ctx) => ctx.now().toISOString().slice(0, 10);

async function loadTarget(db: Db, potentialId: string, tenantId: string, todayIso: string): Promise<Target | null> {
  const [row] = await db
    .select({ p: potentials, islandGroup: regions.islandGroup, neighbours: tenantProfiles.neighbours })
    .from(potentials)
    .innerJoin(regions, eq(regions.code, potentials.regionCode))
    .leftJoin(tenantProfiles, eq(tenantProfiles.tenantId, potentials.tenantId))
    .where(and(eq(potentials.id, potentialId), eq(potentials.tenantId, tenantId)));
  if (!row || row.p.status !== 'published' || row.p.expiresOn < todayIso) return null;
  const p = row.p;
  return {
    id: p.id, tenantId: p.tenantId, regionCode: p.regionCode, provinceCode: p.provinceCode, islandGroup: row.islandGroup, direction: p.direction,
    affairs: p.affairs, issues: p.issues, cooperationKinds: p.cooperationKinds, mandatory: p.mandatory, valueIdr: p.valueIdr, neighbours: row.neighbours ?? [],
  };
}

export type CandidateFilter = { candidateType?: 'partner' | 'region'; province?: string };

async function regionCandidates(db: Db, target: Target, todayIso: string, f: CandidateFilter): Promise<Candidate[]> {
  if (!target.cooperationKinds.includes('KSDD') || f.candidateType === 'partner') return [];
  const overlap = or(target.issues.length ? arrayOverlaps(potentials.issues, target.issues) : undefined, target.affairs.length ? arrayOverlaps(potentials.affairs, target.affairs) : undefined);
  if (!overlap) return [];
  const rows = await db
    .select({ p: potentials, islandGroup: regions.islandGroup, autonomous: regions.autonomous })
    .from(potentials)
    .innerJoin(regions, eq(regions.code, potentials.regionCode))
    .where(and(eq(potentials.status, 'published'), gte(potentials.expiresOn, todayIso), ne(potentials.tenantId, target.tenantId), eq(regions.autonomous, true), arrayOverlaps(potentials.cooperationKinds, ['KSDD']), f.province ? eq(potentials.provinceCode, f.province) : undefined, overlap));
  return rows.map(({ p, islandGroup, autonomous }) => ({
    type: 'potential', id: p.id, tenantId: p.tenantId, title: p.title, regionCode: p.regionCode, provinceCode: p.provinceCode, islandGroup, autonomous,
    direction: p.direction, affairs: p.affairs, issues: p.issues, cooperationKinds: p.cooperationKinds, valueIdr: p.valueIdr, updatedAt: p.updatedAt,
  }));
}

async function partnerCandidates(db: Db, target: Target, f: CandidateFilter): Promise<Candidate[]> {
  if (f.candidateType === 'region') return [];
  const kinds = Object.entries(PARTNER_KIND_TO_COOPERATION).filter(([, k]) => target.cooperationKinds.includes(k)).map(([kind]) => kind);
  const overlap = or(target.issues.length ? arrayOverlaps(tenantProfiles.issues, target.issues) : undefined, target.affairs.length ? arrayOverlaps(tenantProfiles.affairs, target.affairs) : undefined);
  if (kinds.length === 0 || !overlap) return [];
  const province: SQL | undefined = f.province
    ? sql`exists (select 1 from unnest(${tenantProfiles.regionsOfInterest}) as r where r = ${f.province} or r like ${f.province + '.%'})`
    : undefined;
  const rows = await db
    .select({ t: tenants, p: tenantProfiles })
    .from(tenants)
    .innerJoin(tenantProfiles, eq(tenantProfiles.tenantId, tenants.id))
    .where(and(eq(tenants.type, 'partner'), eq(tenants.status, 'active'), inArray(tenants.partnerKind, kinds), province, overlap));
  return rows.map(({ t, p }) => ({
    type: 'partner', id: t.id, tenantId: t.id, name: t.name, partnerKind: t.partnerKind ?? 'company', affairs: p.affairs, issues: p.issues, offers: p.offers,
    regionsOfInterest: p.regionsOfInterest, engagementMinIdr: p.engagementMinIdr, engagementMaxIdr: p.engagementMaxIdr, updatedAt: p.updatedAt,
  }));
}

/** Accepted and declined interests between this tenant and others, either way. */
async function historyOf(db: Db, tenantId: string): Promise<Map<string, History>> {
  const rows = await db
    .select({ owner: interests.ownerTenantId, from: interests.fromTenantId, status: interests.status, n: sql<number>`count(*)::int` })
    .from(interests)
    .where(or(eq(interests.ownerTenantId, tenantId), eq(interests.fromTenantId, tenantId)))
    .groupBy(interests.ownerTenantId, interests.fromTenantId, interests.status);
  const out = new Map<string, History>();
  for (const r of rows) {
    const other = r.owner === tenantId ? r.from : r.owner;
    const h = out.get(other) ?? { accepted: 0, declined: 0, agreements: 0 };
    if (r.status === 'accepted') h.accepted += Number(r.n);
    if (r.status === 'declined') h.declined += Number(r.n);
    out.set(other, h);
  }
  return out;
}

function present(ctx: Ctx, m: Match) {
  const c = m.candidate;
  return {
    score: m.score,
    candidate:
      c.type === 'potential'
        ? { type: 'region' as const, tenantId: c.tenantId, potentialId: c.id, name: c.title, regionCode: c.regionCode, provinceCode: c.provinceCode, direction: c.direction }
        : { type: 'partner' as const, tenantId: c.tenantId, potentialId: null, name: c.name, regionCode: null, provinceCode: null, direction: null, partnerKind: c.partnerKind },
    components: m.components,
    reasons: m.reasons.map((r) => ({ component: r.component, text: ctx.lang === 'en' ? r.en : r.id, id: r.id, en: r.en })),
  };
}

/** Ranked candidates for a published potential: its owner and the facilitating province may ask. */
export async function matchesForPotential({ ctx, input }: { ctx: Ctx; input: CandidateFilter & { tenantId: string; potentialId: string; limit: number; cursor?: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'potentials.read');
  const { limit, cursor, tenantId: _t, potentialId, ...filters } = input;
  const offset = Number(decodeCursor(cursor, { potentialId, ...filters })?.[0] ?? 0);
  const todayIso = today(ctx);
  const target = await loadTarget(ctx.db, potentialId, tenant.id, todayIso);
  if (!target) throw notFound({ key: 'potential.not_found' });
  const [regionCs, partnerCs, history] = await Promise.all([regionCandidates(ctx.db, target, todayIso, filters), partnerCandidates(ctx.db, target, filters), historyOf(ctx.db, tenant.id)]);
  const ranked = rank(target, [...regionCs, ...partnerCs], { now: ctx.now(), labels: LABELS, history, explain: offset + limit });
  const page = ranked.slice(offset, offset + limit);
  return { data: page.map((m) => present(ctx, m)), total: ranked.length, nextCursor: offset + limit < ranked.length ? encodeCursor([String(offset + limit)], { potentialId, ...filters }) : null };
}

/**
 * Published potentials that fit a tenant. A partner is scored as a candidate
 * against every potential open to its kind; a region's best own published
 * potential is scored against other regions' potentials.
 */
export async function recommendationsFor({ ctx, input }: { ctx: Ctx; input: { tenantId: string; limit: number; cursor?: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'tenant.read');
  const offset = Number(decodeCursor(input.cursor, { tenantId: tenant.id })?.[0] ?? 0);
  const todayIso = today(ctx);
  let own: Candidate[] = [];
  if (tenant.type === 'partner') {
    const [p] = await ctx.db.select().from(tenantProfiles).where(eq(tenantProfiles.tenantId, tenant.id));
    if (p) own = [{ type: 'partner', id: tenant.id, tenantId: tenant.id, name: tenant.name, partnerKind: tenant.partnerKind ?? 'company', affairs: p.affairs, issues: p.issues, offers: p.offers, regionsOfInterest: p.regionsOfInterest, engagementMinIdr: p.engagementMinIdr, engagementMaxIdr: p.engagementMaxIdr, updatedAt: p.updatedAt }];
  } else {
    const rows = await ctx.db
      .select({ p: potentials, islandGroup: regions.islandGroup, autonomous: regions.autonomous })
      .from(potentials)
      .innerJoin(regions, eq(regions.code, potentials.regionCode))
      .where(and(eq(potentials.tenantId, tenant.id), eq(potentials.status, 'published'), gte(potentials.expiresOn, todayIso)));
    own = rows.map(({ p, islandGroup, autonomous }) => ({ type: 'potential', id: p.id, tenantId: p.tenantId, title: p.title, regionCode: p.regionCode, provinceCode: p.provinceCode, islandGroup, autonomous, direction: p.direction, affairs: p.affairs, issues: p.issues, cooperationKinds: p.cooperationKinds, valueIdr: p.valueIdr, updatedAt: p.updatedAt }));
  }
  const issues = [...new Set(own.flatMap((c) => c.issues))];
  const affairs = [...new Set(own.flatMap((c) => c.affairs))];
  const overlap = or(issues.length ? arrayOverlaps(potentials.issues, issues) : undefined, affairs.length ? arrayOverlaps(potentials.affairs, affairs) : undefined);
  if (own.length === 0 || !overlap) return { data: [], total: 0, nextCursor: null };
  const targetRows = await ctx.db
    .select({ p: potentials, islandGroup: regions.islandGroup, neighbours: tenantProfiles.neighbours })
    .from(potentials)
    .innerJoin(regions, eq(regions.code, potentials.regionCode))
    .leftJoin(tenantProfiles, eq(tenantProfiles.tenantId, potentials.tenantId))
    .where(and(eq(potentials.status, 'published'), gte(potentials.expiresOn, todayIso), ne(potentials.tenantId, tenant.id), overlap));
  const history = await historyOf(ctx.db, tenant.id);
  const scored = targetRows
    .map(({ p, islandGroup, neighbours }) => {
      const target: Target = { id: p.id, tenantId: p.tenantId, regionCode: p.regionCode, provinceCode: p.provinceCode, islandGroup, direction: p.direction, affairs: p.affairs, issues: p.issues, cooperationKinds: p.cooperationKinds, mandatory: p.mandatory, valueIdr: p.valueIdr, neighbours: neighbours ?? [] };
      const best = rank(target, own, { now: ctx.now(), labels: LABELS, history: new Map([[tenant.id, history.get(p.tenantId) ?? { accepted: 0, declined: 0, agreements: 0 }]]) })[0];
      return best ? { potential: { id: p.id, title: p.title, regionCode: p.regionCode, provinceCode: p.provinceCode, direction: p.direction, tenantId: p.tenantId }, match: best } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null && x.match.score > 0)
    .sort((a, b) => b.match.score - a.match.score || (a.potential.id < b.potential.id ? -1 : 1));
  const page = scored.slice(offset, offset + input.limit);
  return {
    data: page.map(({ potential, match }) => ({ potential, score: match.score, components: match.components, reasons: match.reasons.map((r) => ({ component: r.component, text: ctx.lang === 'en' ? r.en : r.id, id: r.id, en: r.en })) })),
    total: scored.length,
    nextCursor: offset + input.limit < scored.length ? encodeCursor([String(offset + input.limit)], { tenantId: tenant.id }) : null,
  };
}
