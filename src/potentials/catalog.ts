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
  catalogWords,
  potentials,
  regions,
  tenantProfiles,
  tenants,
} from '../../db/schema';
import { type Ctx, today } from '../platform/context';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { boundedTotal, countUpTo, decodeOffsetCursor, pageOf } from '../platform/pagination';
import { textArray } from '../platform/pg-arrays';
import { rowsOf } from '../platform/rows';
import { searchForm } from '../reference/geography';
import { regulationsFor } from '../reference/regulations';
import { termCodes, vocabularyByName } from '../reference/vocabularies';
import { alternativesOf, correctionsOf, expandQuery, type QueryGroup } from '../search/query';

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

/** The text part of a search: the expanded query and, when full text alone found nothing, the typo corrections per group. */
type TextQuery = { groups: QueryGroup[]; typos?: Map<number, string[]> };

const textQueryOf = (f: CatalogFilters): TextQuery | null => {
  const groups = f.q ? expandQuery(f.q) : [];
  return groups.length ? { groups } : null;
};

type Part = 'required' | 'optional' | 'ranked';

/**
 * The tsquery: every required group (AND), each any of its alternatives (OR)
 * — the thesaurus's terms as Indonesian phrases, the typed words also stemmed
 * as English, the typo fallback's corrections. `optional` instead ORs the
 * optional groups; `ranked` keeps the required groups that are not negated
 * (what the title and the activity are ranked on).
 */
function tsqueryOf(t: TextQuery, part: Part = 'required'): SQL | null {
  const parts = t.groups.flatMap((g, i) => {
    if (g.optional !== (part === 'optional') || (part === 'ranked' && g.negated)) return [];
    const alternatives = [
      ...[...g.alternatives, ...(t.typos?.get(i) ?? [])].map(
        (a) => sql`phraseto_tsquery('indonesian', ${a})`,
      ),
      sql`phraseto_tsquery('english', ${g.typed})`,
    ];
    const any = sql`(${sql.join(alternatives, sql` || `)})`;
    return [g.negated ? sql`!!${any}` : any];
  });
  if (parts.length === 0) return null;
  return sql`(${sql.join(parts, part === 'optional' ? sql` || ` : sql` && `)})`;
}

export const entries = catalogEntries;

/**
 * Relevance, in two tiers. First the potentials whose title or activity hold
 * every word asked for (the "head"), by `ts_rank` over those two fields (title
 * weighted above activity, frequency), raised by the optional words found there;
 * then those that hold a word only elsewhere (background, outcome, labels,
 * place), newest first, with score 0. Each tier is answered by an index
 * (the head's GIN and the newest-first btree) without ranking every match,
 * which on the national catalogue costs more than the whole target.
 */
function headOf(t: TextQuery) {
  const ranked = tsqueryOf(t, 'ranked');
  if (!ranked) return null;
  const optional = tsqueryOf(t, 'optional');
  const score = optional
    ? sql<number>`(ts_rank(${entries.headVector}, ${ranked}) + 0.5 * ts_rank(${entries.headVector}, ${optional}))`
    : sql<number>`ts_rank(${entries.headVector}, ${ranked})`;
  return { match: sql`${entries.headVector} @@ ${ranked}`, score };
}

/** The catalogue's conditions, over its narrow projection (`catalog_entries`: published potentials only). */
export function where(ctx: Ctx, f: CatalogFilters, text: TextQuery | null = null): SQL {
  const todayIso = today(ctx);
  const conditions: (SQL | undefined)[] = [
    gte(entries.expiresOn, f.expiresAfter && f.expiresAfter > todayIso ? f.expiresAfter : todayIso),
    f.province ? eq(entries.provinceCode, f.province) : undefined,
    f.region ? eq(entries.regionCode, f.region) : undefined,
    f.direction ? eq(entries.direction, f.direction) : undefined,
    f.kind?.length ? arrayOverlaps(entries.cooperationKinds, f.kind) : undefined,
    f.affairs?.length ? arrayOverlaps(entries.affairs, f.affairs) : undefined,
    f.issues?.length ? arrayOverlaps(entries.issues, f.issues) : undefined,
    f.model ? eq(entries.model, f.model) : undefined,
    f.valueMin !== undefined ? gte(entries.valueIdr, f.valueMin) : undefined,
    f.valueMax !== undefined ? lte(entries.valueIdr, f.valueMax) : undefined,
    text ? sql`${entries.searchVector} @@ ${tsqueryOf(text)}` : undefined,
  ];
  return and(...conditions)!;
}

