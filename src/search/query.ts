import { searchForm } from '../reference/geography';
import { parseThesaurus, THESAURUS, type Thesaurus } from './thesaurus';

/**
 * What a catalogue query asks for, before it becomes SQL: groups that must
 * all match (AND), each satisfied by any of its alternatives (OR) — the words
 * as typed and what the thesaurus adds — and groups that must not match
 * (`-word`). A quoted phrase is taken as written, without expansion; `atau`
 * or `or` between two groups makes them one group of alternatives. Groups of
 * words that say little ("pengelolaan", "regional") are optional unless the
 * query has nothing else.
 */
export type QueryGroup = {
  /** the words as the user typed them (search form): also stemmed as English */
  typed: string;
  /** phrases, Indonesian first: the typed words and the thesaurus's terms */
  alternatives: string[];
  negated: boolean;
  /** a word that says little (thesaurus `optional:`): it ranks, but need not match */
  optional: boolean;
};

const DEFAULT = parseThesaurus(THESAURUS, searchForm);

export function expandQuery(raw: string, thesaurus: Thesaurus = DEFAULT): QueryGroup[] {
  const groups: QueryGroup[] = [];
  let orNext = false;
  const push = (g: QueryGroup) => {
    const previous = groups.at(-1);
    if (orNext && previous && !previous.negated && !g.negated) {
      previous.typed = `${previous.typed} ${g.typed}`;
      previous.optional &&= g.optional;
      for (const a of g.alternatives)
        if (!previous.alternatives.includes(a)) previous.alternatives.push(a);
    } else groups.push(g);
    orNext = false;
  };
  // words between quotes and negations are kept apart; runs of plain words are matched against the thesaurus
  let run: string[] = [];
  const dropped: string[] = [];
  const flush = () => {
    let i = 0;
    while (i < run.length) {
      let matched = 0;
      for (let n = Math.min(thesaurus.longest, run.length - i); n >= 1; n--) {
        if (thesaurus.expansions.has(run.slice(i, i + n).join(' '))) {
          matched = n;
          break;
        }
      }
      if (matched) {
        const term = run.slice(i, i + matched).join(' ');
        push({
          typed: term,
          alternatives: [term, ...thesaurus.expansions.get(term)!],
          negated: false,
          optional: term.split(' ').every((w) => thesaurus.optional.has(w)),
        });
        i += matched;
        continue;
      }
      const word = run[i]!;
      i += 1;
      if (word === 'or' || word === 'atau') {
        orNext = groups.length > 0;
        continue;
      }
      if (thesaurus.stop.has(word)) {
        dropped.push(word);
        continue;
      }
      push({
        typed: word,
        alternatives: [word],
        negated: false,
        optional: thesaurus.optional.has(word),
      });
    }
    run = [];
  };
  for (const token of raw.match(/-?"[^"]*"?|\S+/g) ?? []) {
    const negated = token.startsWith('-') && token.length > 1;
    const quoted = token.replace(/^-/, '').startsWith('"');
    const text = searchForm(token);
    if (!text) continue;
    if (!negated && !quoted) {
      run.push(...text.split(' '));
      continue;
    }
    flush();
    if (negated) groups.push({ typed: text, alternatives: [text], negated: true, optional: false });
    else push({ typed: text, alternatives: [text], negated: false, optional: false });
  }
  flush();
  // a query of stop words alone still asks for them; of optional words alone, requires them;
  // of negations alone, finds what has none of them
  if (!groups.some((g) => !g.negated) && dropped.length) {
    const words = dropped.join(' ');
    groups.unshift({ typed: words, alternatives: [words], negated: false, optional: false });
  }
  // nothing but optional words: the framing ones are what is sought ("promosi investasi"), else all
  if (!groups.some((g) => !g.negated && !g.optional)) {
    const framing = groups.filter(
      (g) => !g.negated && g.typed.split(' ').every((w) => thesaurus.framing.has(w)),
    );
    for (const g of framing.length ? framing : groups) g.optional = false;
  }
  return groups;
}

/**
 * The share of a query's weight a potential must hold to be found, when the
 * query has three or more content groups: a potential holding the query's
 * core (its rarest words) is found without every other word, one holding only
 * a common word of it is not. Measured with `npm run eval:search`.
 */
export const MIN_COVERAGE = 0.35;

/**
 * Each content group's weight in the coverage: how rare it is in the catalogue
 * (inverse document frequency, `ln((N + 1) / (found + 0.5))`), so that the
 * core of the query weighs most. A group found nowhere weighs most of all when
 * it counts (a word the catalogue lacks is lacking), and nothing when it does
 * not (a word that is no word must not veto the rest).
 */
