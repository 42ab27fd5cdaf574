import {
  and,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  lte,
  not,
  type SQL,
  sql,
} from 'drizzle-orm';
import {
  catalogEntries,
  catalogTotals,
  potentials,
  regions,
  tenantProfiles,
  tenants,
} from '../../db/schema';
import { type Ctx, today } from '../platform/context';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { OPEN_DATA_MARK } from '../platform/open-data-cache';
import { boundedTotal, countUpTo, decodeOffsetCursor, pageOf } from '../platform/pagination';
import { rowsOf } from '../platform/rows';
import { searchForm } from '../reference/geography';
import { regulationsFor } from '../reference/regulations';
import { termCodes } from '../reference/vocabularies';
import { expandQuery } from '../search/query';
import {
  headOf,
  isRanked,
  rankedOrder,
  rankedTiers,
  type TextQuery,
  textCondition,
  tierOrder,
  withTypoFallback,
} from './catalog-text';

/**
 * The public catalogue: published, unexpired potentials only. A query is
 * expanded with the thesaurus (src/search/thesaurus.ts: abbreviations, near
 * terms, English words) into groups of alternatives and matched by full text:
 * Indonesian stems, the English labels stemmed as English, place names. Only
 * when that finds nothing does the typo fallback add, per typed word, the
 * catalogue's words within a few edits of it (`typoCorrections`). Either way
 * the whole result set is decided before paging, so results and `total` do
 * not depend on the page size.
 */
export type CatalogFilters = {
  q?: string;
  province?: string;
  region?: string;
  direction?: 'offer' | 'need';
  kind?: string[];
  affairs?: string[];
  issues?: string[];
  model?: string;
  valueMin?: number;
  valueMax?: number;
  expiresAfter?: string;
};

export async function validateFilters(ctx: Ctx, f: CatalogFilters): Promise<void> {
  const errors: RaisedFieldError[] = [];
  const vocab = (param: string, vocabulary: string, values: string[] | undefined) =>
    values?.forEach((v, i) => {
      if (!termCodes(vocabulary).has(v))
        errors.push({
          location: `query.${param}${values.length > 1 ? `.${i}` : ''}`,
          message: fieldMessage('potentials.unknown_code', { v }),
        });
    });
  vocab('kind', 'cooperation-kinds', f.kind);
  vocab('affairs', 'affairs', f.affairs);
  vocab('issues', 'strategic-issues', f.issues);
  vocab('model', 'cooperation-models', f.model ? [f.model] : undefined);
  const codes = [f.province, f.region].filter((c): c is string => !!c);
  if (codes.length) {
    const known = new Set(
      (
        await ctx.db
          .select({ code: regions.code })
          .from(regions)
          .where(inArray(regions.code, codes))
      ).map((r) => r.code),
    );
    if (f.province && !known.has(f.province))
      errors.push({
        location: 'query.province',
        message: fieldMessage('potentials.unknown_province'),
      });
    if (f.region && !known.has(f.region))
      errors.push({
        location: 'query.region',
        message: fieldMessage('potentials.unknown_region'),
      });
  }
  if (f.q !== undefined && expandQuery(f.q).length === 0)
    errors.push({
      location: 'query.q',
      message: fieldMessage('potentials.has_no_word_search_for'),
    });
  if (f.valueMin !== undefined && f.valueMax !== undefined && f.valueMin > f.valueMax)
    errors.push({
      location: 'query.valueMax',
      message: fieldMessage('potentials.must_not_below_valuemin'),
    });
  if (errors.length) throw badRequest({ key: 'catalog.invalid_filters' }, errors);
}
export const region = regions;

export const entries = catalogEntries;

/** The first day an entry must still be current on: today, or a later `expiresAfter`. */
const currentOn = (ctx: Ctx, f: CatalogFilters) => {
  const todayIso = today(ctx);
  return f.expiresAfter && f.expiresAfter > todayIso ? f.expiresAfter : todayIso;
};