/**
 * For each single typed word of the query (five letters or more, required, not
 * negated): the catalogue's words it is taken to be a typo of
 * (`correctionsOf`: within a few edits, the closest only), found among the
 * trigram-similar words of the word list (indexed), with what the thesaurus
 * adds to them. The corrections are then searched by their stems like any word.
 */
async function typoCorrections(
  db: Ctx['db'],
  groups: QueryGroup[],
): Promise<Map<number, string[]>> {
  const asked = groups
    .map((g, i) => ({ i, word: g.typed }))
    .filter(
      ({ i, word }) =>
        !groups[i]!.negated && !groups[i]!.optional && !word.includes(' ') && word.length >= 5,
    );
  const out = new Map<number, string[]>();
  if (asked.length === 0) return out;
  const result = await rowsOf<{ n: number; word: string }>(
    db,
    sql`
    select t.n::int as n, w.word
    from unnest(${textArray(asked.map((a) => a.word))}::text[]) with ordinality as t(term, n)
    join ${catalogWords} w on w.word % t.term`,
  );
  const similar = new Map<number, string[]>();
  for (const r of result) similar.set(Number(r.n), [...(similar.get(Number(r.n)) ?? []), r.word]);
  for (const [n, words] of similar) {
    const { i, word } = asked[n - 1]!;
    const corrected = correctionsOf(word, words);
    if (corrected.length) out.set(i, [...new Set(corrected.flatMap((w) => alternativesOf(w)))]);
  }
  return out;
}

/**
 * Runs `work` with the text query as the search means it: full text alone
 * when that finds anything, else once more with the typo corrections. The
 * search, the facets and the export all decide it here, by `total` — counted
 * before paging, so the choice never depends on the page size.
 */
async function withTypoFallback<T extends { total: number }>(
  ctx: Ctx,
  f: CatalogFilters,
  work: (text: TextQuery | null) => Promise<T>,
): Promise<T & { text: TextQuery | null }> {
  const text = textQueryOf(f);
  const first = await work(text);
  if (first.total > 0 || !text) return { ...first, text };
  const typos = await typoCorrections(ctx.db, text.groups);
  if (typos.size === 0) return { ...first, text };
  const widened = { ...text, typos };
  return { ...(await work(widened)), text: widened };
}

