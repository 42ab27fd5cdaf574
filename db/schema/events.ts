import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * A change someone else must know of, written in the transaction of the change
 * (so a rolled-back change tells no one) and delivered after commit: the one
 * stream the inbox, emails and digests read. `tenantIds` are the tenants
 * concerned; who in them is told is decided at delivery, from the state then.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: text().primaryKey(),
    type: text().notNull(),
    tenantIds: text().array().notNull(),
    objectType: text().notNull(),
    objectId: text().notNull(),
    actorUserId: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: ts().notNull(),
    /** set once delivered: a second worker finds nothing to deliver */
    deliveredAt: ts(),
  },
  (t) => [
    index('domain_events_undelivered_idx').on(t.createdAt).where(sql`${t.deliveredAt} is null`),
    index().on(t.objectId),
  ],
);

/**
 * What one person is told of one event in one tenant: an action item (it asks
 * something of them, until the state it asks about changes and it closes by
 * itself) or a notification. One per person and event.
 */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    eventId: text()
      .notNull()
      .references(() => domainEvents.id),
    type: text().notNull(),
    /** `action`: it asks something; `info`: it tells something */
    kind: text().notNull(),
    objectType: text().notNull(),
    objectId: text().notNull(),
    text: jsonb().$type<{ id: string; en: string }>().notNull(),
    dueAt: ts(),
    readAt: ts(),
    closedAt: ts(),
    /** when an email told of it (never twice); null: not yet, or not by email */
    emailedAt: ts(),
    createdAt: ts().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.userId, t.eventId),
    index().on(t.userId, t.closedAt),
    index().on(t.objectId, t.type),
  ],
);
