import { describe, expect, it } from 'vitest';
import { searchForm } from '../../src/reference/geography';
import { isKnownWord } from '../../src/search/lexicon';
import {
  correctionsOf,
  coverageWeights,
  editDistance,
  expandQuery,
  MIN_COVERAGE,
  typoAllowance,
} from '../../src/search/query';
import { parseThesaurus, THESAURUS } from '../../src/search/thesaurus';

describe('the thesaurus', () => {
  const t = parseThesaurus(THESAURUS, searchForm);

  it('reads every line of the kept file', () => {
    expect(t.expansions.get('umkm')).toContain('usaha mikro kecil menengah');
    // two-way
    expect(t.expansions.get('pariwisata')).toContain('wisata');
    expect(t.expansions.get('wisata')).toContain('pariwisata');
    // one-way
    expect(t.expansions.get('stunting')).toContain('gizi');
    // one step further: English → Indonesian → its equivalents
    expect(t.expansions.get('drinking water')).toEqual(
      expect.arrayContaining(['air minum', 'air bersih', 'spam']),
    );
    expect(t.stop.has('yang')).toBe(true);
    expect(t.optional.has('pengelolaan')).toBe(true);
  });

  it('refuses a line it cannot read rather than ignoring it', () => {
    expect(() => parseThesaurus('umkm usaha kecil', searchForm)).toThrow(/cannot read/);
  });
});

describe('expanding a query', () => {
  it('matches the longest thesaurus term first and keeps the other words as typed', () => {
    const groups = expandQuery('Pengelolaan sampah dan air minum di Kalbar');
    expect(groups.map((g) => g.typed)).toEqual(['pengelolaan', 'sampah', 'air minum', 'kalbar']);
    expect(groups[0]!.optional).toBe(true);
    expect(groups[2]!.alternatives).toEqual(
      expect.arrayContaining(['air minum', 'air bersih', 'spam']),
    );
  });

  it('keeps quoted phrases as written, negations apart, and joins "atau" alternatives', () => {
    const groups = expandQuery('"air minum" -tsunami banjir atau longsor');
    expect(groups).toEqual([
      { typed: 'air minum', alternatives: ['air minum'], negated: false, optional: false },
      { typed: 'tsunami', alternatives: ['tsunami'], negated: true, optional: false },
      {
        typed: 'banjir longsor',
        alternatives: ['banjir', 'longsor', 'tanah longsor'],
        negated: false,
        optional: false,
      },
    ]);
  });

  it('requires optional or stop words when the query has nothing else', () => {
    expect(expandQuery('pengembangan')[0]).toMatchObject({
      typed: 'pengembangan',
      optional: false,
    });
    expect(expandQuery('yang')[0]).toMatchObject({ typed: 'yang', optional: false });
    expect(expandQuery('   ')).toEqual([]);
  });
});

describe('ranked retrieval (issue 30)', () => {
  it('keeps an investor’s framing and a need’s qualifiers optional, unless nothing else is asked', () => {
    const groups = expandQuery('peluang investasi pariwisata murah');
    expect(groups.filter((g) => !g.optional).map((g) => g.typed)).toEqual(['pariwisata']);
    // framing alone is what is sought; the word that says little stays optional
    const promotion = expandQuery('promosi investasi');
    expect(promotion.filter((g) => !g.optional).map((g) => g.typed)).toEqual(['investasi']);
  });

  it('weighs a query’s rare words above its common ones, and an absent word by whether it is a word', () => {
    const [common, rare, lacking, noWord] = coverageWeights(
      [
        { found: 60, counts: true },
        { found: 3, counts: true },
        { found: 0, counts: true },
        { found: 0, counts: false },
      ],
      150,
    );
    expect(rare!).toBeGreaterThan(common!);
    expect(lacking!).toBeGreaterThan(rare!);
    expect(noWord).toBe(0);
    // the core (two rare commodities) is enough without the common word; the common word alone is not
    const [price, chili, shallot] = coverageWeights(
      [
        { found: 15, counts: true },
        { found: 3, counts: true },
        { found: 3, counts: true },
      ],
      150,
    );
    const total = price! + chili! + shallot!;
    expect((chili! + shallot!) / total).toBeGreaterThanOrEqual(MIN_COVERAGE);
    expect(chili! / total).toBeGreaterThanOrEqual(MIN_COVERAGE);
    expect(price! / total).toBeLessThan(MIN_COVERAGE);
  });

  it('knows Indonesian words (KBBI roots and their forms) and the thesaurus’s, and no typo', () => {
    for (const w of ['kapas', 'karet', 'bandeng', 'perbatasan', 'kemiskinan', 'tourism', 'pdam'])
      expect(isKnownWord(w), w).toBe(true);
    for (const w of ['sampha', 'bencna', 'stuntng', 'kemiskinann', 'qwerty'])
      expect(isKnownWord(w), w).toBe(false);
  });
});

describe('the typo allowance, measured on pairs', () => {
  // typos users make (swap, drop, double, wrong letter) against look-alikes that are other words
  const typos: [string, string][] = [
    ['pariwsata', 'pariwisata'],
    ['bencna', 'bencana'],
    ['sampha', 'sampah'],
    ['stuntng', 'stunting'],
    ['kemiskinann', 'kemiskinan'],
    ['infalsi', 'inflasi'],
    ['perbatsan', 'perbatasan'],
    ['nelayna', 'nelayan'],
  ];
  const otherWords: [string, string][] = [
    ['sampah', 'sama'],
    ['kelola', 'keliling'],
    ['kelola', 'kelompok'],
    ['kelola', 'kelurahan'],
    ['bahari', 'hari'],
    ['umkm', 'umum'],
    ['minum', 'minggu'],
  ];

  it('accepts every typo within the allowance', () => {
    for (const [typed, word] of typos) {
      expect(editDistance(typed, word, 3), typed).toBeLessThanOrEqual(typoAllowance(typed.length));
      expect(correctionsOf(typed, [word]), typed).toEqual([word]);
    }
  });

  it('takes none of the look-alikes that the old trigram fallback matched', () => {
    for (const [typed, word] of otherWords)
      expect(correctionsOf(typed, [word]), `${typed} → ${word}`).toEqual([]);
  });

  it('keeps only the closest words: "sampha" is "sampah", not also "sampai"', () => {
    expect(correctionsOf('sampha', ['sampai', 'sampah', 'sambas'])).toEqual(['sampah']);
  });
});