/** Whether the filters ask for the whole current catalogue (no text, no filter but the day). */
export const isWholeCatalogue = (f: CatalogFilters) =>
  !f.q &&
  !f.province &&
  !f.region &&
  !f.direction &&
  !f.kind?.length &&
  !f.affairs?.length &&
  !f.issues?.length &&
  !f.model &&
  f.valueMin === undefined &&
  f.valueMax === undefined;

/**
 * The whole current catalogue's size and facet packs summed, from
 * `catalog_totals` (kept per expiry day by a trigger): a few rows instead of
 * every entry. With the open-data version the facets read their slots by.
 */
export async function wholeCatalogue(ctx: Ctx, f: CatalogFilters) {
  const [row] = await rowsOf<{
    pack: string;
    n: number;
    unpacked: number;
    version: string | null;
  }>(
    ctx.db,
    sql`select coalesce(sum(${catalogTotals.pack}), 0)::text as pack,
        coalesce(sum(${catalogTotals.entries}), 0)::int as n,
        coalesce(sum(${catalogTotals.unpacked}), 0)::int as unpacked,
        ${OPEN_DATA_MARK} as version
      from ${catalogTotals} where ${catalogTotals.expiresOn} >= ${currentOn(ctx, f)}`,
  );
  return {
    pack: row!.pack,
    n: Number(row!.n),
    unpacked: Number(row!.unpacked),
    version: row!.version,
  };
}

/** The catalogue's conditions, over its narrow projection (`catalog_entries`: published potentials only). */
export function where(ctx: Ctx, f: CatalogFilters, text: TextQuery | null = null): SQL {
  const conditions: (SQL | undefined)[] = [
    gte(entries.expiresOn, currentOn(ctx, f)),
    f.province ? eq(entries.provinceCode, f.province) : undefined,
    f.region ? eq(entries.regionCode, f.region) : undefined,
    f.direction ? eq(entries.direction, f.direction) : undefined,
    f.kind?.length ? arrayOverlaps(entries.cooperationKinds, f.kind) : undefined,
    f.affairs?.length ? arrayOverlaps(entries.affairs, f.affairs) : undefined,
    f.issues?.length ? arrayOverlaps(entries.issues, f.issues) : undefined,
    f.model ? eq(entries.model, f.model) : undefined,
    f.valueMin !== undefined ? gte(entries.valueIdr, f.valueMin) : undefined,
    f.valueMax !== undefined ? lte(entries.valueIdr, f.valueMax) : undefined,
    text ? textCondition(text) : undefined,
  ];
  return and(...conditions)!;
}

/** The text query as the search runs it, by whether anything matches. */
export async function resolveText(ctx: Ctx, f: CatalogFilters) {
  return withTypoFallback(ctx, f.q, async (text) => ({
    total: await countUpTo(ctx.db, entries, where(ctx, f, text)),
  }));
}

export const publicColumns = {
  id: potentials.id,
  title: potentials.title,
  activity: potentials.activity,
  problem: potentials.problem,
  potential: potentials.potential,
  target: potentials.target,
  process: potentials.process,
  candidatePartner: potentials.candidatePartner,
  candidateReason: potentials.candidateReason,
  outputs: potentials.outputs,
  outcome: potentials.outcome,
  outcomeIndicator: potentials.outcomeIndicator,
  supportBudget: potentials.supportBudget,
  supportPolicy: potentials.supportPolicy,
  supportOther: potentials.supportOther,
  direction: potentials.direction,
  cooperationKinds: potentials.cooperationKinds,
  mandatory: potentials.mandatory,
  mandatoryGround: potentials.mandatoryGround,
  affairs: potentials.affairs,
  issues: potentials.issues,
  model: potentials.model,
  valueIdr: potentials.valueIdr,
  regionCode: potentials.regionCode,
  regionName: region.name,
  provinceCode: potentials.provinceCode,
  districtCode: potentials.districtCode,
  horizon: potentials.horizon,
  object: potentials.object,
  expiresOn: potentials.expiresOn,
  skNumber: potentials.skNumber,
  skDate: potentials.skDate,
  publishedAt: potentials.publishedAt,
  version: potentials.version,
  isDemo: potentials.isDemo,
  tenantId: potentials.tenantId,
};

export type Sort = 'relevance' | 'newest' | 'value';