/** The text query as the search runs it, by whether anything matches. */
export async function resolveText(ctx: Ctx, f: CatalogFilters) {
  return withTypoFallback(ctx, f, async (text) => ({
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

type PageEntry = { id: string; score: number | null };

/**
 * The page's entries in order and the total. A text search ranks in two tiers
 * (`headOf`): the head's best `offset + limit + 1` by the head's GIN, then, if
 * the page reaches past the head, the rest newest first along the btree; its
 * total is counted up to `COUNT_BOUND`. Without text, one pass over the
 * entries gives the page and the exact total (a window).
 */
async function pageEntries(
  ctx: Ctx,
  f: CatalogFilters,
  text: TextQuery | null,
  sort: Sort,
  offset: number,
  limit: number,
): Promise<{ entries: PageEntry[]; total: number }> {
  const w = where(ctx, f, text);
  const newest = [desc(entries.publishedAt), asc(entries.id)];
  const order =
    sort === 'value' ? [sql`${entries.valueIdr} desc nulls last`, asc(entries.id)] : newest;
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
  const [page, total] = await Promise.all([chosen(), countUpTo(ctx.db, entries, w)]);
  return { entries: page, total };
}

export async function searchCatalog({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CatalogFilters & { sort?: Sort; limit: number; cursor?: string };
}) {
  const { limit, cursor, sort: requested, ...filters } = input;
  await validateFilters(ctx, filters);
  const sort: Sort = requested ?? (filters.q ? 'relevance' : 'newest');
  const offset = decodeOffsetCursor(cursor, { ...filters, sort });
  const {
    entries: chosen,
    total,
    text,
  } = await withTypoFallback(ctx, filters, (text) =>
    pageEntries(ctx, filters, text, sort, offset, limit),
  );
  const columns = chosen.length
    ? await ctx.db
        .select(publicColumns)
        .from(potentials)
        .innerJoin(region, eq(region.code, potentials.regionCode))
        .where(
          inArray(
            potentials.id,
            chosen.map((c) => c.id),
          ),
        )
    : [];
  const byId = new Map(columns.map((c) => [c.id, c]));
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
    ...(text ? boundedTotal(total) : { total, totalIsLowerBound: false }),
    sort,
  };
}

const label = (ctx: Ctx, vocabulary: string, code: string) => {
  const term = vocabularyByName(vocabulary)?.terms.find((t) => t.code === code);
  return term ? (ctx.lang === 'en' ? term.en : term.id) : code;
};

/** Counts per value of each filter over the matching potentials: "Pariwisata (42)". */
export async function catalogFacets({ ctx, input }: { ctx: Ctx; input: CatalogFilters }) {
  await validateFilters(ctx, input);
  const { text } = await resolveText(ctx, input);
  const w = where(ctx, input, text);
  const unnestCounts = async (db: Ctx['db'], column: SQL, vocabulary: string) => {
    const rows = await rowsOf<{ code: string; n: number }>(
      db,
      sql`select v as code, count(*)::int as n from ${entries}, unnest(${column}) as v where ${w} group by v order by n desc, v`,
    );
    return rows.map((r) => ({
      code: r.code,
      label: label(ctx, vocabulary, r.code),
      count: Number(r.n),
    }));
  };
  const run = async (db: Ctx['db']) => {
    const [directions, models, provinces, affairs, issues, kinds, total] = await Promise.all([
      db
        .select({ code: entries.direction, n: count() })
        .from(entries)
        .where(w)
        .groupBy(entries.direction),
      db.select({ code: entries.model, n: count() }).from(entries).where(w).groupBy(entries.model),
      db
        .select({ code: entries.provinceCode, name: region.name, n: count() })
        .from(entries)
        .innerJoin(region, eq(region.code, entries.provinceCode))
        .where(w)
        .groupBy(entries.provinceCode, region.name),
      unnestCounts(db, sql`${entries.affairs}`, 'affairs'),
      unnestCounts(db, sql`${entries.issues}`, 'strategic-issues'),
      unnestCounts(db, sql`${entries.cooperationKinds}`, 'cooperation-kinds'),
      db.select({ n: count() }).from(entries).where(w),
    ]);
    const dirLabel = (d: string) =>
      ctx.lang === 'en'
        ? d === 'offer'
          ? 'Offer'
          : 'Need'
        : d === 'offer'
          ? 'Penawaran'
          : 'Kebutuhan';
    return {
      total: total[0]?.n ?? 0,
      direction: directions.map((r) => ({ code: r.code, label: dirLabel(r.code), count: r.n })),
      kind: kinds,
      affairs,
      issues,
      model: models
        .filter((r) => r.code)
        .map((r) => ({
          code: r.code!,
          label: label(ctx, 'cooperation-models', r.code!),
          count: r.n,
        })),
      province: provinces
        .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code))
        .map((r) => ({ code: r.code, label: r.name, count: r.n })),
    };
  };
  return run(ctx.db);
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