export function coverageWeights(
  groups: readonly { found: number; counts: boolean }[],
  total: number,
): number[] {
  const n = Math.max(total, ...groups.map((g) => g.found), 1);
  return groups.map((g) => (g.counts ? Math.log((n + 1) / (g.found + 0.5)) : 0));
}

/**
 * The smallest sets of groups whose weights reach `share` of the whole: the
 * ways a potential can be found, as alternatives of conjunctions (a tsquery
 * the index answers exactly). Null past `limit` sets (then the share is
 * checked row by row). Groups of weight 0 are never needed.
 */
export function qualifyingSets(
  weights: readonly number[],
  share: number,
  limit = 32,
): number[][] | null {
  const ids = weights.flatMap((w, i) => (w > 0 ? [i] : []));
  if (ids.length > 10) return null;
  const need = share * ids.reduce((s, i) => s + weights[i]!, 0);
  const sets: number[][] = [];
  for (let size = 1; size <= ids.length; size++) {
    for (const set of subsetsOf(ids, size)) {
      if (set.reduce((s, i) => s + weights[i]!, 0) < need - 1e-9) continue;
      if (sets.some((kept) => kept.every((i) => set.includes(i)))) continue;
      sets.push(set);
      if (sets.length > limit) return null;
    }
  }
  return sets;
}

/**
 * The tiers of ranked retrieval, most of the query first: each pattern of the
 * groups a potential may hold (and lack) whose weight reaches `share`, with
 * that share. Groups no potential holds (`present` false) are always lacking.
 * Null past `maxGroups` present groups (then every match is scored instead).
 */
export function coverageTiers(
  weights: readonly number[],
  present: readonly boolean[],
  share: number,
  maxGroups = 5,
): { holds: number[]; lacks: number[]; coverage: number }[] | null {
  const total = weights.reduce((s, w) => s + w, 0);
  const ids = weights.flatMap((w, i) => (w > 0 && present[i] ? [i] : []));
  if (ids.length > maxGroups || total === 0) return null;
  const tiers = [];
  for (let size = ids.length; size >= 1; size--)
    for (const holds of subsetsOf(ids, size)) {
      const coverage = holds.reduce((s, i) => s + weights[i]!, 0) / total;
      if (coverage >= share - 1e-9)
        tiers.push({ holds, lacks: ids.filter((i) => !holds.includes(i)), coverage });
    }
  return tiers.sort((a, b) => b.coverage - a.coverage);
}

function subsetsOf(xs: readonly number[], k: number): number[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [first, ...rest] = xs;
  return [...subsetsOf(rest, k - 1).map((c) => [first!, ...c]), ...subsetsOf(rest, k)];
}

/** A word and what the thesaurus adds to it: how a word corrected by the typo fallback is searched. */
export function alternativesOf(word: string, thesaurus: Thesaurus = DEFAULT): string[] {
  return [word, ...(thesaurus.expansions.get(word) ?? [])];
}

/**
 * Edit distance (insert, delete, substitute, swap two neighbours) between two
 * words, stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/**
 * How many edits a typed word may be from a catalogue word and still count as
 * a typo of it: none below five letters (short words differ by one letter
 * from other real words: "umum"/"umkm"), one up to seven, two from eight.
 * Measured with `npm run eval:search` and the pairs in test/unit/search-query.test.ts:
 * the affix look-alikes ("sampah"/"sama", "kelola"/"keliling", "bahari"/"hari",
 * "minum"/"minggu") are all further than that.
 */
export const typoAllowance = (length: number) => (length < 5 ? 0 : length < 8 ? 1 : 2);

/**
 * The catalogue words a typed word is taken to be a typo of: those within
 * `typoAllowance` edits that begin with the same letter (the first letter is
 * rarely the mistyped one), and of those only the closest — "sampha" is
 * "sampah" (one swap), not also "sampai" (two edits).
 */
export function correctionsOf(typed: string, words: readonly string[]): string[] {
  const allowed = typoAllowance(typed.length);
  if (allowed === 0) return [];
  let best = allowed + 1;
  let out: string[] = [];
  for (const w of words) {
    if (w === typed || w[0] !== typed[0]) continue;
    const d = editDistance(typed, w, allowed);
    if (d < best) {
      best = d;
      out = [w];
    } else if (d === best && d <= allowed) out.push(w);
  }
  return best <= allowed ? out : [];
}