export type PageEntry = { id: string; score: number | null };

/**
 * The page's entries in order and the total. A text search ranks in two tiers
 * (`headOf`): the head's best `offset + limit + 1` by the head's GIN, then, if
 * the page reaches past the head, the rest newest first along the btree; its
 * total is counted up to `COUNT_BOUND`. Without text, one pass over the
 * entries gives the page and the exact total (a window); the whole
 * catalogue's total is kept (`wholeCatalogue`). `counted`: the matches as the
 * caller already counted them (`browseCatalog`, with its facets), not counted
 * again.
 */
export async function pageEntries(
  ctx: Ctx,
  f: CatalogFilters,
  text: TextQuery | null,
  sort: Sort,
  offset: number,
  limit: number,
  counted?: number,
): Promise<{ entries: PageEntry[]; total: number }> {
  const w = where(ctx, f, text);
  // counted by the caller (`browseCatalog`, with the facets), kept (the whole catalogue), or counted here
  const whole = !text && isWholeCatalogue(f);
  const totalOf = () =>
    counted !== undefined
      ? Promise.resolve(counted)
      : whole
        ? wholeCatalogue(ctx, f).then((c) => c.n)
        : countUpTo(ctx.db, entries, w);
  const newest = [desc(entries.publishedAt), asc(entries.id)];
  const order =
    sort === 'value' ? [sql`${entries.valueIdr} desc nulls last`, asc(entries.id)] : newest;
  if (!text && (counted !== undefined || whole)) {
    // the total known without reading the matches: the page alone
    const [rows, total] = await Promise.all([
      ctx.db
        .select({ id: entries.id })
        .from(entries)
        .where(w)
        .orderBy(...order)
        .limit(limit + 1)
        .offset(offset),
      totalOf(),
    ]);
    return { entries: rows.map((r) => ({ id: r.id, score: null })), total };
  }
  if (!text) {
    const rows = await ctx.db
      .select({ id: entries.id, total: sql<number>`count(*) over ()` })
      .from(entries)
      .where(w)
      .orderBy(...order)
      .limit(limit + 1)
      .offset(offset);
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : offset > 0
          ? ((await ctx.db.select({ n: count() }).from(entries).where(w))[0]?.n ?? 0)
          : 0;
    return { entries: rows.map((r) => ({ id: r.id, score: null })), total };
  }
  const tiers = sort === 'relevance' ? rankedTiers(text) : null;
  if (tiers) {
    // most of the query first, tier by tier, until the page is full
    const wanted = offset + limit + 1;
    const order = tierOrder(text);
    const base = where(ctx, f);
    const chosen: PageEntry[] = [];
    for (const tier of tiers) {
      if (chosen.length >= wanted) break;
      const rows = await ctx.db
        .select({ id: entries.id, score: sql<number>`${tier.coverage}::real + ${order}` })
        .from(entries)
        .where(and(base, tier.condition))
        .orderBy(sql`${order} desc`, ...newest)
        .limit(wanted - chosen.length);
      chosen.push(...rows);
    }
    return { entries: chosen.slice(offset), total: await totalOf() };
  }
  if (isRanked(text)) {
    const ranked = rankedOrder(text);
    const [page, total] = await Promise.all([
      ctx.db
        .select({ id: entries.id, score: ranked.score })
        .from(entries)
        .where(w)
        .orderBy(
          ...(sort === 'relevance'
            ? [sql`${ranked.coverage} desc`, sql`${ranked.within} desc`, ...newest]
            : order),
        )
        .limit(limit + 1)
        .offset(offset),
      totalOf(),
    ]);
    return { entries: page, total };
  }
  const head = headOf(text);
  const select = { id: entries.id, score: head?.score ?? sql<number>`0` };
  const chosen = async (): Promise<PageEntry[]> => {
    if (sort !== 'relevance')
      return ctx.db
        .select(select)
        .from(entries)
        .where(w)
        .orderBy(...order)
        .limit(limit + 1)
        .offset(offset);
    const wanted = offset + limit + 1;
    // the head's words hold every required word unless a word is negated, which only the whole text can tell
    const top = head
      ? await ctx.db
          .select(select)
          .from(entries)
          .where(and(head.match, text.groups.some((g) => g.negated) ? w : where(ctx, f)))
          .orderBy(sql`${head.score} desc`, ...newest)
          .limit(wanted)
      : [];
    if (top.length === wanted) return top.slice(offset);
    const rest = await ctx.db
      .select({ id: entries.id, score: sql<number>`0` })
      .from(entries)
      .where(head ? and(w, not(head.match)) : w)
      .orderBy(...newest)
      .limit(wanted - Math.max(top.length, offset))
      .offset(Math.max(0, offset - top.length));
    return [...top.slice(offset), ...rest];
  };
  const [page, total] = await Promise.all([chosen(), totalOf()]);
  return { entries: page, total };
}

