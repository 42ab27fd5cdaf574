import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './identity';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

/** `region`: a kabupaten/kota's report to its province; `province`: the province's consolidated report to the Ministry. */
export const annualReportScope = pgEnum('annual_report_scope', ['region', 'province']);
export const annualReportStatus = pgEnum('annual_report_status', [
  'submitted',
  'returned',
  'accepted',
  'forwarded',
]);

/**
 * A region's annual report on Kerja Sama Daerah (PP 28/2018; Permendagri
 * 22/2020): generated from the data and frozen when submitted. A returned
 * report stays as it was; the region submits a new version.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    /** the province it reports to (for a province's own report: itself) */
    provinceCode: text().notNull(),
    year: integer().notNull(),
    version: integer().notNull(),
    scope: annualReportScope().notNull(),
    status: annualReportStatus().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    submittedBy: text()
      .notNull()
      .references(() => users.id),
    submittedAt: ts().notNull(),
    reviewedBy: text().references(() => users.id),
    reviewedAt: ts(),
    reviewNote: text(),
    /** submitted before the year ended: a clearly marked interim report, superseded by the final one */
    interim: boolean().notNull().default(false),
    /**
     * A forwarded consolidated report goes stale when one of its kabupaten/kota
     * reports changes after it was forwarded: when, and which (region code,
     * name, the status it moved to).
     */
    staleSince: ts(),
    staleBecause: jsonb().$type<{ regionCode: string; name: string; status: string }>(),
  },
  (t) => [uniqueIndex().on(t.tenantId, t.year, t.version), index().on(t.provinceCode, t.year)],
);
