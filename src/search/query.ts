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
  if (!groups.some((g) => !g.negated && !g.optional)) for (const g of groups) g.optional = false;
  return groups;
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
