import { raw } from 'hono/html';
import { getThread, listBoards, listThreads } from '../../discussion/threads';
import { Pager } from '../parts';
import type { Page, PageInput } from '../render';
import { dateIn, pathIn, w } from '../text';

/** The public boards, read-only. */
export async function boardsPage({ ctx, lang }: PageInput): Promise<Page> {
  const boards = await listBoards({ ctx, input: { limit: 100 } });
  return {
    meta: { path: '/diskusi', title: w(lang, 'boards'), description: w(lang, 'readOnly') },
    body: (
      <>
        <h1>{w(lang, 'boards')}</h1>
        <p class="lede">{w(lang, 'readOnly')}</p>
        {boards.data.length ? (
          <ul class="cards">
            {boards.data.map((b) => (
              <li>
                <h2>
                  <a href={pathIn(lang, `/diskusi/${b.id}`)}>{b.title}</a>
                </h2>
                <p class="meta">
                  {b.threadCount} {w(lang, 'threads').toLowerCase()}
                  {b.lastActivityAt ? ` · ${dateIn(lang, new Date(b.lastActivityAt))}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
      </>
    ),
  };
}

/** A public board's threads, pinned first, then by last activity. */
export async function boardPage({ ctx, lang, params, query }: PageInput): Promise<Page> {
  const cursor = query.get('cursor') || undefined;
  const page = await listThreads({ ctx, input: { boardId: params.boardId!, limit: 30, cursor } });
  const base = pathIn(lang, `/diskusi/${page.board.id}`);
  return {
    meta: {
      path: `/diskusi/${page.board.id}`,
      title: page.board.title,
      description: w(lang, 'readOnly'),
      noindex: !!cursor,
    },
    body: (
      <>
        <p class="meta">
          <a href={pathIn(lang, '/diskusi')}>{w(lang, 'boards')}</a>
        </p>
        <h1>{page.board.title}</h1>
        <p class="lede">{w(lang, 'readOnly')}</p>
        {page.data.length ? (
          <ul class="cards">
            {page.data.map((t) => (
              <li>
                <h2>
                  <a href={pathIn(lang, `/diskusi/topik/${t.id}`)}>{t.title}</a>
                </h2>
                <p class="meta">
                  {t.tenant.name} · {Math.max(0, t.postCount - 1)} {w(lang, 'replies')}
                  {t.lastPostAt ? ` · ${dateIn(lang, new Date(t.lastPostAt))}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        <Pager
          lang={lang}
          next={page.nextCursor ? `${base}?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        />
      </>
    ),
  };
}

/** A public thread: its posts, rendered from Markdown by the discussion's own sanitiser. */
export async function threadPage({ ctx, lang, params, query }: PageInput): Promise<Page> {
  const cursor = query.get('cursor') || undefined;
  const t = await getThread({ ctx, input: { threadId: params.threadId!, limit: 50, cursor } });
  const base = pathIn(lang, `/diskusi/topik/${t.thread.id}`);
  const first = t.data.find((p) => p.body)?.body ?? t.thread.title;
  return {
    meta: {
      path: `/diskusi/topik/${t.thread.id}`,
      title: t.thread.title,
      description: first.slice(0, 200),
      ogType: 'article',
      noindex: !!cursor,
    },
    body: (
      <article>
        <p class="meta">
          <a href={pathIn(lang, `/diskusi/${t.board.id}`)}>{t.board.title}</a>
        </p>
        <h1>{t.thread.title}</h1>
        <p class="lede">{w(lang, 'readOnly')}</p>
        {t.data.map((p) => (
          <section class="post" aria-label={p.author.name}>
            <p class="meta">
              {p.author.name} · {p.tenant.name} ·{' '}
              <time datetime={new Date(p.createdAt).toISOString()}>
                {dateIn(lang, new Date(p.createdAt))}
              </time>
            </p>
            {/* the discussion's Markdown, rendered and sanitised when it was written (src/discussion/markdown.ts) */}
            {p.html ? <div>{raw(p.html)}</div> : <p class="meta">—</p>}
          </section>
        ))}
        <Pager
          lang={lang}
          next={t.nextCursor ? `${base}?cursor=${encodeURIComponent(t.nextCursor)}` : null}
        />
      </article>
    ),
  };
}
