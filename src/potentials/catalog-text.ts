import { type SQL, sql } from 'drizzle-orm';
import { catalogTotals, catalogWords, catalogEntries as entries, regions } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { OPEN_DATA_MARK } from '../platform/open-data-cache';
import { textArray } from '../platform/pg-arrays';
import { rowsOf } from '../platform/rows';
import { searchForm } from '../reference/geography';
import { isKnownWord } from '../search/lexicon';
import {
  alternativesOf,
  correctionsOf,
  coverageTiers,
  coverageWeights,
  expandQuery,
  MIN_COVERAGE,
  type QueryGroup,
  qualifyingSets,
} from '../search/query';

/**
 * The text part of a catalogue search, as SQL over `catalog_entries`.
 *
 * One or two content groups (required words: not negated, not optional) must
 * all match, as typed. Three or more are ranked retrieval: each group weighs
 * by how rare it is in the catalogue (`coverageWeights`: the core of the query
 * weighs most), and a potential is found when the groups it holds weigh at
 * least `MIN_COVERAGE` of the query — one absent word, a second commodity or a
 * qualifier, does not empty the result — and ranks by that share, then by how
 * much of it its title and activity hold.
 */
export type TextQuery = {
  groups: QueryGroup[];
  /** per group: its weight in the coverage (0: not counted); set for ranked retrieval only */
  weights?: number[];
  /** per group: whether any published potential holds it (ranked retrieval only) */
  present?: boolean[];
  /** per group: the typo fallback's corrections */
  typos?: Map<number, string[]>;
};

export const textQueryOf = (q: string | undefined): TextQuery | null => {
  const groups = q ? expandQuery(q) : [];
  return groups.length ? { groups } : null;
};

/** The content groups' indexes: required, not negated, not optional. */
const contentOf = (t: TextQuery) =>
  t.groups.flatMap((g, i) => (g.negated || g.optional ? [] : [i]));

/**
 * One group's tsquery: any of its alternatives — the thesaurus's terms as
 * Indonesian phrases, the typed words also stemmed as English, the typo
 * fallback's corrections.
 */
function groupQuery(t: TextQuery, i: number): SQL {
  const g = t.groups[i]!;
  const alternatives = [
    ...[...g.alternatives, ...(t.typos?.get(i) ?? [])].map(
      (a) => sql`phraseto_tsquery('indonesian', ${a})`,
    ),
    sql`phraseto_tsquery('english', ${g.typed})`,
  ];
  return sql`(${sql.join(alternatives, sql` || `)})`;
}

const anyOf = (parts: SQL[]) => sql`(${sql.join(parts, sql` || `)})`;
const allOf = (parts: SQL[]) => sql`(${sql.join(parts, sql` && `)})`;

/** The optional groups, any of them (they raise the rank). */
function optionalQuery(t: TextQuery): SQL | null {
  const parts = t.groups.flatMap((g, i) => (g.optional && !g.negated ? [groupQuery(t, i)] : []));
  return parts.length ? anyOf(parts) : null;
}

/** Counted groups of ranked retrieval, with their weights. */
const counted = (t: TextQuery) =>
  (t.weights ?? []).flatMap((w, i) => (w > 0 ? [{ i, w, q: groupQuery(t, i) }] : []));

/** The share of the query's weight a vector holds (ranked retrieval). */
function coverageOf(t: TextQuery, vector: typeof entries.searchVector | typeof entries.headVector) {
  const parts = counted(t);
  const total = parts.reduce((s, p) => s + p.w, 0);
  return sql<number>`((${sql.join(
    parts.map((p) => sql`${p.w}::real * (${vector} @@ ${p.q})::int`),
    sql` + `,
  )}) / ${total}::real)`;
}

/** The negated groups, each as "none of it". */
const negatedOf = (t: TextQuery) =>
  t.groups.flatMap((g, i) => (g.negated ? [sql`!!${groupQuery(t, i)}`] : []));

/** The text condition: every content group (or enough of the weight of them), none of the negated ones. */
export function textCondition(t: TextQuery): SQL {
  const negated = negatedOf(t);
  if (t.weights) {
    const sets = qualifyingSets(t.weights, MIN_COVERAGE);
    if (sets)
      return sql`${entries.searchVector} @@ ${allOf([
        anyOf(sets.map((set) => allOf(set.map((i) => groupQuery(t, i))))),
        ...negated,
      ])}`;
    const candidates = allOf([anyOf(counted(t).map((p) => p.q)), ...negated]);
    return sql`(${entries.searchVector} @@ ${candidates} and ${coverageOf(t, entries.searchVector)} >= ${MIN_COVERAGE})`;
  }
  const content = contentOf(t);
  const positive = content.length ? allOf(content.map((i) => groupQuery(t, i))) : null;
  const parts = [...(positive ? [positive] : []), ...negated];
  return sql`${entries.searchVector} @@ ${allOf(parts)}`;
}

