import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { potentials } from './potentials';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

export const proposalStatus = pgEnum('proposal_status', [
  'pending',
  'accepted',
  'declined',
  'expired',
]);
export const partyAnswer = pgEnum('party_answer', ['pending', 'accepted', 'declined']);

/**
 * A match proposed by a facilitator (a province for its kabupaten/kota, or a
 * platform admin) between two parties, each of which accepts or declines with
 * a reason. Unanswered, it expires after a reminder.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: text().primaryKey(),
    facilitatorTenantId: text().references(() => tenants.id),
    proposedBy: text()
      .notNull()
      .references(() => users.id),
    partyA: text()
      .notNull()
      .references(() => tenants.id),
    partyB: text()
      .notNull()
      .references(() => tenants.id),
    potentialId: text().references(() => potentials.id),
    note: text().notNull(),
    status: proposalStatus().notNull().default('pending'),
    answerA: partyAnswer().notNull().default('pending'),
    answerB: partyAnswer().notNull().default('pending'),
    reasonA: text(),
    reasonB: text(),
    answeredAtA: ts(),
    answeredAtB: ts(),
    expiresAt: ts().notNull(),
    reminderSentAt: ts(),
    decidedAt: ts(),
    validityDays: integer().notNull(),
    /** the forum session it came out of, if any */
    originSessionId: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.facilitatorTenantId, t.createdAt),
    index().on(t.partyA),
    index().on(t.partyB),
    index().on(t.status, t.expiresAt),
  ],
);
