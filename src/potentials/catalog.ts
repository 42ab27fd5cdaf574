import { regulationsFor } from '../reference/regulations';
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
  sql,
  type SQL,
} from 'drizzle-orm';
import { catalogWords, regions, potentials, tenantProfiles, tenants } from '../../db/schema';
import type { Tx } from '../../db/client';
import { type Ctx, today } from '../platform/context';
import { badRequest, type RaisedFieldError, notFound } from '../platform/errors';
import { decodeOffsetCursor, pageOf } from '../platform/pagination';
import { searchForm } from '../reference/geography';
import { termCodes, vocabularyByName } from '../reference/vocabularies';

/**
 * The public catalogue: published, unexpired potentials only. Full-text search
 * uses PostgreSQL's `indonesian` configuration (stems "kemiskinan" to "miskin");
 * where the stemmer falls short ("kelola" vs "pengelolaan") and full text finds
 * less than a page, the query is widened with the catalogue's words that are
 * trigram-similar to the search terms (`catalog_words`).
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

const TRGM_THRESHOLD = '0.4';

/** Unknown codes in filters answer 400 naming the parameter, rather than an empty page that looks like "nothing found". */
async function validateFilters(ctx: Ctx, f: CatalogFilters): Promise<void> {
  const errors: RaisedFieldError[] = [];
  const vocab = (param: string, vocabulary: string, values: string[] | undefined) =>
    values?.forEach((v, i) => {
      if (!termCodes(vocabulary).has(v))
        errors.push({
          location: `query.${param}${values.length > 1 ? `.${i}` : ''}`,
          message: { id: `kode ${v} tidak dikenal`, en: `unknown code ${v}` },
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
        message: { id: 'provinsi tidak dikenal', en: 'unknown province' },
      });
    if (f.region && !known.has(f.region))
      errors.push({
        location: 'query.region',
        message: { id: 'wilayah tidak dikenal', en: 'unknown region' },
      });
  }
  if (f.valueMin !== undefined && f.valueMax !== undefined && f.valueMin > f.valueMax)
    errors.push({
      location: 'query.valueMax',
      message: { id: 'tidak boleh lebih kecil dari valueMin', en: 'must not be below valueMin' },
    });
  if (errors.length) throw badRequest({ key: 'potential.invalid_codes' }, errors);
}
const region = regions;

/**
 * Text matching: full text alone (index-backed), or full text OR trigram
 * similarity when full text finds nothing — the fallback for words the
 * stemmer leaves apart.
 */
type TextMode = 'fts' | 'fts+trgm';

function where(ctx: Ctx, f: CatalogFilters, mode: TextMode = 'fts'): SQL {
  const todayIso = today(ctx);
  const q = f.q ? searchForm(f.q) : '';
  const conditions: (SQL | undefined)[] = [
    eq(potentials.status, 'published'),
    gte(
      potentials.expiresOn,
      f.expiresAfter && f.expiresAfter > todayIso ? f.expiresAfter : todayIso,
    ),
    f.province ? eq(potentials.provinceCode, f.province) : undefined,
    f.region ? eq(potentials.regionCode, f.region) : undefined,
    f.direction ? eq(potentials.direction, f.direction) : undefined,
    f.kind?.length ? arrayOverlaps(potentials.cooperationKinds, f.kind) : undefined,
    f.affairs?.length ? arrayOverlaps(potentials.affairs, f.affairs) : undefined,
    f.issues?.length ? arrayOverlaps(potentials.issues, f.issues) : undefined,
    f.model ? eq(potentials.model, f.model) : undefined,
    f.valueMin !== undefined ? gte(potentials.valueIdr, f.valueMin) : undefined,
    f.valueMax !== undefined ? lte(potentials.valueIdr, f.valueMax) : undefined,
    q && mode === 'fts'
      ? sql`${potentials.searchVector} @@ websearch_to_tsquery('indonesian', ${q})`
      : undefined,
    q && mode === 'fts+trgm' ? sql`${potentials.searchVector} @@ ${widenedQuery(q)}` : undefined,
  ];
  return and(...conditions)!;
}

/** The full-text query OR'd with every catalogue word similar (trigram word-similarity) to a search term. */
function widenedQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('indonesian', ${q}) || coalesce((
    select to_tsquery('indonesian', string_agg(distinct ${catalogWords.word}, ' | '))
    from ${catalogWords}, unnest(string_to_array(${q}, ' ')) as term
    where length(term) >= 4 and term <% ${catalogWords.word}
  ), ''::tsquery))`;
}

/** Adds the words of these texts (already in search form) to the catalogue's word list. */
export async function indexWords(tx: Tx | Ctx['db'], texts: string[]): Promise<void> {
  const words = [
    ...new Set(texts.flatMap((t) => t.split(' ')).filter((w) => w.length >= 4 && w.length <= 60)),
  ];
  for (let i = 0; i < words.length; i += 5000) {
    await tx
      .insert(catalogWords)
      .values(words.slice(i, i + 5000).map((word) => ({ word })))
      .onConflictDoNothing();
  }
}

/** Runs `work` with the trigram threshold set for this transaction only. */
async function withTrigram<T>(ctx: Ctx, work: (db: Ctx['db']) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${TRGM_THRESHOLD}, true)`,
    );
    return work(tx as unknown as Ctx['db']);
  });
}

