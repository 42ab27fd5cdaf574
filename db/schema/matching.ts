import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Every current matching candidate in one narrow row: a published potential
 * open to KSDD in an autonomous region, or an active partner's profile. It is
 * a projection kept by triggers (migration 0007) in the same transaction as
 * the write to `potentials`, `tenant_profiles` or `tenants`, so it is never
 * stale and never needs rebuilding; matching scans it instead of the wide
 * source tables.
 *
 * Column order is deliberate: the fixed-width, never-null columns every
 * scanned row is tested on come first, so PostgreSQL reads them at fixed
 * offsets; text that is only read for matching rows comes after, and nullable
 * columns last. The masks hold codes as bits in vocabulary order
 * (`sinergi_code_mask` over `sinergi_issues()` / `sinergi_affairs()`).
 */
export const matchCandidates = pgTable(
  'match_candidates',
  {
    issueMask: integer().notNull(),
    /** UU 23/2014 has exactly 32 government affairs: one 32-bit word holds them */
    affairMask: integer().notNull(),
    /** 0: a region's need, 1: a region's offer, 2: a partner */
    side: smallint().notNull(),
    /** a potential's expiry; 'infinity' for partners */
    expiresOn: date({ mode: 'string' }).notNull(),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    tenantId: text().notNull(),
    /** '' for potentials */
    partnerKind: text().notNull(),
    /** '' for partners */
    regionCode: text().notNull(),
    provinceCode: text().notNull(),
    islandGroup: text().notNull(),
    regionsOfInterest: text().array().notNull(),
    /** the provinces of the regions of interest (for the province filter) */
    interestProvinces: text().array().notNull(),
    /** the potential's id, or the partner's tenant id */
    id: text().primaryKey(),
    /** the potential's title or the partner's name */
    name: text().notNull(),
    issues: text().array().notNull(),
    affairs: text().array().notNull(),
    offers: text(),
    valueIdr: bigint({ mode: 'number' }),
    engagementMinIdr: bigint({ mode: 'number' }),
    engagementMaxIdr: bigint({ mode: 'number' }),
    /**
     * Each code prefixed with who can be matched through it — `r.` a region,
     * or the partner's kind (`company.`, `university.`…) — and its vocabulary
     * (`i.` issue, `a.` affair): "r.i.kemiskinan_ekstrem". A request asks for
     * its codes under the kinds its target is open to, so the index returns
     * only the candidates it may rank (migration 0020).
     */
    keys: text()
      .array()
      .notNull()
      .generatedAlwaysAs(sql`sinergi_match_keys(side, partner_kind, issues, affairs)`),
  },
  // the GIN index finds the rows sharing an issue or affair, of the kinds asked for, without visiting the others
  (t) => [
    index().on(t.tenantId),
    index('match_candidates_keys_gin').using('gin', t.keys).with({ fastupdate: false }),
  ],
);

/**
 * Every published potential in one narrow row, for recommendations: they
 * read every potential a tenant could answer, and scanning these ~100-byte
 * rows costs a tenth of scanning `potentials`. Kept by a trigger (migration
 * 0018) in the writing transaction, like `match_candidates`. `kinds` holds
 * the cooperation kinds as bits (KSDD 1, KSDPK 2, KSDPL 4, KSDLL 8, SINERGI
 * 16); `flags`: 1 an offer, 2 mandatory, 4 states a value.
 */
export const potentialTargets = pgTable('potential_targets', {
  issueMask: integer().notNull(),
  affairMask: integer().notNull(),
  kinds: integer().notNull(),
  flags: smallint().notNull(),
  expiresOn: date({ mode: 'string' }).notNull(),
  id: text().primaryKey(),
  tenantId: text().notNull(),
  regionCode: text().notNull(),
});
