import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, freshnessBucket, scoreBounds } from '../../src/scoring/bounds';
import {
  geographyCase,
  isCandidate,
  isComplementary,
  isEligible,
  rank,
  score,
  scoreValue,
} from '../../src/scoring/score';
import { type Candidate, type History, type Labels, type Target } from '../../src/scoring/types';
import { WEIGHTS } from '../../src/scoring/weights';

const ISSUES = [
  'inflasi',
  'kemiskinan_ekstrem',
  'pariwisata',
  'penanggulangan_bencana',
  'kawasan_perbatasan',
  'tata_ruang',
];
const AFFAIRS = [
  'pariwisata',
  'pangan',
  'kesehatan',
  'pendidikan',
  'perhubungan',
  'lingkungan_hidup',
];
const KINDS = ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'];
const PARTNER_KINDS = [
  'company',
  'bumn_bumd',
  'university',
  'ngo',
  'foreign_region',
  'foreign_institution',
  'central_institution',
];
const labels: Labels = { affairs: (c) => ({ id: c, en: c }), issues: (c) => ({ id: c, en: c }) };
const now = new Date('2026-11-23T00:00:00Z');

const codes = (pool: string[]) =>
  fc.uniqueArray(fc.constantFrom(...pool), { maxLength: pool.length });
const region = fc.constantFrom('32.73', '32.04', '33.74', '51.71', '72.71', '94.01');
const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(now.getTime() - d * 86400_000));
const value = fc.option(
  fc.integer({ min: 0, max: 50_000 }).map((n) => n * 1_000_000),
  { nil: null },
);

const target: fc.Arbitrary<Target> = fc
  .record({
    id: fc.constant('pot_target'),
    tenantId: fc.constant('ten_owner'),
    regionCode: region,
    direction: fc.constantFrom('offer' as const, 'need' as const),
    affairs: codes(AFFAIRS),
    issues: codes(ISSUES),
    cooperationKinds: fc.uniqueArray(fc.constantFrom(...KINDS), { minLength: 1 }),
    mandatory: fc.boolean(),
    valueIdr: value,
    neighbours: fc.uniqueArray(region),
  })
  .map((t) => ({
    ...t,
    provinceCode: t.regionCode.slice(0, 2),
    islandGroup: t.regionCode[0] === '3' ? 'jawa' : 'other',
  }));

const regionCandidate = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }).map((s) => `pot_${s}`),
    tenantId: fc.string({ minLength: 1, maxLength: 6 }).map((s) => `ten_${s}`),
    title: fc.constant('Potensi'),
    regionCode: region,
    autonomous: fc.boolean(),
    direction: fc.constantFrom('offer' as const, 'need' as const),
    affairs: codes(AFFAIRS),
    issues: codes(ISSUES),
    cooperationKinds: fc.uniqueArray(fc.constantFrom(...KINDS), { minLength: 1 }),
    valueIdr: value,
    updatedAt: day,
  })
  .map((c) => ({
    ...c,
    type: 'potential' as const,
    provinceCode: c.regionCode.slice(0, 2),
    islandGroup: c.regionCode[0] === '3' ? 'jawa' : 'other',
  }));

const partnerCandidate = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 6 }).map((s) => `ten_p${s}`),
    name: fc.constant('Mitra'),
    partnerKind: fc.constantFrom(...PARTNER_KINDS),
    affairs: codes(AFFAIRS),
    issues: codes(ISSUES),
    offers: fc.option(fc.constant('Pelatihan'), { nil: null }),
    regionsOfInterest: fc.uniqueArray(fc.constantFrom('32.73', '32', '51.71', '72')),
    engagementMinIdr: value,
    engagementMaxIdr: value,
    updatedAt: day,
  })
  .map((c) => ({ ...c, type: 'partner' as const, tenantId: c.id }));

const candidate: fc.Arbitrary<Candidate> = fc.oneof(regionCandidate, partnerCandidate);
const history = fc.record({ accepted: fc.nat(3), declined: fc.nat(3), agreements: fc.nat(3) });

