/** The data the pure scorer reads and returns (no I/O). */
import { type Component } from './weights';

export type Label = { id: string; en: string };
export type Labels = {
  affairs: (code: string) => Label;
  issues: (code: string) => Label;
  /** a region's name by its code ("Kabupaten Sigi", "Provinsi Bali"): explanations name the other side */
  regions?: (code: string) => string | undefined;
};

export type Target = {
  id: string;
  /** its title, when known: named in explanations read by the other side */
  title?: string;
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

/** What a reason speaks of: a term of a vocabulary, a potential, or a partner's offer, in both languages. */
export type ReasonItem = Label & { code: string; type: 'affair' | 'issue' | 'potential' | 'offer' };
/**
 * Why a candidate fits, phrased for whoever reads it (the target's owner, or
 * the candidate's own tenant when it is recommended something): a stable
 * `kind`, the items it names, and plain text in each language.
 */
export type Reason = Label & { component: Component; kind: string; items: ReasonItem[] };
/** Who reads the explanation: the owner of the target, or the candidate's tenant. */
export type Reader = 'target' | 'candidate';
export type ComponentScore = {
  component: Component;
  weight: number;
  value: number;
  contribution: number;
};
export type Match = {
  candidate: Candidate;
  score: number;
  components: ComponentScore[];
  reasons: Reason[];
};