/** Whether the query is ranked by coverage (three or more content groups). */
export const isRanked = (t: TextQuery) => t.weights !== undefined;

/**
 * Ranked retrieval's tiers, most of the query first: for each, the condition
 * (the groups it holds, none of the others it could, none negated) and its
 * score; within a tier, potentials rank by `tierOrder`. Null when there are too
 * many groups to list their patterns (then `rankedScore` orders every match).
 */
export function rankedTiers(t: TextQuery) {
  if (!t.weights || !t.present) return null;
  const tiers = coverageTiers(t.weights, t.present, MIN_COVERAGE);
  if (!tiers) return null;
  const negated = negatedOf(t);
  return tiers.map((tier) => ({
    coverage: tier.coverage,
    condition: sql`${entries.searchVector} @@ ${allOf([
      ...tier.holds.map((i) => groupQuery(t, i)),
      ...tier.lacks.map((i) => sql`!!${groupQuery(t, i)}`),
      ...negated,
    ])}`,
  }));
}

/** Within a tier: the share of the query the title and activity hold, then an optional word there. */
export function tierOrder(t: TextQuery): SQL<number> {
  const optional = optionalQuery(t);
  return sql<number>`(0.5 * ${coverageOf(t, entries.headVector)}${
    optional ? sql` + 0.1 * (${entries.headVector} @@ ${optional})::int` : sql``
  })`;
}

/**
 * The ranked order when the tiers are too many to list: the share of the query
 * the potential holds, then `tierOrder` (the same order the tiers give).
 */
export function rankedOrder(t: TextQuery) {
  const coverage = coverageOf(t, entries.searchVector);
  const within = tierOrder(t);
  return { coverage, within, score: sql<number>`(${coverage} + ${within})` };
}

/**
 * Relevance when every content group is required, in two tiers. First the
 * potentials whose title or activity hold every word asked for (the "head"),
 * by `ts_rank` over those two fields (title weighted above activity,
 * frequency), raised by the optional words found there; then those that hold
 * a word only elsewhere (background, outcome, labels, place), newest first,
 * with score 0. Each tier is answered by an index (the head's GIN and the
 * newest-first btree) without ranking every match, which on the national
 * catalogue costs more than the whole target.
 */
export function headOf(t: TextQuery) {
  const content = contentOf(t);
  if (content.length === 0) return null;
  const ranked = allOf(content.map((i) => groupQuery(t, i)));
  const optional = optionalQuery(t);
  const score = optional
    ? sql<number>`(ts_rank(${entries.headVector}, ${ranked}) + 0.5 * ts_rank(${entries.headVector}, ${optional}))`
    : sql<number>`ts_rank(${entries.headVector}, ${ranked})`;
  return { match: sql`${entries.headVector} @@ ${ranked}`, score };
}

/** The names of places of more than one word ("jawa barat", "lombok timur"), in search form; read once. */
let placeNames: Promise<Set<string>> | null = null;

function multiWordPlaces(db: Ctx['db']): Promise<Set<string>> {
  placeNames ??= db
    .select({ name: regions.name })
    .from(regions)
    .then((rows) => new Set(rows.map((r) => searchForm(r.name)).filter((n) => n.includes(' '))))
    .then((names) => {
      // reference data not seeded yet: asked again next time
      if (names.size === 0) placeNames = null;
      return names;
    });
  return placeNames;
}

/**
 * A place of several words is one group ("sampah jawa barat" asks for two
 * things, not three): consecutive plain words that name a place are joined
 * into one phrase.
 */
async function withPlaces(db: Ctx['db'], t: TextQuery): Promise<TextQuery> {
  const plain = (g: QueryGroup | undefined) =>
    !!g && !g.negated && g.alternatives.length === 1 && !g.typed.includes(' ');
  if (t.groups.filter((g) => plain(g)).length < 2) return t;
  const names = await multiWordPlaces(db);
  const groups: QueryGroup[] = [];
  for (let i = 0; i < t.groups.length; i++) {
    let joined = 0;
    for (let n = 4; n >= 2 && !joined; n--) {
      const run = t.groups.slice(i, i + n);
      if (run.length === n && run.every(plain) && names.has(run.map((g) => g.typed).join(' ')))
        joined = n;
    }
    if (!joined) {
      groups.push(t.groups[i]!);
      continue;
    }
    const phrase = t.groups
      .slice(i, i + joined)
      .map((g) => g.typed)
      .join(' ');
    groups.push({ typed: phrase, alternatives: [phrase], negated: false, optional: false });
    i += joined - 1;
  }
  return { ...t, groups };
}