describe('matching score (property-based)', () => {
  it('is bounded 0–100 and its components add up to it', () => {
    fc.assert(
      fc.property(target, candidate, history, (t, c, h) => {
        const m = score(t, c, { now, labels, history: h });
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(100);
        for (const comp of m.components)
          expect(comp.contribution).toBeLessThanOrEqual(WEIGHTS[comp.component] + 1e-9);
        expect(
          Math.abs(m.components.reduce((s, x) => s + x.contribution, 0) - m.score),
        ).toBeLessThan(0.75);
      }),
    );
  });

  it('computes the same number with or without explanations', () => {
    fc.assert(
      fc.property(target, candidate, history, (t, c, h) => {
        expect(scoreValue(t, c, now, h)).toBe(score(t, c, { now, labels, history: h }).score);
      }),
    );
  });

  it('is deterministic, and ranks with a stable tie-break', () => {
    fc.assert(
      fc.property(target, fc.array(candidate, { maxLength: 30 }), (t, cs) => {
        const a = rank(t, cs, { now, labels }).matches;
        const b = rank(t, [...cs].reverse(), { now, labels }).matches;
        // duplicates by id may differ in content; compare the ranking of unique ids
        const key = (ms: typeof a) => ms.map((m) => `${m.candidate.id}:${m.score}`);
        expect(
          key(a)
            .filter((k, i, arr) => arr.indexOf(k) === i)
            .sort(),
        ).toEqual(
          key(b)
            .filter((k, i, arr) => arr.indexOf(k) === i)
            .sort(),
        );
        for (let i = 1; i < a.length; i++) {
          expect(
            a[i - 1]!.score > a[i]!.score ||
              (a[i - 1]!.score === a[i]!.score && a[i - 1]!.candidate.id <= a[i]!.candidate.id),
          ).toBe(true);
        }
        expect(rank(t, cs, { now, labels }).matches).toEqual(a);
      }),
    );
  });

  it('never lowers a score when a shared issue is added', () => {
    fc.assert(
      fc.property(target, candidate, fc.constantFrom(...ISSUES), (t, c, issue) => {
        const before = score(t, c, { now, labels }).score;
        const t2 = { ...t, issues: [...new Set([...t.issues, issue])] };
        const c2 = { ...c, issues: [...new Set([...c.issues, issue])] };
        expect(score(t2, c2, { now, labels }).score).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('never lowers a score when a complementary pair (an offer meeting a need on the same affair) is added', () => {
    fc.assert(
      fc.property(target, regionCandidate, fc.constantFrom(...AFFAIRS), (t, c, affair) => {
        const opposite = {
          ...c,
          direction: t.direction === 'offer' ? ('need' as const) : ('offer' as const),
        };
        const before = score(t, opposite, { now, labels }).score;
        const t2 = { ...t, affairs: [...new Set([...t.affairs, affair])] };
        const c2 = { ...opposite, affairs: [...new Set([...opposite.affairs, affair])] };
        expect(score(t2, c2, { now, labels }).score).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('gives 0 to a candidate of a kind the potential is not open to, and to administrative regions', () => {
    fc.assert(
      fc.property(target, candidate, (t, c) => {
        const kind =
          c.type === 'potential'
            ? 'KSDD'
            : ((
                {
                  foreign_region: 'KSDPL',
                  foreign_institution: 'KSDLL',
                  central_institution: 'SINERGI',
                } as Record<string, string>
              )[c.partnerKind] ?? 'KSDPK');
        const closed = {
          ...t,
          cooperationKinds: t.cooperationKinds
            .filter((k) => k !== kind)
            .concat(
              t.cooperationKinds.every((k) => k === kind)
                ? ['SINERGI', 'KSDPL', 'KSDPK', 'KSDD'].filter((k) => k !== kind).slice(0, 1)
                : [],
            ),
        };
        expect(score(closed, c, { now, labels }).score).toBe(0);
        if (c.type === 'potential')
          expect(
            score({ ...t, cooperationKinds: KINDS }, { ...c, autonomous: false }, { now, labels })
              .score,
          ).toBe(0);
      }),
    );
  });

  it('ranks the complementary partner above a merely similar one, and says why in both languages', () => {
    const t: Target = {
      id: 'pot_t',
      tenantId: 'ten_o',
      regionCode: '72.71',
      provinceCode: '72',
      islandGroup: 'sulawesi',
      direction: 'need',
      affairs: ['trantibum_linmas'],
      issues: ['penanggulangan_bencana'],
      cooperationKinds: ['KSDD', 'KSDPK'],
      mandatory: false,
      valueIdr: 1_000_000_000,
      neighbours: [],
    };
    const base = {
      type: 'partner' as const,
      partnerKind: 'university',
      offers: 'pelatihan evakuasi',
      regionsOfInterest: ['72.71'],
      engagementMinIdr: 100_000_000,
      engagementMaxIdr: 2_000_000_000,
      updatedAt: now,
    };
    const matches = rank(
      t,
      [
        {
          ...base,
          id: 'ten_similar',
          tenantId: 'ten_similar',
          name: 'Serupa',
          affairs: [],
          issues: ['inflasi'],
        },
        {
          ...base,
          id: 'ten_fit',
          tenantId: 'ten_fit',
          name: 'Cocok',
          affairs: ['trantibum_linmas'],
          issues: ['penanggulangan_bencana'],
        },
      ],
      {
        now,
        labels: {
          affairs: (c) => ({ id: c, en: c }),
          issues: (c) =>
            c === 'penanggulangan_bencana'
              ? { id: 'penanggulangan bencana', en: 'disaster management' }
              : { id: c, en: c },
        },
      },
    ).matches;
    expect(matches[0]!.candidate.id).toBe('ten_fit');
    const texts = matches[0]!.reasons.map((r) => r.id);
    // the shared issue is said once, where the partner is named with its offer
    expect(texts.join(' | ').split('penanggulangan bencana').length - 1).toBe(1);
    expect(matches[0]!.reasons.map((r) => r.en).join(' | ')).toContain('disaster management');
    expect(texts.some((r) => r.startsWith('Cocok menawarkan “pelatihan evakuasi”'))).toBe(true);
  });

  it('pages a ranking exactly as slicing the whole ranking would, and counts only candidates that share something', () => {
    fc.assert(
      fc.property(
        target,
        fc.uniqueArray(candidate, { maxLength: 40, selector: (c) => c.id }),
        fc.nat(10),
        fc.integer({ min: 1, max: 10 }),
        history,
        (t, cs, offset, limit, h) => {
          const hist = new Map(cs.slice(0, 3).map((c) => [c.tenantId, h]));
          const all = rank(t, cs, { now, labels, history: hist });
          const page = rank(t, cs, { now, labels, history: hist, offset, limit });
          expect(page.total).toBe(cs.filter((c) => isCandidate(t, c)).length);
          expect(page.total).toBe(all.total);
          expect(page.matches).toEqual(all.matches.slice(offset, offset + limit));
          for (const m of all.matches)
            expect(m.score).toBe(scoreValue(t, m.candidate, now, hist.get(m.candidate.tenantId)));
        },
      ),
    );
  });

  it("bounds every candidate's score from the facts the database reads (overlap, geography, history exact; size and freshness bucket open)", () => {
    fc.assert(
      fc.property(target, candidate, fc.option(history, { nil: undefined }), (t, c, h) => {
        const hist = h ? new Map([[c.tenantId, h]]) : undefined;
        const b = scoreBounds(t, { now, history: hist });
        fc.pre(isEligible(t, c));
        const facts = {
          complementary: isComplementary(t, c),
          sharedIssues: new Set(c.issues.filter((x) => t.issues.includes(x))).size,
          sharedAffairs: new Set(c.affairs.filter((x) => t.affairs.includes(x))).size,
          geography: geographyCase(t, c),
          tenantId: c.tenantId,
          freshnessBucket: freshnessBucket(b, c.updatedAt),
        };
        const { low, high } = boundsOf(b, facts);
        const s = Math.round(scoreValue(t, c, now, h) * 10);
        expect(low).toBeLessThanOrEqual(s);
        expect(s).toBeLessThanOrEqual(high);
        expect(high - low).toBeLessThanOrEqual(55);
      }),
      { numRuns: 500 },
    );
  });
});

describe('explanations for the reader', () => {
  const labels: Labels = {
    affairs: (c) => ({ id: c === 'pariwisata' ? 'pariwisata' : c, en: c }),
    issues: (c) => ({ id: c === 'pariwisata' ? 'pariwisata' : c, en: c }),
  };
  const target: Target = {
    id: 'pot_need',
    title: 'Promosi wisata bahari',
    tenantId: 'ten_a',
    regionCode: '51.08',
    provinceCode: '51',
    islandGroup: 'bali_nusa_tenggara',
    direction: 'need',
    affairs: ['pariwisata'],
    issues: ['pariwisata'],
    cooperationKinds: ['KSDD'],
    mandatory: false,
    valueIdr: null,
    neighbours: [],
  };
  const offer = {
    type: 'potential' as const,
    id: 'pot_offer',
    tenantId: 'ten_b',
    title: 'Paket wisata desa',
    regionCode: '51.03',
    provinceCode: '51',
    islandGroup: 'bali_nusa_tenggara',
    autonomous: true,
    direction: 'offer' as const,
    affairs: ['pariwisata'],
    issues: ['pariwisata'],
    cooperationKinds: ['KSDD'],
    valueIdr: null,
    updatedAt: now,
  };

  it('names a term once, in plain text, and speaks to whichever side reads', () => {
    const owner = score(target, offer, { now, labels });
    const complement = owner.reasons.find((r) => r.component === 'complementarity')!;
    expect(complement.id).toBe(
      'Penawaran mereka “Paket wisata desa” memenuhi kebutuhan Anda “Promosi wisata bahari” di bidang pariwisata',
    );
    expect(complement.items.map((i) => i.type)).toEqual(['potential', 'affair']);
    const other = score(target, offer, { now, labels, reader: 'candidate' });
    expect(other.reasons.find((r) => r.component === 'complementarity')!.id).toBe(
      'Penawaran Anda “Paket wisata desa” memenuhi kebutuhan mereka “Promosi wisata bahari” di bidang pariwisata',
    );
    expect(other.score).toBe(owner.score);
    for (const r of [...owner.reasons, ...other.reasons]) expect(r.id + r.en).not.toContain('*');
  });

  it('says "have cooperated before" only after an agreement, not an accepted interest', () => {
    const kinds = (h: History) =>
      score(target, offer, { now, labels, history: h })
        .reasons.filter((r) => r.component === 'history')
        .map((r) => r.kind);
    expect(kinds({ accepted: 1, declined: 0, agreements: 0 })).toEqual([
      'interest_accepted_before',
    ]);
    expect(kinds({ accepted: 1, declined: 0, agreements: 1 })).toEqual(['agreements_before']);
    expect(kinds({ accepted: 0, declined: 1, agreements: 0 })).toEqual([]);
  });
});
