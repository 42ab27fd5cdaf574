import { FRESH_DAYS, PARTNER_KIND_TO_COOPERATION, STALE_DAYS, WEIGHTS, type Component } from './weights';

/**
 * Pure scoring of a candidate for a published potential: plain data in, a
 * score 0–100 with its explained components out. No I/O, no clock of its own
 * (`now` is an input), so the same inputs always give the same result.
 */
export type Label = { id: string; en: string };
export type Labels = { affairs: (code: string) => Label; issues: (code: string) => Label };

export type Target = {
  id: string;
  tenantId: string;
  regionCode: string;
  provinceCode: string;
  islandGroup: string;
  direction: 'offer' | 'need';
  affairs: string[];
  issues: string[];
  cooperationKinds: string[];
  mandatory: boolean;
  valueIdr: number | null;
  /** regions the owner declared as neighbours (its profile) */
  neighbours: string[];
};

export type RegionCandidate = {
  type: 'potential';
  id: string;
  tenantId: string;
  title: string;
  regionCode: string;
  provinceCode: string;
  islandGroup: string;
  autonomous: boolean;
  direction: 'offer' | 'need';
  affairs: string[];
  issues: string[];
  cooperationKinds: string[];
  valueIdr: number | null;
  updatedAt: Date;
};

export type PartnerCandidate = {
  type: 'partner';
  id: string;
  tenantId: string;
  name: string;
  partnerKind: string;
  affairs: string[];
  issues: string[];
  offers: string | null;
  regionsOfInterest: string[];
  engagementMinIdr: number | null;
  engagementMaxIdr: number | null;
  updatedAt: Date;
};

export type Candidate = RegionCandidate | PartnerCandidate;

/** Past cooperation between the target's owner and the candidate's tenant. */
export type History = { accepted: number; declined: number; agreements: number };

export type Reason = Label & { component: Component };
export type ComponentScore = { component: Component; weight: number; value: number; contribution: number };
export type Match = { candidate: Candidate; score: number; components: ComponentScore[]; reasons: Reason[] };

const intersect = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x));
};
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const round1 = (x: number) => Math.round(x * 10) / 10;
const list = (labels: Label[], lang: 'id' | 'en') => labels.map((l) => `*${l[lang]}*`).join(lang === 'en' ? ', ' : ', ');

export function cooperationKindOf(candidate: Candidate): string {
  return candidate.type === 'potential' ? 'KSDD' : (PARTNER_KIND_TO_COOPERATION[candidate.partnerKind] ?? 'KSDPK');
}

/** The candidate's kind must be one the potential is open to; a region candidate must be open to KSDD too and autonomous. */
export function isEligible(target: Target, candidate: Candidate): boolean {
  if (candidate.tenantId === target.tenantId) return false;
  if (!target.cooperationKinds.includes(cooperationKindOf(candidate))) return false;
  if (candidate.type === 'potential') return candidate.autonomous && candidate.cooperationKinds.includes('KSDD');
  return true;
}

function geography(target: Target, c: Candidate): { value: number; reason: Label | null } {
  if (c.type === 'partner') {
    if (c.regionsOfInterest.includes(target.regionCode)) return { value: 1, reason: { id: 'Mitra menyatakan minat pada wilayah Anda', en: 'The partner declared an interest in your region' } };
    if (c.regionsOfInterest.includes(target.provinceCode)) return { value: 0.7, reason: { id: 'Mitra menyatakan minat pada provinsi Anda', en: 'The partner declared an interest in your province' } };
    if (c.regionsOfInterest.length === 0) return { value: 0.3, reason: null };
    return { value: 0, reason: null };
  }
  const neighbour = target.neighbours.includes(c.regionCode);
  if (neighbour) return { value: 1, reason: { id: 'Daerah yang berbatasan langsung', en: 'A bordering region' } };
  const sameProvince = c.provinceCode === target.provinceCode;
  const sameIsland = c.islandGroup === target.islandGroup;
  // Mandatory cooperation (wajib) is between bordering regions: others count little.
  if (sameProvince) return { value: target.mandatory ? 0.4 : 0.7, reason: { id: 'Berada dalam provinsi yang sama', en: 'In the same province' } };
  if (sameIsland) return { value: target.mandatory ? 0.1 : 0.35, reason: { id: 'Berada dalam gugus pulau yang sama', en: 'In the same island group' } };
  return { value: 0, reason: null };
}

function size(target: Target, c: Candidate): number {
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

function freshness(updatedAt: Date, now: Date): number {
  const days = (now.getTime() - updatedAt.getTime()) / 86400_000;
  if (days <= FRESH_DAYS) return 1;
  return clamp01(1 - (days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS));
}

const countShared = (a: readonly string[], b: readonly string[]) => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (b.includes(a[i]!) && a.indexOf(a[i]!) === i) n++;
  return n;
};

/**
 * The score alone, without building explanations: what ranking thousands of
 * candidates needs. Equal to `score(...).score` for the same inputs.
 */
