import {
  type Candidate,
  type ComponentScore,
  type History,
  type Label,
  type Labels,
  type Match,
  type Reader,
  type Reason,
  type ReasonItem,
  type Target,
} from './types';
import {
  type Component,
  FRESH_DAYS,
  PARTNER_KIND_TO_COOPERATION,
  STALE_DAYS,
  WEIGHTS,
} from './weights';

/**
 * Pure scoring of a candidate for a published potential: plain data in, a
 * score 0–100 with its explained components out. No I/O, no clock of its own
 * (`now` is an input), so the same inputs always give the same result.
 */

const intersect = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x));
};
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** "A, B dan C": labels once each (an affair and an issue may share a name), in plain text. */
const list = (items: Label[], lang: 'id' | 'en') => {
  const words = [...new Set(items.map((l) => l[lang]))];
  // names that hold commas themselves are set apart with semicolons ("…; dan …")
  const sep = words.some((w) => w.includes(',')) ? ';' : '';
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(sep ? '; ' : ', ')}${sep} ${lang === 'id' ? 'dan' : 'and'} ${words.at(-1)}`;
};
/** The items without repeating a name: "pariwisata" the affair and the issue is one item. */
const distinctItems = (items: ReasonItem[]) =>
  items.filter((x, i) => items.findIndex((y) => y.id.toLowerCase() === x.id.toLowerCase()) === i);
const quoted = (s: string | undefined) => (s ? ` “${s}”` : '');

/**
 * A component's contribution in tenths of a point: its value (0–1) times its
 * weight, rounded to one decimal. Scores are sums of these, so they are exact
 * in tenths and the same however they are added up.
 */
export const tenths = (component: Component, value: number) =>
  Math.round(clamp01(value) * WEIGHTS[component] * 10);

export function cooperationKindOf(candidate: Candidate): string {
  return candidate.type === 'potential'
    ? 'KSDD'
    : (PARTNER_KIND_TO_COOPERATION[candidate.partnerKind] ?? 'KSDPK');
}

/**
 * Whether a region can be party to a mandatory (wajib) cooperation with the
 * target's region (UU 23/2014 art. 363(2)): it borders it, or one is the
 * province and the other a kabupaten/kota in its territory.
 */
export function mayBeMandatoryWith(
  target: Pick<Target, 'regionCode' | 'neighbours'>,
  regionCode: string,
): boolean {
  if (target.neighbours.includes(regionCode)) return true;
  const targetIsProvince = !target.regionCode.includes('.');
  const otherIsProvince = !regionCode.includes('.');
  if (targetIsProvince === otherIsProvince) return false;
  return targetIsProvince
    ? regionCode.startsWith(`${target.regionCode}.`)
    : target.regionCode.startsWith(`${regionCode}.`);
}

/**
 * The candidate's kind must be one the potential is open to; a region candidate
 * must be open to KSDD too and autonomous. A mandatory potential's candidates
 * are only the regions it can be mandatory with.
 */
export function isEligible(target: Target, candidate: Candidate): boolean {
  if (candidate.tenantId === target.tenantId) return false;
  if (!target.cooperationKinds.includes(cooperationKindOf(candidate))) return false;
  if (target.mandatory)
    return (
      candidate.type === 'potential' &&
      candidate.autonomous &&
      candidate.cooperationKinds.includes('KSDD') &&
      mayBeMandatoryWith(target, candidate.regionCode)
    );
  if (candidate.type === 'potential')
    return candidate.autonomous && candidate.cooperationKinds.includes('KSDD');
  return true;
}

/** Whether the candidate's side complements the target's: an offer meeting a need. */
export const isComplementary = (target: Target, c: Candidate) =>
  c.type === 'potential' ? c.direction !== target.direction : target.direction === 'need';

/**
 * The three overlap components (complementarity, shared issues, affairs) in
 * tenths, from how many distinct issues and affairs are shared. Everything
 * else in a score is geography, size, history and freshness, together at most
 * 30 points: this is what lets the database bound a score before it is computed.
 */
export function overlapTenths(
  distinctIssues: number,
  distinctAffairs: number,
  sharedIssues: number,
  sharedAffairs: number,
  complementary: boolean,
): number {
  const denominator = Math.max(1, distinctIssues + distinctAffairs);
  return (
    tenths(
      'complementarity',
      complementary ? (sharedAffairs + sharedIssues) / Math.min(denominator, 3) : 0,
    ) +
    tenths('sharedIssues', distinctIssues ? sharedIssues / Math.min(distinctIssues, 3) : 0) +
    tenths('affairs', distinctAffairs ? sharedAffairs / Math.min(distinctAffairs, 3) : 0)
  );
}

/**
 * Geography as one of a fixed list of cases. For a region: a declared
 * neighbour, the same province, the same island group, or elsewhere. For a
 * partner: it declared interest in the region, in its province, declared no
 * regions at all (open anywhere), or only other regions.
 */
export const GEOGRAPHY_CASES = [
  'neighbour',
  'province',
  'island',
  'elsewhere',
  'interest_region',
  'interest_province',
  'open',
  'interest_elsewhere',
] as const;
export type GeographyCase = (typeof GEOGRAPHY_CASES)[number];

export function geographyCase(target: Target, c: Candidate): GeographyCase {
  if (c.type === 'partner') {
    if (c.regionsOfInterest.includes(target.regionCode)) return 'interest_region';
    if (c.regionsOfInterest.includes(target.provinceCode)) return 'interest_province';
    return c.regionsOfInterest.length === 0 ? 'open' : 'interest_elsewhere';
  }
  if (target.neighbours.includes(c.regionCode)) return 'neighbour';
  if (c.provinceCode === target.provinceCode) return 'province';
  return c.islandGroup === target.islandGroup ? 'island' : 'elsewhere';
}

/** Mandatory cooperation (wajib) is between bordering regions: other regions count little. */
export function geographyValue(target: Target, g: GeographyCase): number {
  switch (g) {
    case 'neighbour':
    case 'interest_region':
      return 1;
    case 'province':
      return target.mandatory ? 0.4 : 0.7;
    case 'island':
      return target.mandatory ? 0.1 : 0.35;
    case 'interest_province':
      return 0.7;
    case 'open':
      return 0.3;
    default:
      return 0;
  }
}

const GEOGRAPHY_REASONS: Partial<Record<GeographyCase, Label>> = {
  neighbour: { id: 'Daerah yang berbatasan langsung', en: 'A bordering region' },
  province: { id: 'Berada dalam provinsi yang sama', en: 'In the same province' },
  island: { id: 'Berada dalam gugus pulau yang sama', en: 'In the same island group' },
  interest_region: {
    id: 'Mitra menyatakan minat pada wilayah Anda',
    en: 'The partner declared an interest in your region',
  },
  interest_province: {
    id: 'Mitra menyatakan minat pada provinsi Anda',
    en: 'The partner declared an interest in your province',
  },
};
/** Geography naming the other region, when its name is known. */
function namedGeography(geo: GeographyCase, name: string | undefined): Label | null {
  if (!name) return null;
  if (geo === 'neighbour')
    return {
      id: `${name} berbatasan langsung dengan daerah Anda`,
      en: `${name} borders your region`,
    };
  if (geo === 'province')
    return { id: `${name} berada dalam provinsi yang sama`, en: `${name} is in the same province` };
  if (geo === 'island')
    return {
      id: `${name} berada dalam gugus pulau yang sama`,
      en: `${name} is in the same island group`,
    };
  return null;
}

/** The same facts read by the partner itself. */
const GEOGRAPHY_REASONS_FOR_PARTNER: Partial<Record<GeographyCase, Label>> = {
  interest_region: {
    id: 'Daerah ini termasuk wilayah yang Anda minati',
    en: 'This region is one you declared an interest in',
  },
  interest_province: {
    id: 'Daerah ini berada di provinsi yang Anda minati',
    en: 'This region is in a province you declared an interest in',
  },
};

/** The candidate's typical engagement, or its own value, against the potential's value. */
export function sizeValue(target: Target, c: Candidate): number {
  const value = target.valueIdr;
  if (value === null || value <= 0) return 0.5;
  if (c.type === 'partner') {
    const { engagementMinIdr: min, engagementMaxIdr: max } = c;
    if (min === null && max === null) return 0.5;
    if ((min === null || value >= min) && (max === null || value <= max)) return 1;
    const nearest = value < (min ?? 0) ? min! : max!;
    return nearest > 0 && Math.max(value, nearest) / Math.min(value, nearest) <= 2 ? 0.5 : 0;
  }
  if (c.valueIdr === null || c.valueIdr <= 0) return 0.5;
  return Math.min(value, c.valueIdr) / Math.max(value, c.valueIdr);
}

/** Accepted interests and agreements raise it, declined interests lower it; none is neutral (0.5). */
export const historyValue = (h: History | undefined) =>
  h ? 0.5 + 0.25 * h.accepted + 0.25 * h.agreements - 0.25 * h.declined : 0.5;

/** Full within FRESH_DAYS of the last update, then falling linearly to zero at STALE_DAYS. */
export function freshnessValue(updatedAt: Date, now: Date): number {
  const days = (now.getTime() - updatedAt.getTime()) / 86400_000;
  if (days <= FRESH_DAYS) return 1;
  return clamp01(1 - (days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS));
}

const distinctCount = (xs: readonly string[]) => (xs.length < 2 ? xs.length : new Set(xs).size);

/**
 * A target compiled for scoring many candidates: its codes as bits, its
 * overlap table precomputed, so a candidate costs a few lookups and no
 * allocation. Returns a score in tenths, or -1 when the candidate is not one:
 * not eligible, or sharing no issue and no affair.
 */
function compile(target: Target, now: Date, history?: Map<string, History>) {
  const issues = [...new Set(target.issues)];
  const affairs = [...new Set(target.affairs)];
  const nI = issues.length;
  const nA = affairs.length;
  const overlap = new Int32Array(2 * (nI + 1) * (nA + 1));
  for (let compl = 0; compl < 2; compl++)
    for (let si = 0; si <= nI; si++)
      for (let sa = 0; sa <= nA; sa++)
        overlap[(compl * (nI + 1) + si) * (nA + 1) + sa] = overlapTenths(
          nI,
          nA,
          si,
          sa,
          compl === 1,
        );
  const geography = new Map(
    GEOGRAPHY_CASES.map((g) => [g, tenths('geography', geographyValue(target, g))]),
  );
  const neutral = tenths('history', historyValue(undefined));
  const regionsOpen = target.cooperationKinds.includes('KSDD');
  const partnerKindsOpen = new Map(
    Object.entries(PARTNER_KIND_TO_COOPERATION).map(([kind, k]) => [
      kind,
      target.cooperationKinds.includes(k),
    ]),
  );
  const unknownPartnerKindOpen = target.cooperationKinds.includes('KSDPK');
  // distinct shared codes: a bit per target code (a target has at most 32 of each vocabulary)
  const shared = (codes: readonly string[], of: readonly string[]) => {
    let mask = 0;
    for (let i = 0; i < codes.length; i++) {
      const j = of.indexOf(codes[i]!);
      if (j >= 0) mask |= 1 << j;
    }
    let n = 0;
    for (let v = mask >>> 0; v; v &= v - 1) n++;
    return n;
  };
  return (c: Candidate): number => {
    if (c.type === 'potential') {
      if (!regionsOpen || !c.autonomous || !c.cooperationKinds.includes('KSDD')) return -1;
      if (target.mandatory && !mayBeMandatoryWith(target, c.regionCode)) return -1;
    } else if (target.mandatory) return -1;
    else if (!(partnerKindsOpen.get(c.partnerKind) ?? unknownPartnerKindOpen)) return -1;
    const si = shared(c.issues, issues);
    const sa = shared(c.affairs, affairs);
    if (si + sa === 0 || c.tenantId === target.tenantId) return -1;
    const h = history?.get(c.tenantId);
    return (
      overlap[((isComplementary(target, c) ? nI + 1 : 0) + si) * (nA + 1) + sa]! +
      geography.get(geographyCase(target, c))! +
      tenths('size', sizeValue(target, c)) +
      (h ? tenths('history', historyValue(h)) : neutral) +
      tenths('freshness', freshnessValue(c.updatedAt, now))
    );
  };
}

/** Whether a candidate enters a ranking: eligible, and sharing at least one issue or affair. */
export function isCandidate(target: Target, candidate: Candidate): boolean {
  return (
    isEligible(target, candidate) &&
    (intersect(target.issues, candidate.issues).length > 0 ||
      intersect(target.affairs, candidate.affairs).length > 0)
  );
}

/**
 * The score alone, without building explanations: what ranking thousands of
 * candidates needs. Equal to `score(...).score` for the same inputs.
 */
export function scoreValue(
  target: Target,
  candidate: Candidate,
  now: Date,
  history?: History,
): number {
  if (!isEligible(target, candidate)) return 0;
  const si = intersect(target.issues, candidate.issues).length;
  const sa = intersect(target.affairs, candidate.affairs).length;
  const total =
    overlapTenths(
      distinctCount(target.issues),
      distinctCount(target.affairs),
      si,
      sa,
      isComplementary(target, candidate),
    ) +
    tenths('geography', geographyValue(target, geographyCase(target, candidate))) +
    tenths('size', sizeValue(target, candidate)) +
    tenths('history', historyValue(history)) +
    tenths('freshness', freshnessValue(candidate.updatedAt, now));
  return Math.min(1000, total) / 10;
}

export function score(
  target: Target,
  candidate: Candidate,
  input: { now: Date; labels: Labels; history?: History; reader?: Reader },
): Match {
  const { labels } = input;
  const mine = (input.reader ?? 'target') === 'target';
  // the other side, named: the candidate's region or partner for the target's owner; the target's
  // region for the candidate's tenant
  const otherName = mine
    ? candidate.type === 'potential'
      ? labels.regions?.(candidate.regionCode)
      : candidate.name
    : labels.regions?.(target.regionCode);
  const reasons: Reason[] = [];
  const components: ComponentScore[] = [];
  const add = (component: Component, value: number) => {
    const v = clamp01(value);
    components.push({
      component,
      weight: WEIGHTS[component],
      value: Math.round(v * 100) / 100,
      contribution: tenths(component, v) / 10,
    });
  };
  const total = () =>
    Math.min(
      1000,
      components.reduce((s, c) => s + Math.round(c.contribution * 10), 0),
    ) / 10;

  if (!isEligible(target, candidate)) {
    for (const c of Object.keys(WEIGHTS) as Component[]) add(c, 0);
    return {
      candidate,
      score: 0,
      components,
      reasons: [
        {
          component: 'complementarity',
          kind: 'kind_mismatch',
          items: [],
          id: 'Jenis kerja sama tidak sesuai',
          en: 'The cooperation kind does not fit',
        },
      ],
    };
  }

  const sharedIssues = intersect(target.issues, candidate.issues);
  const sharedAffairs = intersect(target.affairs, candidate.affairs);
  const nI = distinctCount(target.issues);
  const nA = distinctCount(target.affairs);

  // complementarity: opposite directions (a region's offer meets another's need), or a partner bringing what the region needs
  const complementary = isComplementary(target, candidate);
  const complementItems = complementary ? [...sharedAffairs, ...sharedIssues] : [];
  // not deduplicated across the two lists ("pariwisata" is an affair and an issue): keeps the score monotone
  add('complementarity', complementItems.length / Math.min(Math.max(1, nI + nA), 3));
  if (complementItems.length) {
    const items = distinctItems([
      ...sharedAffairs.map((code) => ({ code, type: 'affair' as const, ...labels.affairs(code) })),
      ...sharedIssues.map((code) => ({ code, type: 'issue' as const, ...labels.issues(code) })),
    ]);
    reasons.push(complementReason(target, candidate, mine, items, otherName));
  }

  // each shared issue and affair is said once: in the complementarity reason when there is one
  const said = complementItems.length > 0;
  add('sharedIssues', nI ? sharedIssues.length / Math.min(nI, 3) : 0);
  if (sharedIssues.length && !said) {
    const items = sharedIssues.map((code) => ({
      code,
      type: 'issue' as const,
      ...labels.issues(code),
    }));
    reasons.push({
      component: 'sharedIssues',
      kind: 'shared_issues',
      items,
      id: `Keduanya menangani ${list(items, 'id')}`,
      en: `Both work on ${list(items, 'en')}`,
    });
  }

  add('affairs', nA ? sharedAffairs.length / Math.min(nA, 3) : 0);
  if (sharedAffairs.length && !said) {
    const items = sharedAffairs.map((code) => ({
      code,
      type: 'affair' as const,
      ...labels.affairs(code),
    }));
    reasons.push({
      component: 'affairs',
      kind: 'same_affairs',
      items,
      id: `Urusan yang sama: ${list(items, 'id')}`,
      en: `Same government affairs: ${list(items, 'en')}`,
    });
  }

  const geo = geographyCase(target, candidate);
  add('geography', geographyValue(target, geo));
  const geoReason =
    namedGeography(geo, otherName) ??
    ((!mine && GEOGRAPHY_REASONS_FOR_PARTNER[geo]) || GEOGRAPHY_REASONS[geo]);
  if (geoReason)
    reasons.push({ component: 'geography', kind: `geography.${geo}`, items: [], ...geoReason });

  add('size', sizeValue(target, candidate));

  const h = input.history;
  add('history', historyValue(h));
  // "cooperated" only after an agreement every party confirmed; an accepted interest is less
  if (h && h.agreements > 0)
    reasons.push({
      component: 'history',
      kind: 'agreements_before',
      items: [],
      id: 'Pernah bekerja sama sebelumnya',
      en: 'Have cooperated before',
    });
  else if (h && h.accepted > 0)
    reasons.push({
      component: 'history',
      kind: 'interest_accepted_before',
      items: [],
      id: 'Pernyataan minat di antara kedua pihak pernah diterima',
      en: 'An interest between the two was accepted before',
    });

  add('freshness', freshnessValue(candidate.updatedAt, input.now));

  return { candidate, score: total(), components, reasons };
}

/**
 * Complementarity in the reader's words: the owner of the target reads "their
 * offer meets your need"; the candidate's tenant, recommended the target,
 * reads the same fact from its side.
 */
function complementReason(
  target: Target,
  candidate: Candidate,
  mine: boolean,
  areas: ReasonItem[],
  otherName?: string,
): Reason {
  const base = { component: 'complementarity' as const, items: [] as ReasonItem[] };
  const theirs =
    candidate.type === 'potential' ? candidate.title : (candidate.offers ?? candidate.name);
  const item: ReasonItem = {
    code: candidate.id,
    type: candidate.type === 'potential' ? 'potential' : 'offer',
    id: theirs,
    en: theirs,
  };
  const targetItem: ReasonItem[] = target.title
    ? [{ code: target.id, type: 'potential', id: target.title, en: target.title }]
    : [];
  const idArea = `di bidang ${list(areas, 'id')}`;
  const enArea = `in ${list(areas, 'en')}`;
  const t = quoted(target.title);
  const c = quoted(theirs);
  const offerMeetsNeed = candidate.type === 'potential' && candidate.direction === 'offer';
  if (candidate.type === 'partner') {
    // a partner without a written offer is named by what it can do, not by its own name
    const offer = candidate.offers ? c : '';
    const offerItems = candidate.offers ? [item] : [];
    return mine
      ? {
          ...base,
          kind: 'they_offer_for_your_need',
          items: [...offerItems, ...areas],
          id: offer
            ? `${otherName ?? 'Mereka'} menawarkan${offer} untuk kebutuhan Anda ${idArea}`
            : `${otherName ?? 'Mereka'} dapat memenuhi kebutuhan Anda ${idArea}`,
          en: offer
            ? `They offer${offer} for your need ${enArea}`
            : `They can meet your need ${enArea}`,
        }
      : {
          ...base,
          kind: 'you_offer_for_their_need',
          items: [...targetItem, ...areas],
          id: offer
            ? `Anda menawarkan${offer} untuk kebutuhan ${otherName ?? 'mereka'}${t} ${idArea}`
            : `Anda dapat memenuhi kebutuhan ${otherName ?? 'mereka'}${t} ${idArea}`,
          en: offer
            ? `You offer${offer} for their need${t} ${enArea}`
            : `You can meet their need${t} ${enArea}`,
        };
  }
  // the candidate offers and the target needs, or the other way round; "your" is the reader's
  const readerOffers = offerMeetsNeed !== mine;
  const yours = mine ? t : c;
  const other = mine ? c : t;
  const otherItem = mine ? [item] : targetItem;
  // the other region by its name when known ("Kabupaten Sigi"), else "mereka"
  const theirsId = otherName ? `${otherName}` : 'mereka';
  const theirsEn = otherName ? `${otherName}’s` : 'their';
  return readerOffers
    ? {
        ...base,
        kind: 'your_offer_meets_their_need',
        items: [...otherItem, ...areas],
        id: `Penawaran Anda${yours} memenuhi kebutuhan ${theirsId}${other} ${idArea}`,
        en: `Your offer${yours} meets ${theirsEn} need${other} ${enArea}`,
      }
    : {
        ...base,
        kind: 'their_offer_meets_your_need',
        items: [...otherItem, ...areas],
        id: `Penawaran ${theirsId}${other} memenuhi kebutuhan Anda${yours} ${idArea}`,
        en: `${otherName ? `${otherName}’s offer` : 'Their offer'}${other} meets your need${yours} ${enArea}`,
      };
}

/** Score descending, then id ascending: a stable tie-break. */
const better = (a: { s: number; id: string }, b: { s: number; id: string }) =>
  a.s > b.s || (a.s === b.s && a.id < b.id);

/**
 * Ranks candidates for a target and explains one page. Only candidates (see
 * `isCandidate`) are ranked; `total` counts them. The page — `limit` matches
 * after `offset` (default: all) — carries components and reasons. Selecting
 * the page keeps a bounded heap of `offset + limit`, so ranking n candidates
 * costs n scores plus n·log(page), not a sort of all n.
 */
export function rank(
  target: Target,
  candidates: readonly Candidate[],
  input: {
    now: Date;
    labels: Labels;
    history?: Map<string, History>;
    offset?: number;
    limit?: number;
  },
): { total: number; matches: Match[] } {
  const scoreOf = compile(target, input.now, input.history);
  const offset = input.offset ?? 0;
  const keep = input.limit === undefined ? Infinity : offset + input.limit;
  // a min-heap of the best `keep` so far: its root is the worst kept
  const heap: { s: number; id: string; c: Candidate }[] = [];
  let total = 0;
  for (const c of candidates) {
    const s = scoreOf(c);
    if (s < 0) continue;
    total++;
    if (heap.length < keep) {
      heap.push({ s, id: c.id, c });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!, heap[i]!)) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    } else if (keep > 0 && (s > heap[0]!.s || (s === heap[0]!.s && c.id < heap[0]!.id))) {
      heap[0] = { s, id: c.id, c };
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
        if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
        if (worst === i) break;
        [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
        i = worst;
      }
    }
  }
  heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  const matches = heap.slice(offset).map(({ c }) =>
    score(target, c, {
      now: input.now,
      labels: input.labels,
      history: input.history?.get(c.tenantId),
    }),
  );
  return { total, matches };
}
