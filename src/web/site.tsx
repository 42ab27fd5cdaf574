import type { Hono } from 'hono';
import { listPublicSessions } from '../forums/public-sessions';
import type { AppEnv, Ctx } from '../platform/context';
import { publishedForSitemap } from '../potentials/catalog';
import { boardPage, boardsPage, threadPage } from './pages/discussion';
import { cataloguePage } from './pages/catalogue';
import { forumsPage, sessionPage } from './pages/forums';
import { homePage } from './pages/home';
import { potentialPage } from './pages/potential';
import { regionPage } from './pages/region';
import { type Page, type PageInput, renderPage } from './render';
import { cssVersion, SITE_CSS } from './style';
import type { Lang } from './text';

/**
 * The public half of Sinergi as web pages, server-rendered from the same
 * domain verbs as the API, in Indonesian at `/…` and English at `/en/…`:
 * the home page, the catalogue, a potential, a region, the forums and a
 * session, the public discussion boards; the sitemap, robots.txt and the one
 * stylesheet. No JavaScript; every reader is served as anonymous.
 */
const PAGES: [string, (input: PageInput) => Promise<Page>][] = [
  ['/', homePage],
  ['/potensi', cataloguePage],
  ['/potensi/:id', potentialPage],
  ['/daerah/:code', regionPage],
  ['/forum', forumsPage],
  ['/forum/:forumId/sesi/:sessionId', sessionPage],
  ['/diskusi', boardsPage],
  ['/diskusi/topik/:threadId', threadPage],
  ['/diskusi/:boardId', boardPage],
];

/** Paths the public pages answer, for the OpenAPI conformance check (they are pages, not operations). */
export const PAGE_PATTERNS = [
  /^\/(en)?$/,
  /^(\/en)?\/(potensi|daerah|forum|diskusi)(\/.*)?$/,
  /^\/sitemap\.xml$/,
  /^\/robots\.txt$/,
  /^\/assets\/site-[a-z0-9]+\.css$/,
];

export function registerWebPages(app: Hono<AppEnv>) {
  for (const [path, page] of PAGES)
    for (const lang of ['id', 'en'] as Lang[])
      app.get(lang === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path, (c) =>
        renderPage(c, lang, page),
      );

  const css = `/assets/site-${cssVersion()}.css`;
  app.get(css, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(SITE_CSS);
  });

  app.get('/robots.txt', (c) => {
    const origin = c.get('ctx').config.APP_ORIGIN;
    c.header('Cache-Control', 'public, max-age=3600');
    return c.text(
      `User-agent: *\nAllow: /\nDisallow: /v1/\nDisallow: /docs\nSitemap: ${origin}/sitemap.xml\n`,
    );
  });

  app.get('/sitemap.xml', async (c) => {
    const request = c.get('ctx');
    const ctx: Ctx = { ...request, actor: null, authError: null };
    const origin = request.config.APP_ORIGIN;
    const [potentials, upcoming, past] = await Promise.all([
      publishedForSitemap(ctx, 20_000),
      listPublicSessions({ ctx, input: { when: 'upcoming', limit: 100 } }),
      listPublicSessions({ ctx, input: { when: 'past', limit: 100 } }),
    ]);
    const paths = [
      '/',
      '/potensi',
      '/forum',
      '/diskusi',
      ...potentials.map((p) => `/potensi/${p.id}`),
      ...[...new Set(potentials.map((p) => p.regionCode))].map((code) => `/daerah/${code}`),
      ...[...upcoming.data, ...past.data].map((s) => `/forum/${s.forumId}/sesi/${s.id}`),
    ];
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const url = (path: string) => {
      const id = `${origin}${path}`;
      const en = `${origin}${path === '/' ? '/en' : `/en${path}`}`;
      return `<url><loc>${esc(id)}</loc><xhtml:link rel="alternate" hreflang="id" href="${esc(id)}"/><xhtml:link rel="alternate" hreflang="en" href="${esc(en)}"/></url>`;
    };
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${paths.map(url).join('')}</urlset>\n`,
    );
  });
}
