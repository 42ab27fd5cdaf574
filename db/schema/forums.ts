import {
  boolean,
  date,
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
import { agreements } from './agreements';
import { timestamps } from './columns';
import { proposals } from './facilitation';
import { users } from './identity';
import { potentials } from './potentials';
import { tenants } from './tenants';

const ts = () => timestamp({ withTimezone: true, mode: 'date' });

/** Who may register: the province's kabupaten/kota (and invitees), anyone eligible, or invitees only. */
export const forumScope = pgEnum('forum_scope', ['province', 'national', 'invited']);

/**
 * A Forum Kerja Sama Daerah as a series: its convener, themes, scope, default
 * venue and time zone, and a recurrence (RFC 5545 RRULE) from which sessions
 * are materialised. A forum without a recurrence holds ad-hoc sessions.
 */
export const forums = pgTable(
  'forums',
  {
    id: text().primaryKey(),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    title: text().notNull(),
    description: text().notNull().default(''),
    issues: text().array().notNull(),
    affairs: text().array().notNull(),
    scope: forumScope().notNull(),
    /** tenants invited to every session of the series */
    invitedTenantIds: text().array().notNull(),
    /** IANA zone of the convener: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT) */
    timeZone: text().notNull(),
    venueName: text(),
    venueAddress: text(),
    onlineUrl: text(),
    /** the RRULE line(s) without DTSTART; null for a forum of ad-hoc sessions */
    recurrence: text(),
    /** first occurrence: the RRULE's DTSTART, in the forum's zone */
    firstStart: ts(),
    durationMinutes: integer().notNull(),
    capacity: integer().notNull(),
    autoApprove: boolean().notNull().default(false),
    /** days before a session that registration opens and closes */
    registrationOpensDays: integer().notNull(),
    registrationClosesDays: integer().notNull(),
    /** null for a forum written by the demo seeder */
    createdBy: text().references(() => users.id),
    isDemo: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [index().on(t.tenantId)],
);

export const forumSessionStatus = pgEnum('forum_session_status', [
  'draft',
  'published',
  'registration_open',
  'registration_closed',
  'held',
  'closed',
  'cancelled',
]);

export type AgendaItem = {
  start: string;
  end: string;
  title: string;
  speakers: string[];
  potentialIds: string[];
};
export type DayPlan = {
  days: { date: string; start: string; end: string; breaks: { start: string; end: string }[] }[];
  slotMinutes: number;
  tables: number;
};
export type Minutes = { summary: string; decisions: string[] };

/** One gathering of a forum: when, where, who may come, what happens, and what came of it. */
export const forumSessions = pgTable(
  'forum_sessions',
  {
    id: text().primaryKey(),
    forumId: text()
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    /** the recurrence instant this session was materialised from; null for an ad-hoc session */
    occurrence: ts(),
    title: text().notNull(),
    description: text().notNull().default(''),
    status: forumSessionStatus().notNull().default('draft'),
    startsAt: ts().notNull(),
    endsAt: ts().notNull(),
    timeZone: text().notNull(),
    venueName: text(),
    venueAddress: text(),
    onlineUrl: text(),
    capacity: integer().notNull(),
    autoApprove: boolean().notNull(),
    registrationOpensAt: ts().notNull(),
    registrationClosesAt: ts().notNull(),
    agenda: jsonb().$type<AgendaItem[]>().notNull().default([]),
    dayPlan: jsonb().$type<DayPlan>(),
    cancelReason: text(),
    /** iCalendar SEQUENCE: rises with every change a calendar would show */
    sequence: integer().notNull().default(0),
    reminder7SentAt: ts(),
    reminder1SentAt: ts(),
    minutes: jsonb().$type<Minutes>(),
    minutesRecordedAt: ts(),
    minutesPublishedAt: ts(),
    meetingRules: jsonb().$type<MeetingRules>(),
    /** none, draft (run, not yet shown to delegations) or published */
    scheduleStatus: text().notNull().default('none'),
    schedulePublishedAt: ts(),
    /** the last run: placed, left out with reasons, breaks, moved */
    scheduleRun: jsonb().$type<Record<string, unknown>>(),
    createdBy: text().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex().on(t.forumId, t.occurrence),
    index().on(t.status, t.startsAt),
    index().on(t.tenantId),
  ],
);

/** A tenant the convener invited to a session (beyond the forum's scope). */
export const forumInvitations = pgTable(
  'forum_invitations',
  {
    sessionId: text()
      .notNull()
      .references(() => forumSessions.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    invitedBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.tenantId] }), index().on(t.tenantId)],
);

export const registrationStatus = pgEnum('forum_registration_status', [
  'pending',
  'approved',
  'declined',
  'waitlisted',
  'cancelled',
]);

