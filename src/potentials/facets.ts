import { type SQL, sql } from 'drizzle-orm';
import { catalogFacetSlots } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { OPEN_DATA_MARK } from '../platform/open-data-cache';
import { rowsOf } from '../platform/rows';
import { termLabel } from '../reference/vocabularies';
import {
  type CatalogFilters,
  entries,
  isWholeCatalogue,
  pageEntries,
  readCards,
  region,
  type SearchInput,
  searchAnswer,
  searchRequest,
  validateFilters,
  where,
  wholeCatalogue,
} from './catalog';
import { type TextQuery, withTypoFallback } from './catalog-text';

type Facet = 'direction' | 'model' | 'province' | 'affairs' | 'issues' | 'kinds';
type Count = { facet: Facet; code: string; n: number; name?: string | null };

/** Five digits a slot: a value counted in up to 99,999 entries. */
const SLOT_DIGITS = 5;
const SLOT_LIMIT = 10 ** SLOT_DIGITS;

type Slot = { slot: number; facet: Facet; code: string; name: string | null };

/**
 * The slots with the provinces' names, read again only when open data changed
 * (the names are open data; slots are only ever added) or for another
 * database (its epoch).
 */
let slotList: { version: string; slots: Promise<Slot[]> } | null = null;

function slotsFor(ctx: Ctx, version: string): Promise<Slot[]> {
  if (slotList?.version !== version)
    slotList = {
      version,
      slots: rowsOf<Slot>(
        ctx.db,
        sql`select s.slot, s.facet, s.code, r.name
          from ${catalogFacetSlots} s left join ${region} r on s.facet = 'province' and r.code = s.code
          order by s.slot`,
      ).then((rows) => rows.map((r) => ({ ...r, slot: Number(r.slot) }))),
    };
  return slotList.slots;
}

/**
 * Counts of each facet value over the matching entries, in one aggregate: the
 * sum of their `facet_pack`s (migration 0032) holds every count in its
 * digits; for the whole catalogue, the sums kept per expiry day. Null when an
 * entry cannot be counted so (a value of it has no slot yet) or a count could
 * pass five digits: then `exactCounts`.
 */
async function packedCounts(ctx: Ctx, f: CatalogFilters, w: SQL): Promise<Count[] | null> {
  const [row] = isWholeCatalogue(f)
    ? [await wholeCatalogue(ctx, f)]
    : await rowsOf<{ pack: string | null; n: number; unpacked: number; version: string | null }>(
        ctx.db,
        sql`select sum(${entries.facetPack})::text as pack, count(*)::int as n,
        (count(*) - count(${entries.facetPack}))::int as unpacked,
        ${OPEN_DATA_MARK} as version
      from ${entries} where ${w}`,
      );
  if (!row?.version || Number(row.unpacked) > 0 || Number(row.n) >= SLOT_LIMIT) return null;
  const pack = row.pack ?? '0';
  const slots = await slotsFor(ctx, row.version);
  const counts: Count[] = [];
  for (const { slot, facet, code, name } of slots) {
    const end = pack.length - SLOT_DIGITS * slot;
    if (end <= 0) break;
    const n = Number(pack.slice(Math.max(0, end - SLOT_DIGITS), end));
    if (n > 0) counts.push({ facet, code, n, name });
  }
  // a slot added after the list was read (its digits past the list's end): read, counted one by one
  return pack.length > SLOT_DIGITS * slots.length ? null : counts;
}

/** The same counts, a row per entry and value (each once): what `packedCounts` stands in for. */
async function exactCounts(ctx: Ctx, w: SQL): Promise<Count[]> {
  const rows = await rowsOf<Count>(
    ctx.db,
    sql`select x.facet, x.code, count(*)::int as n, min(r.name) as name
      from ${entries} cross join lateral (
        select 'direction' as facet, ${entries.direction}::text as code
        union select 'model', ${entries.model}
        union select 'province', ${entries.provinceCode}
        union select 'affairs', unnest(${entries.affairs})
        union select 'issues', unnest(${entries.issues})
        union select 'kinds', unnest(${entries.cooperationKinds})) x
      left join ${region} r on x.facet = 'province' and r.code = x.code
      where ${w} and x.code is not null group by 1, 2`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The facet counts of the entries matching the filters and this text, and how many match. */
async function countedFacets(ctx: Ctx, f: CatalogFilters, text: TextQuery | null) {
  const w = where(ctx, f, text);
  const counts = (await packedCounts(ctx, f, w)) ?? (await exactCounts(ctx, w));
  // every entry is an offer or a need: their counts add up to the matches
  return { counts, total: counts.reduce((s, c) => s + (c.facet === 'direction' ? c.n : 0), 0) };
}

/** Counts per value of each filter over the matching potentials: "Pariwisata (42)". */
export async function catalogFacets({ ctx, input }: { ctx: Ctx; input: CatalogFilters }) {
  await validateFilters(ctx, input);
  // the text as the search runs it: corrected for typos only when nothing matches as typed
  const { counts } = await withTypoFallback(ctx, input.q, (text) =>
    countedFacets(ctx, input, text),
  );
  return labelled(ctx, counts);
}

/**
 * The catalogue as its page shows it: the search's page (as cards) and the
 * facets, the text resolved once and the matches counted once (the facets'
 * count is the exact total, so the search does not count them again).
 */
export async function browseCatalog({ ctx, input }: { ctx: Ctx; input: SearchInput }) {
  const request = searchRequest(input);
  const { filters, sort, offset, limit } = request;
  await validateFilters(ctx, filters);
  const found = await withTypoFallback(ctx, filters.q, async (text) => {
    const { counts, total } = await countedFacets(ctx, filters, text);
    const page = await pageEntries(ctx, filters, text, sort, offset, limit, total);
    return { ...page, counts };
  });
  return {
    found: await searchAnswer(request, found, { exact: true, read: readCards(ctx) }),
    facets: labelled(ctx, found.counts),
  };
}

function labelled(ctx: Ctx, counts: Count[]) {
  const of = (facet: Facet) =>
    counts
      .filter((c) => c.facet === facet)
      .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
  const terms = (facet: Facet, vocabulary: string) =>
    of(facet).map((c) => ({
      code: c.code,
      label: termLabel(vocabulary, c.code, ctx.lang),
      count: c.n,
    }));
  const directionLabel = (d: string) =>
    ctx.lang === 'en'
      ? d === 'offer'
        ? 'Offer'
        : 'Need'
      : d === 'offer'
        ? 'Penawaran'
        : 'Kebutuhan';
  const direction = of('direction');
  return {
    total: direction.reduce((s, c) => s + c.n, 0),
    direction: direction.map((c) => ({ code: c.code, label: directionLabel(c.code), count: c.n })),
    kind: terms('kinds', 'cooperation-kinds'),
    affairs: terms('affairs', 'affairs'),
    issues: terms('issues', 'strategic-issues'),
    model: terms('model', 'cooperation-models'),
    province: of('province').map((c) => ({ code: c.code, label: c.name ?? c.code, count: c.n })),
  };
}
