import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { domainEvents } from './events';
import { users } from './identity';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * A tenant's own system that Sinergi calls when something happens to the
 * tenant. The signing secret is kept sealed (it must sign, so it cannot be
 * only a hash); after a rotation the previous one stays valid for a while.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    url: text().notNull(),
    description: text().notNull().default(''),
    /** the event types wanted; empty: all */
    eventTypes: text().array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean().notNull().default(true),
    /** why it was turned off by Sinergi (failing for days), if it was */
    disabledReason: text(),
    secretSealed: text().notNull(),
    previousSecretSealed: text(),
    previousSecretUntil: ts(),
    /** since when every delivery has failed; null when the last one succeeded */
    failingSince: ts(),
    createdBy: text().references(() => users.id),
    createdAt: ts().notNull(),
    updatedAt: ts().notNull(),
  },
  (t) => [index().on(t.tenantId)],
);

/**
 * One event for one endpoint (its `id` is the `webhook-id` a receiver
 * deduplicates by): sent, retried with backoff until it succeeds or gives up.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text().primaryKey(),
    endpointId: text()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    tenantId: text().notNull(),
    eventId: text().references(() => domainEvents.id),
    type: text().notNull(),
    /** the envelope, as sent */
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    /** pending, succeeded, failed (given up) */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ts().notNull(),
    /** claimed by a runner until then: its endpoint is busy, nobody else sends to it meanwhile */
    leasedUntil: ts(),
    createdAt: ts().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.endpointId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index().on(t.endpointId, t.createdAt),
    index('webhook_deliveries_leased_idx')
      .on(t.endpointId, t.leasedUntil)
      .where(sql`${t.leasedUntil} is not null`),
  ],
);

/** Each call made: what answered, how fast, the first bytes of the answer. Kept 30 days. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text().primaryKey(),
    deliveryId: text()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    endpointId: text().notNull(),
    at: ts().notNull(),
    statusCode: integer(),
    latencyMs: integer().notNull(),
    /** the answer's first bytes, or why no answer came */
    response: text().notNull(),
  },
  (t) => [index().on(t.endpointId, t.at)],
);
