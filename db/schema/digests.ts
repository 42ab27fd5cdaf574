import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './identity';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

export const digestFrequency = pgEnum('digest_frequency', ['off', 'daily', 'weekly']);

/** How one account wants the digest of one tenant it belongs to. No row: weekly for a head, off otherwise. */
export const digestPreferences = pgTable(
  'digest_preferences',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    frequency: digestFrequency().notNull(),
    /** the sections wanted; empty: all */
    sections: text().array().notNull().default(sql`'{}'::text[]`),
    language: text().notNull().default('id'),
    /** advanced when the digest is turned back on: a one-click token of an earlier version no longer works */
    unsubscribeVersion: integer().notNull().default(0),
    /** how each event type reaches them by email (src/events/channels.ts); absent: the role's default */
    channels: jsonb().$type<Record<string, string>>().notNull().default({}),
    updatedAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantId] })],
);

/**
 * One digest per recipient, tenant and period: the unique key is what makes
 * it exactly once under retries and concurrent runs. `empty` records a period
 * with nothing to say (nothing is sent).
 */
export const digests = pgTable(
  'digests',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    periodKey: text().notNull(),
    status: text().notNull(),
    itemCount: integer().notNull().default(0),
    createdAt: ts().notNull(),
  },
  (t) => [uniqueIndex().on(t.userId, t.tenantId, t.periodKey), index().on(t.userId, t.createdAt)],
);

/** What a digest said about each item, and in which state: an item is not repeated unless its state changed. */
export const digestItems = pgTable(
  'digest_items',
  {
    digestId: text()
      .notNull()
      .references(() => digests.id, { onDelete: 'cascade' }),
    userId: text().notNull(),
    tenantId: text().notNull(),
    itemKey: text().notNull(),
    state: text().notNull(),
    createdAt: ts().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.digestId, t.itemKey] }),
    index().on(t.userId, t.tenantId, t.itemKey),
  ],
);
