import { z } from '@hono/zod-openapi';
import { MAX_BODY } from '../../discussion/posts';
import { problemResponses } from '../../platform/errors';
import { cursorParam, limitParam, pageMeta } from '../../platform/pagination';
import { idParam, Name, NullableTimestamp, TenantParams, Timestamp, WebLink } from '../common';

/** Boards, threads and posts: where regions, provinces and partners work things out. */
export const BoardKind = z
  .enum(['session', 'issue', 'province', 'interest', 'proposal', 'agreement'])
  .openapi('BoardKind', {
    description:
      '`issue`: national, per strategic issue (everyone reads; members of verified tenants write); `province`: a province and its kabupaten/kota; `session`: a forum session’s delegations (the public reads once the convener opens it); `interest`, `proposal`, `agreement`: the private conversation of its parties.',
  });
export const BoardSchema = z
  .object({
    id: z.string(),
    kind: BoardKind,
    subjectId: z.string().openapi({
      description: 'The issue code, province code, session, interest, proposal or agreement id.',
    }),
    title: z.string(),
    publicRead: z.boolean(),
    threadCount: z.number().int(),
    lastActivityAt: Timestamp,
    unreadThreads: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Threads with posts you have not read (null for the public).' }),
  })
  .openapi('Board');
const Person = z.object({ userId: z.string(), name: z.string() });
const Org = z.object({ id: z.string(), name: z.string() });
export const ThreadSchema = z
  .object({
    id: z.string(),
    boardId: z.string(),
    title: z.string(),
    author: Person,
    tenant: Org.openapi({ description: 'The region or organisation the author wrote for.' }),
    issues: z.array(z.string()),
    affairs: z.array(z.string()),
    pinned: z.boolean(),
    locked: z.boolean(),
    postCount: z.number().int(),
    lastPostAt: Timestamp,
    createdAt: Timestamp,
    unread: z.number().int().nullable(),
    lastReadAt: NullableTimestamp,
  })
  .openapi('Thread');
export const Attachment = z.object({ title: Name(200), url: WebLink() });
export const PostSchema = z
  .object({
    id: z.string(),
    threadId: z.string(),
    author: Person,
    tenant: Org,
    status: z.enum(['visible', 'hidden', 'deleted']).openapi({
      description:
        '`deleted`: removed by its author (a tombstone); `hidden`: by a moderator — its text and reason are shown only to its author and the moderators.',
    }),
    body: z.string().nullable().openapi({ description: 'Markdown, as written.' }),
    html: z.string().nullable().openapi({
      description:
        'The Markdown rendered and sanitised (no scripts, only http(s) and mailto links).',
    }),
    attachments: z.array(z.object({ title: z.string(), url: z.string() })),
    hiddenReason: z.string().nullable(),
    quote: z.object({ postId: z.string(), excerpt: z.string().nullable() }).nullable(),
    mentions: z.object({ tenantIds: z.array(z.string()), userIds: z.array(z.string()) }),
    version: z.number().int(),
    editedAt: NullableTimestamp,
    createdAt: Timestamp,
  })
  .openapi('Post');
export const BoardPage = z.object({ data: z.array(BoardSchema), ...pageMeta }).openapi('BoardPage');
export const ThreadList = z
  .object({
    board: BoardSchema,
    canPost: z.boolean(),
    moderator: z.boolean(),
    data: z.array(ThreadSchema),
    ...pageMeta,
  })
  .openapi('ThreadList');
export const ThreadPage = z
  .object({
    thread: ThreadSchema,
    board: BoardSchema,
    canPost: z.boolean(),
    moderator: z.boolean(),
    data: z.array(PostSchema),
    ...pageMeta,
  })
  .openapi('ThreadPage');

export const Body = z
  .string()
  .trim()
  .min(1)
  .max(MAX_BODY)
  .openapi({
    description: `Markdown, up to ${MAX_BODY} characters. Mention a region by its code (\`@72.10\`: its admins are notified if they may read here) or a user of this thread (\`@usr_…\`).`,
  });
export const Attachments = z
  .array(Attachment)
  .max(10)
  .optional()
  .openapi({ description: 'Links to documents (http or https only).' });

export const BoardParams = TenantParams.extend({
  boardId: idParam('boardId', 'board', 'The board.'),
});
export const ThreadParams = TenantParams.extend({
  threadId: idParam('threadId', 'thread', 'The thread.'),
});
export const PostParams = TenantParams.extend({ postId: idParam('postId', 'post', 'The post.') });
export const PublicBoardParams = z.object({ boardId: idParam('boardId', 'board', 'The board.') });
export const PublicThreadParams = z.object({
  threadId: idParam('threadId', 'thread', 'The thread.'),
});
export const PageQuery = z.object({ limit: limitParam(20), cursor: cursorParam });
export const BoardsQuery = PageQuery.extend({
  kind: BoardKind.optional().openapi({ description: 'Only boards of this kind.' }),
});
export const SearchQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({ description: 'Words, in Indonesian (web search syntax).' }),
});
export const SearchResults = z
  .object({
    data: z.array(
      z.object({
        postId: z.string(),
        threadId: z.string(),
        threadTitle: z.string(),
        boardId: z.string(),
        boardTitle: z.string(),
        tenantName: z.string(),
        excerpt: z.string(),
        createdAt: Timestamp,
      }),
    ),
    ...pageMeta,
    total: z.number().int().openapi({
      description: 'How many posts match, counted up to 200 (see `totalIsLowerBound`).',
    }),
    totalIsLowerBound: z
      .boolean()
      .openapi({ description: 'True when more than 200 match: show “200+”.' }),
  })
  .openapi('DiscussionSearchResults');
/** Posting is rate-limited per account (a burst and an hour): 429 with `Retry-After`. */
export const postingLimited = problemResponses(429);
export const publicErrors = problemResponses(400, 404);
