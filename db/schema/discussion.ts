import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
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
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Where officials talk. `session`: a forum session's board (its delegations;
 * the public once the convener opens it); `issue`: a standing national board
 * per strategic issue; `province`: a province and its kabupaten/kota;
 * `interest`, `proposal`, `agreement`: the private conversation of one
 * subject's parties (and the facilitating province where it facilitates).
 */
export const boardKind = pgEnum('board_kind', [
  'session',
  'issue',
  'province',
  'interest',
  'proposal',
  'agreement',
]);

export const boards = pgTable(
  'boards',
  {
    id: text().primaryKey(),
    kind: boardKind().notNull(),
    /** what it belongs to: the session, issue code, province code, interest, proposal or agreement id */
    subjectId: text().notNull(),
    titleId: text().notNull(),
    titleEn: text().notNull(),
    /** the tenant whose admins moderate it (the convener, the province); none for national and private boards */
    moderatorTenantId: text().references(() => tenants.id),
    /** the tenants that read and post in a private or province board, resolved when it is opened */
    memberTenantIds: text().array().notNull().default(sql`'{}'::text[]`),
    /** a session board the convener opened to the public */
    publicRead: boolean().notNull().default(false),
    threadCount: integer().notNull().default(0),
    lastActivityAt: ts().notNull(),
    createdAt: ts().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.kind, t.subjectId),
    index('boards_activity_idx').on(t.lastActivityAt, t.id),
  ],
);

export const threads = pgTable(
  'threads',
  {
    id: text().primaryKey(),
    boardId: text()
      .notNull()
      .references(() => boards.id),
    title: text().notNull(),
    authorUserId: text()
      .notNull()
      .references(() => users.id),
    authorTenantId: text()
      .notNull()
      .references(() => tenants.id),
    issues: text().array().notNull().default(sql`'{}'::text[]`),
    affairs: text().array().notNull().default(sql`'{}'::text[]`),
    pinned: boolean().notNull().default(false),
    locked: boolean().notNull().default(false),
    postCount: integer().notNull().default(0),
    lastPostAt: ts().notNull(),
    createdAt: ts().notNull(),
  },
  (t) => [index('threads_board_activity_idx').on(t.boardId, t.pinned, t.lastPostAt, t.id)],
);

export const postStatus = pgEnum('post_status', ['visible', 'hidden', 'deleted']);

export const posts = pgTable(
  'posts',
  {
    id: text().primaryKey(),
    threadId: text()
      .notNull()
      .references(() => threads.id),
    boardId: text()
      .notNull()
      .references(() => boards.id),
    authorUserId: text()
      .notNull()
      .references(() => users.id),
    authorTenantId: text()
      .notNull()
      .references(() => tenants.id),
    /** Markdown as written */
    body: text().notNull(),
    /** the same, rendered and sanitised */
    bodyHtml: text().notNull(),
    quotePostId: text(),
    /** links to documents, http(s) only */
    attachments: jsonb().$type<{ title: string; url: string }[]>().notNull().default([]),
    mentions: jsonb()
      .$type<{ tenantIds: string[]; userIds: string[] }>()
      .notNull()
      .default({ tenantIds: [], userIds: [] }),
    status: postStatus().notNull().default('visible'),
    hiddenReason: text(),
    hiddenBy: text(),
    version: integer().notNull().default(1),
    editedAt: ts(),
    createdAt: ts().notNull(),
    /** the words, in Indonesian (the catalogue's configuration): searched by platform admins, who read every board */
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('indonesian', body)`),
    /**
     * The same words, each prefixed with its board (`<board>.<word>`), kept by
     * a trigger: a search asks only for the boards its reader may read, so its
     * cost follows the visible matches, not all of them.
     */
    scoped: tsvector(),
  },
  (t) => [
    index('posts_thread_time_idx').on(t.threadId, t.createdAt, t.id),
    /** newest first: a search for a frequent word walks it and stops at a page */
    index('posts_time_idx').on(t.createdAt.desc(), t.id.desc()),
    index('posts_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('posts_scoped_idx').using('gin', t.scoped).with({ fastupdate: false }),
    index().on(t.authorUserId, t.createdAt),
  ],
);

/** Each earlier text of an edited post. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    postId: text()
      .notNull()
      .references(() => posts.id),
    version: integer().notNull(),
    body: text().notNull(),
    createdAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.version] })],
);

export const postReports = pgTable(
  'post_reports',
  {
    id: text().primaryKey(),
    postId: text()
      .notNull()
      .references(() => posts.id),
    boardId: text()
      .notNull()
      .references(() => boards.id),
    reporterUserId: text()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    status: text().notNull().default('open'),
    resolvedBy: text(),
    resolvedAt: ts(),
    createdAt: ts().notNull(),
  },
  (t) => [
    index().on(t.boardId, t.status, t.createdAt),
    uniqueIndex().on(t.postId, t.reporterUserId),
  ],
);

export const boardMutes = pgTable(
  'board_mutes',
  {
    boardId: text()
      .notNull()
      .references(() => boards.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    until: ts().notNull(),
    reason: text().notNull(),
    mutedBy: text().notNull(),
    createdAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.userId] })],
);

/** Where a user stopped reading a thread. */
export const threadReads = pgTable(
  'thread_reads',
  {
    userId: text()
      .notNull()
      .references(() => users.id),
    threadId: text()
      .notNull()
      .references(() => threads.id),
    lastReadAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

/** A user watching a thread or a board: replies there notify. */
export const watches = pgTable(
  'watches',
  {
    userId: text()
      .notNull()
      .references(() => users.id),
    targetType: text().notNull(),
    targetId: text().notNull(),
    createdAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.targetType, t.targetId] }), index().on(t.targetId)],
);

/** What happened for a user in the discussion (reply, mention): emailed, and kept for the digests. */
export const discussionNotifications = pgTable(
  'discussion_notifications',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    tenantId: text(),
    kind: text().notNull(),
    postId: text()
      .notNull()
      .references(() => posts.id),
    threadId: text().notNull(),
    createdAt: ts().notNull(),
    digestedAt: ts(),
  },
  (t) => [index().on(t.userId, t.createdAt), uniqueIndex().on(t.userId, t.postId, t.kind)],
);