/** A tenant's delegation to a session: who comes, what it brings, what it seeks. */
export const forumRegistrations = pgTable(
  'forum_registrations',
  {
    id: text().primaryKey(),
    sessionId: text()
      .notNull()
      .references(() => forumSessions.id, { onDelete: 'cascade' }),
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    status: registrationStatus().notNull(),
    potentialIds: text().array().notNull(),
    seeksIssues: text().array().notNull(),
    seeksAffairs: text().array().notNull(),
    note: text().notNull().default(''),
    decisionReason: text(),
    decidedAt: ts(),
    /** recorded with the minutes: null until then */
    attended: boolean(),
    /** bilateral meetings the delegation can hold at once (it has enough people) */
    parallel: integer().notNull().default(1),
    /** slots (their start) the delegation cannot attend */
    unavailable: timestamp({ withTimezone: true, mode: 'date' }).array().notNull().default([]),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.sessionId, t.tenantId), index().on(t.tenantId)],
);

/** The people of a delegation: users of the registering tenant or named guests. */
export const forumDelegates = pgTable(
  'forum_delegates',
  {
    registrationId: text()
      .notNull()
      .references(() => forumRegistrations.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    userId: text().references(() => users.id),
    name: text().notNull(),
    title: text().notNull(),
    head: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.position] })],
);

export const followUpStatus = pgEnum('forum_follow_up_status', ['open', 'done', 'dropped']);

/** What a session decided someone will do, by when; it may lead to an agreement. */
export const forumFollowUps = pgTable(
  'forum_follow_ups',
  {
    id: text().primaryKey(),
    sessionId: text()
      .notNull()
      .references(() => forumSessions.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    responsibleTenantId: text()
      .notNull()
      .references(() => tenants.id),
    dueDate: date({ mode: 'string' }).notNull(),
    status: followUpStatus().notNull().default('open'),
    potentialId: text().references(() => potentials.id),
    proposalId: text().references(() => proposals.id),
    agreementId: text().references(() => agreements.id),
    doneAt: ts(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index().on(t.sessionId), index().on(t.responsibleTenantId, t.status)],
);

/** A tenant's calendar subscription: the secret is shown once and stored hashed. */
export const calendarFeeds = pgTable('calendar_feeds', {
  tenantId: text()
    .primaryKey()
    .references(() => tenants.id),
  tokenHash: text().notNull(),
  createdBy: text()
    .notNull()
    .references(() => users.id),
  createdAt: ts().notNull().defaultNow(),
});

export type MeetingRules = {
  /** hours a request waits for an answer before it expires */
  requestExpiryHours: number;
  /** requests a delegation may have open or accepted at once */
  maxRequests: number;
  /** accepted meetings per delegation */
  maxMeetings: number;
  /** who may meet whom: anyone, or partners with regions only */
  pairing: 'any' | 'partners_with_regions';
};
export const DEFAULT_MEETING_RULES: MeetingRules = {
  requestExpiryHours: 72,
  maxRequests: 20,
  maxMeetings: 12,
  pairing: 'any',
};

export const meetingStatus = pgEnum('forum_meeting_status', [
  'requested',
  'accepted',
  'declined',
  'expired',
  'cancelled',
]);

/**
 * A bilateral meeting between two delegations at a session: asked by one,
 * accepted by the other, placed in a slot and at a table by the convener's
 * schedule (a draft until published), then marked held or no-show.
 */
export const forumMeetings = pgTable(
  'forum_meetings',
  {
    id: text().primaryKey(),
    sessionId: text()
      .notNull()
      .references(() => forumSessions.id, { onDelete: 'cascade' }),
    requesterTenantId: text()
      .notNull()
      .references(() => tenants.id),
    recipientTenantId: text()
      .notNull()
      .references(() => tenants.id),
    potentialId: text().references(() => potentials.id),
    message: text().notNull().default(''),
    status: meetingStatus().notNull().default('requested'),
    /** both sides asked for it (their requests merged) */
    mutual: boolean().notNull().default(false),
    /** the matching score between the two at request time */
    score: integer().notNull().default(0),
    declineReason: text(),
    expiresAt: ts().notNull(),
    answeredAt: ts(),
    /** the draft schedule */
    slotStart: ts(),
    tableNo: integer(),
    locked: boolean().notNull().default(false),
    /** what the delegations see: the schedule as last published */
    publishedSlotStart: ts(),
    publishedTable: integer(),
    /** iCalendar SEQUENCE of the meeting's event */
    sequence: integer().notNull().default(0),
    requesterOutcome: text(),
    recipientOutcome: text(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index().on(t.sessionId, t.status),
    index().on(t.requesterTenantId),
    index().on(t.recipientTenantId),
    index().on(t.status, t.expiresAt),
  ],
);