/** How many potentials each group is found in is counted up to this (a word that common weighs little anyway). */
const DF_BOUND = 1000;

/**
 * What the catalogue's words weigh changes only when the catalogue does: how
 * many entries hold each group (its document frequency, as a search index keeps
 * it) is kept per open-data version (migration 0023: raised by any change of
 * an entry; with the database's epoch, 0032), for at most `DF_KEPT` groups,
 * and counted again after a change.
 */
const DF_KEPT = 5000;
let frequencies: { version: string; df: Map<string, number> } | null = null;

const groupKey = (t: TextQuery, i: number) =>
  JSON.stringify([t.groups[i]!.typed, t.groups[i]!.alternatives, t.typos?.get(i) ?? []]);

/**
 * The weights of ranked retrieval (three or more content groups), from how
 * many published potentials each group is found in; null for one or two.
 */
async function weigh(db: Ctx['db'], t: TextQuery): Promise<TextQuery> {
  const content = contentOf(t);
  if (content.length < 3) return { ...t, weights: undefined, present: undefined };
  const [state] = await rowsOf<{ version: string | null; total: number | null }>(
    db,
    sql`select ${OPEN_DATA_MARK} as version,
      (select coalesce(sum(${catalogTotals.entries}), 0) from ${catalogTotals})::int as total`,
  );
  // not migrated yet (no version): nothing is kept
  const version = state?.version ?? `none ${Math.random()}`;
  if (frequencies?.version !== version || frequencies.df.size > DF_KEPT)
    frequencies = { version, df: new Map() };
  const known = frequencies.df;
  const missing = content.filter((i) => !known.has(groupKey(t, i)));
  if (missing.length) {
    const row = (
      await rowsOf<Record<string, number>>(
        db,
        sql`select ${sql.join(
          missing.map(
            (i, n) =>
              sql`(select count(*) from (select 1 from ${entries} where ${entries.searchVector} @@ ${groupQuery(t, i)} limit ${DF_BOUND}) s)::int as ${sql.identifier(`d${n}`)}`,
          ),
          sql`, `,
        )}`,
      )
    )[0]!;
    missing.forEach((i, n) => known.set(groupKey(t, i), Number(row[`d${n}`])));
  }
  const found = content.map((i) => known.get(groupKey(t, i)) ?? 0);
  const weights = coverageWeights(
    content.map((i, n) => ({
      found: found[n]!,
      // a word no potential holds that is a word (Indonesian, or the thesaurus's) is asked and lacking;
      // one that is none (an English word the thesaurus does not know) does not veto the rest
      counts: found[n]! > 0 || t.groups[i]!.typed.split(' ').every((w) => isKnownWord(w)),
    })),
    Number(state?.total ?? 0),
  );
  const all = t.groups.map(() => 0);
  const present = t.groups.map(() => false);
  content.forEach((i, n) => {
    all[i] = weights[n]!;
    present[i] = found[n]! > 0;
  });
  return { ...t, weights: all, present };
}

/**
 * For each single typed word of the query (five letters or more, required, not
 * negated, not a word: see `isKnownWord`): the catalogue's words it is taken
 * to be a typo of (`correctionsOf`: within a few edits, the closest only),
 * found among the trigram-similar words of the word list (indexed), with what
 * the thesaurus adds to them. The corrections are searched by their stems like
 * any word.
 */
async function typoCorrections(
  db: Ctx['db'],
  groups: QueryGroup[],
): Promise<Map<number, string[]>> {
  const asked = groups
    .map((g, i) => ({ i, word: g.typed }))
    .filter(
      ({ i, word }) =>
        !groups[i]!.negated &&
        !groups[i]!.optional &&
        !word.includes(' ') &&
        word.length >= 5 &&
        // a word the catalogue lacks is not a typo of another: only what is no word is corrected
        !isKnownWord(word),
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
export async function withTypoFallback<T extends { total: number }>(
  ctx: Ctx,
  q: string | undefined,
  work: (text: TextQuery | null) => Promise<T>,
): Promise<T & { text: TextQuery | null }> {
  const parsed = textQueryOf(q);
  const text = parsed && (await weigh(ctx.db, await withPlaces(ctx.db, parsed)));
  const first = await work(text);
  if (first.total > 0 || !text) return { ...first, text };
  const typos = await typoCorrections(ctx.db, text.groups);
  if (typos.size === 0) return { ...first, text };
  const widened = await weigh(ctx.db, { ...text, typos });
  return { ...(await work(widened)), text: widened };
}
