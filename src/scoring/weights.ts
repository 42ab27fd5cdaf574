/**
 * The weights of the matching score, in one place. They add up to 100, so a
 * score is the sum of the components' contributions, each at most its weight.
 *
 * - complementarity (30): one side's offer meets the other's need on the same
 *   affairs or issues — weighted above mere similarity, because a match is
 *   someone who has what you lack.
 * - sharedIssues (25): strategic issues both work on (inflation, extreme
 *   poverty, tourism, disasters, border areas, …).
 * - affairs (15): government affairs (urusan) in common.
 * - geography (15): declared neighbours, same province, same island group; for
 *   partners, the regions they declared an interest in. Mandatory (wajib)
 *   cooperation counts neighbours fully and others little.
 * - size (5): the candidate's typical engagement, or its own value, against the
 *   potential's estimated value.
 * - history (5): past cooperation between the two: accepted interests and
 *   agreements raise it, declined ones lower it; none is neutral.
 * - freshness (5): recently published or updated candidates first.
 *
 * A candidate of a cooperation kind the potential is not open to, or an
 * administrative region, is not a candidate: it scores 0.
 */
export const WEIGHTS = {
  complementarity: 30,
  sharedIssues: 25,
  affairs: 15,
  geography: 15,
  size: 5,
  history: 5,
  freshness: 5,
} as const;

export type Component = keyof typeof WEIGHTS;

/** How a partner organisation's kind maps to the cooperation kind it stands for. */
export const PARTNER_KIND_TO_COOPERATION: Record<string, 'KSDPK' | 'KSDPL' | 'KSDLL' | 'SINERGI'> =
  {
    company: 'KSDPK',
    bumn_bumd: 'KSDPK',
    university: 'KSDPK',
    ngo: 'KSDPK',
    foreign_region: 'KSDPL',
    foreign_institution: 'KSDLL',
    central_institution: 'SINERGI',
  };

/** Freshness: full within this many days, then falling linearly to zero at a year. */
export const FRESH_DAYS = 30;
export const STALE_DAYS = 365;