export function scoreValue(target: Target, candidate: Candidate, now: Date, history?: History): number {
  if (!isEligible(target, candidate)) return 0;
  const sharedIssues = countShared(target.issues, candidate.issues);
  const sharedAffairs = countShared(target.affairs, candidate.affairs);
  const complementary = candidate.type === 'potential' ? candidate.direction !== target.direction : target.direction === 'need';
  const denominator = Math.max(1, new Set(target.affairs).size + new Set(target.issues).size);
  const h = history ?? { accepted: 0, declined: 0, agreements: 0 };
  const parts: [number, number][] = [
    [WEIGHTS.complementarity, complementary ? (sharedAffairs + sharedIssues) / Math.min(denominator, 3) : 0],
    [WEIGHTS.sharedIssues, target.issues.length ? sharedIssues / Math.min(target.issues.length, 3) : 0],
    [WEIGHTS.affairs, target.affairs.length ? sharedAffairs / Math.min(target.affairs.length, 3) : 0],
    [WEIGHTS.geography, geography(target, candidate).value],
    [WEIGHTS.size, size(target, candidate)],
    [WEIGHTS.history, 0.5 + 0.25 * h.accepted + 0.25 * h.agreements - 0.25 * h.declined],
    [WEIGHTS.freshness, freshness(candidate.updatedAt, now)],
  ];
  let total = 0;
  for (const [w, v] of parts) total += round1(clamp01(v) * w);
  return Math.min(100, Math.max(0, round1(total)));
}

export function score(target: Target, candidate: Candidate, input: { now: Date; labels: Labels; history?: History }): Match {
  const { labels } = input;
  const reasons: Reason[] = [];
  const components: ComponentScore[] = [];
  const add = (component: Component, value: number) => {
    const v = clamp01(value);
    components.push({ component, weight: WEIGHTS[component], value: round1(v * 100) / 100, contribution: round1(v * WEIGHTS[component]) });
  };

  if (!isEligible(target, candidate)) {
    for (const c of Object.keys(WEIGHTS) as Component[]) add(c, 0);
    return { candidate, score: 0, components, reasons: [{ component: 'complementarity', id: 'Jenis kerja sama tidak sesuai', en: 'The cooperation kind does not fit' }] };
  }

  const sharedIssues = intersect(target.issues, candidate.issues);
  const sharedAffairs = intersect(target.affairs, candidate.affairs);

  // complementarity: opposite directions (a region's offer meets another's need), or a partner bringing what the region needs
  const complementary =
    candidate.type === 'potential' ? candidate.direction !== target.direction : target.direction === 'need';
  const complementItems = complementary ? [...sharedAffairs, ...sharedIssues] : [];
  // not deduplicated across the two lists ("pariwisata" is an affair and an issue): keeps the score monotone
  const complementDenominator = Math.max(1, new Set(target.affairs).size + new Set(target.issues).size);
  add('complementarity', complementItems.length / Math.min(complementDenominator, 3));
  if (complementItems.length) {
    const items = [...sharedAffairs.map(labels.affairs), ...sharedIssues.map(labels.issues)];
    const what = candidate.type === 'potential' ? candidate.title : (candidate.offers ?? candidate.name);
    reasons.push(
      candidate.type === 'potential' && candidate.direction === 'offer'
        ? { component: 'complementarity', id: `Penawaran mereka *${what}* memenuhi kebutuhan Anda di bidang ${list(items, 'id')}`, en: `Their offer *${what}* meets your need in ${list(items, 'en')}` }
        : candidate.type === 'potential'
          ? { component: 'complementarity', id: `Penawaran Anda memenuhi kebutuhan mereka *${what}* di bidang ${list(items, 'id')}`, en: `Your offer meets their need *${what}* in ${list(items, 'en')}` }
          : { component: 'complementarity', id: `Mereka menawarkan *${what}* untuk kebutuhan Anda di bidang ${list(items, 'id')}`, en: `They offer *${what}* for your need in ${list(items, 'en')}` },
    );
  }

  add('sharedIssues', target.issues.length ? sharedIssues.length / Math.min(target.issues.length, 3) : 0);
  if (sharedIssues.length) {
    const items = sharedIssues.map(labels.issues);
    reasons.push({ component: 'sharedIssues', id: `Keduanya menangani ${list(items, 'id')}`, en: `Both work on ${list(items, 'en')}` });
  }

  add('affairs', target.affairs.length ? sharedAffairs.length / Math.min(target.affairs.length, 3) : 0);
  if (sharedAffairs.length) {
    const items = sharedAffairs.map(labels.affairs);
    reasons.push({ component: 'affairs', id: `Urusan yang sama: ${list(items, 'id')}`, en: `Same government affairs: ${list(items, 'en')}` });
  }

  const geo = geography(target, candidate);
  add('geography', geo.value);
  if (geo.reason) reasons.push({ component: 'geography', ...geo.reason });

  add('size', size(target, candidate));

  const h = input.history ?? { accepted: 0, declined: 0, agreements: 0 };
  add('history', 0.5 + 0.25 * h.accepted + 0.25 * h.agreements - 0.25 * h.declined);
  if (h.accepted + h.agreements > 0) reasons.push({ component: 'history', id: 'Pernah bekerja sama sebelumnya', en: 'Have cooperated before' });

  add('freshness', freshness(candidate.updatedAt, input.now));

  const total = round1(components.reduce((s, c) => s + c.contribution, 0));
  return { candidate, score: Math.min(100, Math.max(0, total)), components, reasons };
}

/**
 * Scores every candidate and ranks them: score descending, then id ascending (a
 * stable tie-break). Only the first `explain` matches (default: all) carry their
 * components and reasons; the rest are ranked by the same numbers.
 */
export function rank(
  target: Target,
  candidates: Candidate[],
  input: { now: Date; labels: Labels; history?: Map<string, History>; explain?: number },
): Match[] {
  const scored: { candidate: Candidate; score: number }[] = [];
  for (const c of candidates) {
    if (!isEligible(target, c)) continue;
    scored.push({ candidate: c, score: scoreValue(target, c, input.now, input.history?.get(c.tenantId)) });
  }
  scored.sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));
  const explain = input.explain ?? scored.length;
  return scored.map((s, i) =>
    i < explain ? score(target, s.candidate, { now: input.now, labels: input.labels, history: input.history?.get(s.candidate.tenantId) }) : { ...s, components: [], reasons: [] },
  );
}
