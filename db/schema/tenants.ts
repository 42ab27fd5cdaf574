import { index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { regions } from './reference';

export const tenantType = pgEnum('tenant_type', ['region', 'partner']);
export const tenantStatus = pgEnum('tenant_status', [
  'unclaimed',
  'active',
  'unverified',
  'suspended',
]);

/**
 * Every organisation using Sinergi is a tenant. The 552 region tenants exist
 * from the reference data (status `unclaimed` until their first admin accepts an
 * invitation); partner tenants sign up themselves.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: text().primaryKey(),
    type: tenantType().notNull(),
    regionCode: text()
      .unique()
      .references(() => regions.code),
    name: text().notNull(),
    status: tenantStatus().notNull(),
    claimedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** partner tenants: company, bumn_bumd, university, ngo, foreign_region, foreign_institution, central_institution */
    partnerKind: text(),
    website: text(),
    country: text(),
    verifiedAt: timestamp({ withTimezone: true, mode: 'date' }),
    verifiedBy: text(),
    ...timestamps,
  },
  (t) => [index().on(t.type, t.status)],
);