export type SearchInput = CatalogFilters & { sort?: Sort; limit: number; cursor?: string };

/** The search's sort, page offset and filters, from its input. */
export function searchRequest(input: SearchInput) {
  const { limit, cursor, sort: requested, ...filters } = input;
  const sort: Sort = requested ?? (filters.q ? 'relevance' : 'newest');
  return { filters, sort, limit, offset: decodeOffsetCursor(cursor, { ...filters, sort }) };
}

export async function searchCatalog({ ctx, input }: { ctx: Ctx; input: SearchInput }) {
  return search(ctx, input, readPublic(ctx));
}

/** The same search, each potential as a card of the public pages shows it (`cardColumns`). */
export async function searchCards({ ctx, input }: { ctx: Ctx; input: SearchInput }) {
  return search(ctx, input, readCards(ctx));
}

async function search<R extends { id: string }>(
  ctx: Ctx,
  input: SearchInput,
  read: (ids: string[]) => Promise<R[]>,
) {
  const request = searchRequest(input);
  await validateFilters(ctx, request.filters);
  const found = await withTypoFallback(ctx, request.filters.q, (text) =>
    pageEntries(ctx, request.filters, text, request.sort, request.offset, request.limit),
  );
  return searchAnswer(request, found, { exact: false, read });
}

/**
 * The search's page once chosen (`pageEntries`): its potentials' rows (these
 * columns) in order, the next cursor and the total (a text search's bounded,
 * unless `exact`).
 */
export async function searchAnswer<R extends { id: string }>(
  { filters, sort, limit, offset }: ReturnType<typeof searchRequest>,
  found: { entries: PageEntry[]; total: number; text: TextQuery | null },
  options: { exact: boolean; read: (ids: string[]) => Promise<R[]> },
) {
  const { entries: chosen, total, text } = found;
  const byId = await rowsById(
    chosen.map((c) => c.id),
    options.read,
  );
  const rows = chosen.flatMap((c) => {
    const row = byId.get(c.id);
    return row ? [{ ...row, score: text ? Math.round(Number(c.score) * 1000) / 1000 : null }] : [];
  });
  const { page, nextCursor } = pageOf(rows, limit, () => String(offset + limit), {
    ...filters,
    sort,
  });
  return {
    data: page,
    nextCursor,
    ...(text && !options.exact ? boundedTotal(total) : { total, totalIsLowerBound: false }),
    sort,
  };
}

export async function getPublishedPotential({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { potentialId: string };
}) {
  const [row] = await ctx.db
    .select(publicColumns)
    .from(potentials)
    .innerJoin(entries, eq(entries.id, potentials.id))
    .innerJoin(region, eq(region.code, potentials.regionCode))
    .where(and(eq(potentials.id, input.potentialId), where(ctx, {})));
  if (!row) throw notFound({ key: 'potential.not_found' });
  return { ...row, regulations: regulationsFor(row.object, row.cooperationKinds) };
}

