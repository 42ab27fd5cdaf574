import { sql } from 'drizzle-orm';
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
import { timestamps } from './columns';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    /** stored lower-cased and trimmed; unique */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    emailVerifiedAt: ts(),
    locale: text().notNull().default('id'),
    isPlatformAdmin: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.email)],
);

/** Lucia's design: the token is `<id>.<secret>`; only a SHA-256 of the secret is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
    lastSeenAt: ts().notNull().defaultNow(),
    userAgent: text(),
    clientAddress: text(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

export const userTokenPurpose = pgEnum('user_token_purpose', ['verify_email', 'reset_password']);

/** Single-use, expiring tokens sent by email (verification, password reset). */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: userTokenPurpose().notNull(),
    secretHash: text().notNull(),
    expiresAt: ts().notNull(),
    usedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.purpose)],
);

export const memberRole = pgEnum('member_role', ['admin', 'liaison', 'head', 'viewer', 'member']);

/** A region's agencies (OPD). Each needs at least two liaison officers (PPKSD). */
export const agencies = pgTable(
  'agencies',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    name: text().notNull(),
    shortName: text(),
    ...timestamps,
  },
  (t) => [
    index().on(t.tenantId),
    uniqueIndex('agencies_tenant_lower_name_unique').on(t.tenantId, sql`lower(${t.name})`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole().notNull(),
    /** the agency a liaison (PPKSD) serves */
    agencyId: text().references(() => agencies.id),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.tenantId, t.userId), index().on(t.userId), index().on(t.agencyId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    email: text().notNull(),
    role: memberRole().notNull(),
    agencyId: text().references(() => agencies.id),
    secretHash: text().notNull(),
    invitedBy: text()
      .notNull()
      .references(() => users.id),
    expiresAt: ts().notNull(),
    acceptedAt: ts(),
    acceptedBy: text().references(() => users.id),
    revokedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.tenantId, t.createdAt), index().on(t.email)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    name: text().notNull(),
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
    lastUsedAt: ts(),
    revokedAt: ts(),
  },
  (t) => [index().on(t.tenantId)],
);

/**
 * Every write, with who did it, to what, what changed and the request it came
 * from. Written in the same transaction as the write it records.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text().primaryKey(),
    tenantId: text().references(() => tenants.id),
    actorUserId: text(),
    actorApiKeyId: text(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    diff: jsonb().$type<Record<string, { from?: unknown; to?: unknown }>>().notNull(),
    requestId: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.tenantId, t.id),
    index().on(t.tenantId, t.action),
    index().on(t.actorUserId),
  ],
);

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed', 'held']);

/**
 * Transactional outbox: an email is a row written with the change that causes
 * it, and sent after the commit. `held` means no provider is configured (local
 * runs): the platform admin reads them through the API.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text().primaryKey(),
    toAddress: text().notNull(),
    template: text().notNull(),
    lang: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** files sent with the email (a calendar file), as text */
    attachments: jsonb().$type<{ filename: string; contentType: string; content: string }[]>(),
    /** extra headers (a digest's List-Unsubscribe) */
    headers: jsonb().$type<Record<string, string>>(),
    /** sent as Resend's Idempotency-Key: a retried send is not delivered twice */
    idempotencyKey: text(),
    status: emailStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    providerId: text(),
    lastError: text(),
    /** a failed send is tried again no sooner than this (backoff) */
    nextAttemptAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    sentAt: ts(),
  },
  (t) => [index().on(t.status, t.createdAt)],
);

/** Fixed-window counters for rate limits; shared by every instance through the database. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: ts().notNull(),
  count: integer().notNull(),
});