const publicColumns = {
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
  const q = filters.q ? searchForm(filters.q) : '';
  const rankFor = (mode: TextMode) =>
    !q
      ? sql<number>`0`
      : mode === 'fts'
        ? sql<number>`ts_rank_cd(${potentials.searchVector}, websearch_to_tsquery('indonesian', ${q}))`
        : sql<number>`ts_rank_cd(${potentials.searchVector}, ${widenedQuery(q)})`;
  const orderFor = (mode: TextMode) =>
    sort === 'relevance' && q
      ? [desc(rankFor(mode)), desc(potentials.publishedAt), asc(potentials.id)]
      : sort === 'value'
        ? [sql`${potentials.valueIdr} desc nulls last`, asc(potentials.id)]
        : [desc(potentials.publishedAt), asc(potentials.id)];

  const run = async (db: Ctx['db'], mode: TextMode) => {
    // one pass: the page and, through a window, the total
    const rows = await db
      .select({
        ...publicColumns,
        score: rankFor(mode),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(potentials)
      .innerJoin(region, eq(region.code, potentials.regionCode))
      .where(where(ctx, filters, mode))
      .orderBy(...orderFor(mode))
      .limit(limit + 1)
      .offset(offset);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0)
      total =
        (
          await db
            .select({ n: count() })
            .from(potentials)
            .where(where(ctx, filters, mode))
        )[0]?.n ?? 0;
    return { rows, total };
  };
  // the typo fallback only when full text finds nothing: results and total never depend on the page size
  let result = await run(ctx.db, 'fts');
  if (q && result.total === 0) result = await withTrigram(ctx, (db) => run(db, 'fts+trgm'));
  const { rows, total } = result;
  const { page, nextCursor } = pageOf(rows, limit, () => String(offset + limit), {
    ...filters,
    sort,
  });
  return {
    data: page.map(({ total: _total, ...r }) => ({
      ...r,
      score: q ? Math.round(Number(r.score) * 1000) / 1000 : null,
    })),
    nextCursor,
    total,
    sort,
  };
}

const label = (ctx: Ctx, vocabulary: string, code: string) => {
  const term = vocabularyByName(vocabulary)?.terms.find((t) => t.code === code);
  return term ? (ctx.lang === 'en' ? term.en : term.id) : code;
};

/** Full text alone when it finds anything; else with the trigram fallback, as the search does. */
async function textMode(ctx: Ctx, f: CatalogFilters, enough = 1): Promise<TextMode> {
  if (!f.q) return 'fts';
  const [row] = await ctx.db
    .select({ n: count() })
    .from(potentials)
    .where(where(ctx, f, 'fts'));
  return (row?.n ?? 0) >= enough ? 'fts' : 'fts+trgm';
}

/** Counts per value of each filter over the matching potentials: "Pariwisata (42)". */
export async function catalogFacets({ ctx, input }: { ctx: Ctx; input: CatalogFilters }) {
  await validateFilters(ctx, input);
  const mode = await textMode(ctx, input);
  const w = where(ctx, input, mode);
  const unnestCounts = async (db: Ctx['db'], column: SQL, vocabulary: string) => {
    const rows = await db.execute(
      sql`select v as code, count(*)::int as n from ${potentials}, unnest(${column}) as v where ${w} group by v order by n desc, v`,
    );
    return (rows as unknown as { rows: { code: string; n: number }[] }).rows.map((r) => ({
      code: r.code,
      label: label(ctx, vocabulary, r.code),
      count: Number(r.n),
    }));
  };
  const run = async (db: Ctx['db']) => {
    const [directions, models, provinces, affairs, issues, kinds, total] = await Promise.all([
      db
        .select({ code: potentials.direction, n: count() })
        .from(potentials)
        .where(w)
        .groupBy(potentials.direction),
      db
        .select({ code: potentials.model, n: count() })
        .from(potentials)
        .where(w)
        .groupBy(potentials.model),
      db
        .select({ code: potentials.provinceCode, name: region.name, n: count() })
        .from(potentials)
        .innerJoin(region, eq(region.code, potentials.provinceCode))
        .where(w)
        .groupBy(potentials.provinceCode, region.name),
      unnestCounts(db, sql`${potentials.affairs}`, 'affairs'),
      unnestCounts(db, sql`${potentials.issues}`, 'strategic-issues'),
      unnestCounts(db, sql`${potentials.cooperationKinds}`, 'cooperation-kinds'),
      db.select({ n: count() }).from(potentials).where(w),
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
  return mode === 'fts+trgm' ? withTrigram(ctx, run) : run(ctx.db);
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
    .innerJoin(region, eq(region.code, potentials.regionCode))
    .where(and(eq(potentials.id, input.potentialId), where(ctx, {})));
  if (!row) throw notFound({ key: 'potential.not_found' });
  return { ...row, regulations: regulationsFor(row.object, row.cooperationKinds) };
}

/** Open data: the published catalogue with a stable column set (documented in the README). */
export const EXPORT_COLUMNS = [
  'id',
  'title',
  'direction',
  'region_code',
  'region_name',
  'province_code',
  'district_code',
  'cooperation_kinds',
  'mandatory',
  'affairs',
  'issues',
  'model',
  'value_idr',
  'horizon',
  'expires_on',
  'published_at',
  'activity',
  'outputs',
  'outcome',
  'outcome_indicator',
  'sk_number',
  'sk_date',
  'is_demo',
] as const;

export async function exportCatalog({ ctx, input }: { ctx: Ctx; input: CatalogFilters }) {
  await validateFilters(ctx, input);
  const mode = await textMode(ctx, input);
  const run = async (db: Ctx['db']) =>
    db
      .select(publicColumns)
      .from(potentials)
      .innerJoin(region, eq(region.code, potentials.regionCode))
      .where(where(ctx, input, mode))
      .orderBy(asc(potentials.id))
      .limit(100_000);
  const rows = mode === 'fts+trgm' ? await withTrigram(ctx, run) : await run(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    direction: r.direction,
    region_code: r.regionCode,
    region_name: r.regionName,
    province_code: r.provinceCode,
    district_code: r.districtCode,
    cooperation_kinds: r.cooperationKinds.join('|'),
    mandatory: r.mandatory,
    affairs: r.affairs.join('|'),
    issues: r.issues.join('|'),
    model: r.model,
    value_idr: r.valueIdr,
    horizon: r.horizon,
    expires_on: r.expiresOn,
    published_at: r.publishedAt?.toISOString() ?? null,
    activity: r.activity,
    outputs: r.outputs.join('|'),
    outcome: r.outcome,
    outcome_indicator: r.outcomeIndicator,
    sk_number: r.skNumber,
    sk_date: r.skDate,
    is_demo: r.isDemo,
  }));
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
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