/** Verified partner organisations and their profiles, for anyone to browse. */
export async function listPublicPartners({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    kind?: string;
    issues?: string[];
    affairs?: string[];
    q?: string;
    limit: number;
    cursor?: string;
  };
}) {
  const { limit, cursor, ...filters } = input;
  const offset = decodeOffsetCursor(cursor, filters);
  const w = and(
    eq(tenants.type, 'partner'),
    eq(tenants.status, 'active'),
    filters.kind ? eq(tenants.partnerKind, filters.kind) : undefined,
    filters.issues?.length ? arrayOverlaps(tenantProfiles.issues, filters.issues) : undefined,
    filters.affairs?.length ? arrayOverlaps(tenantProfiles.affairs, filters.affairs) : undefined,
    filters.q ? sql`lower(${tenants.name}) like ${'%' + searchForm(filters.q) + '%'}` : undefined,
  );
  const rows = await ctx.db
    .select({
      id: tenants.id,
      name: tenants.name,
      kind: tenants.partnerKind,
      website: tenants.website,
      country: tenants.country,
      verifiedAt: tenants.verifiedAt,
      summary: tenantProfiles.summary,
      sectors: tenantProfiles.sectors,
      issues: tenantProfiles.issues,
      affairs: tenantProfiles.affairs,
      regionsOfInterest: tenantProfiles.regionsOfInterest,
      offers: tenantProfiles.offers,
      engagementMinIdr: tenantProfiles.engagementMinIdr,
      engagementMaxIdr: tenantProfiles.engagementMaxIdr,
      isDemo: tenantProfiles.isDemo,
    })
    .from(tenants)
    .leftJoin(tenantProfiles, eq(tenantProfiles.tenantId, tenants.id))
    .where(w)
    .orderBy(asc(tenants.name), asc(tenants.id))
    .limit(limit + 1)
    .offset(offset);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(tenants)
    .leftJoin(tenantProfiles, eq(tenantProfiles.tenantId, tenants.id))
    .where(w);
  const { page, nextCursor } = pageOf(rows, limit, () => String(offset + limit), filters);
  const data = page.map((r) => ({
    ...r,
    sectors: r.sectors ?? [],
    issues: r.issues ?? [],
    affairs: r.affairs ?? [],
    regionsOfInterest: r.regionsOfInterest ?? [],
    isDemo: r.isDemo ?? false,
  }));
  return { data, nextCursor, total: total?.n ?? 0 };
}

/** The published potentials and the regions holding them, newest first: what the sitemap lists. */
export async function publishedForSitemap(ctx: Ctx, limit: number) {
  const rows = await ctx.db
    .select({ id: entries.id, regionCode: entries.regionCode, publishedAt: entries.publishedAt })
    .from(entries)
    .where(where(ctx, {}))
    .orderBy(desc(entries.publishedAt), asc(entries.id))
    .limit(limit);
  return rows;
}

/** What a card on the public pages shows of a potential: a fifth of the public columns. */
const cardColumns = {
  id: potentials.id,
  title: potentials.title,
  activity: potentials.activity,
  direction: potentials.direction,
  regionCode: potentials.regionCode,
  regionName: region.name,
  issues: potentials.issues,
  valueIdr: potentials.valueIdr,
  publishedAt: potentials.publishedAt,
};

/** A page's potentials, read once its order is decided: their public columns, or as cards. */
const readPublic = (ctx: Ctx) => (ids: string[]) =>
  ctx.db
    .select(publicColumns)
    .from(potentials)
    .innerJoin(region, eq(region.code, potentials.regionCode))
    .where(inArray(potentials.id, ids));

export const readCards = (ctx: Ctx) => (ids: string[]) =>
  ctx.db
    .select(cardColumns)
    .from(potentials)
    .innerJoin(region, eq(region.code, potentials.regionCode))
    .where(inArray(potentials.id, ids));

async function rowsById<R extends { id: string }>(
  ids: string[],
  read: (ids: string[]) => Promise<R[]>,
) {
  const rows = ids.length ? await read(ids) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The newest published potentials, as the catalogue shows them, without counting the rest (the home page). */
export async function newestPotentials(ctx: Ctx, limit: number) {
  const newest = await ctx.db
    .select({ id: entries.id })
    .from(entries)
    .where(where(ctx, {}))
    .orderBy(desc(entries.publishedAt), asc(entries.id))
    .limit(limit);
  const byId = await rowsById(
    newest.map((n) => n.id),
    readCards(ctx),
  );
  return newest.flatMap((n) => (byId.has(n.id) ? [byId.get(n.id)!] : []));
}
