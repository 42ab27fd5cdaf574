import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv, Ctx } from '../platform/context';
import { ApiError } from '../platform/errors';
import { Layout, type PageMeta } from './layout';
import { type Lang, pathIn, w } from './text';

/** What a page is given: the request's context as an anonymous reader, its language, the query. */
export type PageInput = {
  ctx: Ctx;
  lang: Lang;
  origin: string;
  query: URLSearchParams;
  params: Record<string, string>;
};

/** What a page gives back: its meta (less language and origin) and its body. */
export type Page = { meta: Omit<PageMeta, 'lang' | 'origin'>; body: Child; status?: 200 | 400 };

/**
 * Public pages are cached at the edge for a minute and served stale while one
 * revalidates: they are the same for every reader, because every reader is
 * served as anonymous (a signed-in member's view never lands in a shared cache).
 */
const CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** Pages load their one stylesheet and nothing else: no script runs, forms post only here. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export async function renderPage(
  c: Context<AppEnv>,
  lang: Lang,
  page: (input: PageInput) => Promise<Page>,
): Promise<Response> {
  const request = c.get('ctx');
  // the public half reads as nobody: no session, no key, whatever the request carried
  const ctx: Ctx = { ...request, actor: null, authError: null, lang };
  const origin = request.config.APP_ORIGIN;
  const url = new URL(c.req.url);
  let result: Page;
  let status: 200 | 400 | 404 = 200;
  try {
    result = await page({ ctx, lang, origin, query: url.searchParams, params: c.req.param() });
    status = result.status ?? 200;
  } catch (err) {
    if (!(err instanceof ApiError) || !['NOT_FOUND', 'BAD_REQUEST', 'VALIDATION_FAILED'].includes(err.code))
      throw err;
    status = err.code === 'NOT_FOUND' ? 404 : 400;
    result = {
      meta: {
        path: url.pathname.replace(/^\/en(?=\/|$)/, '') || '/',
        title: w(lang, 'notFound'),
        description: w(lang, 'notFoundText'),
        noindex: true,
      },
      body: (
        <>
          <h1>{status === 404 ? w(lang, 'notFound') : w(lang, 'noResults')}</h1>
          <p>{w(lang, 'notFoundText')}</p>
          <p>
            <a href={pathIn(lang, '/potensi')}>{w(lang, 'allPotentials')}</a>
          </p>
        </>
      ),
    };
  }
  const html = await (
    <Layout lang={lang} origin={origin} {...result.meta}>
      {result.body}
    </Layout>
  );
  c.header('Cache-Control', status === 200 ? CACHE : 'public, max-age=60');
  c.header('Content-Language', lang);
  c.header('Content-Security-Policy', PAGE_CSP);
  return c.html(`<!DOCTYPE html>${String(html)}`, status);
}
