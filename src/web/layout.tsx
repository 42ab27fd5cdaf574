import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { cssVersion } from './style';
import { type Lang, otherLang, pathIn, w } from './text';

/** What a page says about itself: title, description, its path (without `/en`), link preview, structured data. */
export type PageMeta = {
  lang: Lang;
  origin: string;
  /** the page's path in Indonesian (`/potensi/pot_…`); the English one is `/en` + it */
  path: string;
  /** the query string the page keeps across languages (filters), with its `?` */
  query?: string;
  title: string;
  description: string;
  /** OpenGraph type: `website` or `article` */
  ogType?: 'website' | 'article';
  /** schema.org JSON-LD */
  jsonLd?: Record<string, unknown>;
  /** search engines should not index this page (an empty search) */
  noindex?: boolean;
};

/** JSON inside <script>: nothing in it may close the element. */
const safeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function Layout(props: PageMeta & { children: Child }) {
  const { lang, origin } = props;
  const query = props.query ?? '';
  const here = `${origin}${pathIn(lang, props.path)}${query}`;
  const other = otherLang(lang);
  const title = props.path === '/' ? w(lang, 'site') : `${props.title} · Sinergi`;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={props.description} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={here} />
        <link rel="alternate" hreflang="id" href={`${origin}${pathIn('id', props.path)}${query}`} />
        <link rel="alternate" hreflang="en" href={`${origin}${pathIn('en', props.path)}${query}`} />
        <link rel="alternate" hreflang="x-default" href={`${origin}${props.path}${query}`} />
        <meta property="og:site_name" content="Sinergi" />
        <meta property="og:type" content={props.ogType ?? 'website'} />
        <meta property="og:title" content={props.title} />
        <meta property="og:description" content={props.description} />
        <meta property="og:url" content={here} />
        <meta property="og:locale" content={lang === 'id' ? 'id_ID' : 'en_GB'} />
        <meta name="twitter:card" content="summary" />
        <link rel="stylesheet" href={`/assets/site-${cssVersion()}.css`} />
        {props.jsonLd ? (
          <script type="application/ld+json">{raw(safeJson(props.jsonLd))}</script>
        ) : null}
      </head>
      <body>
        <a class="skip" href="#isi">
          {w(lang, 'skip')}
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href={pathIn(lang, '/')}>
              Sinergi
            </a>
            <nav class="main" aria-label={lang === 'id' ? 'Menu utama' : 'Main menu'}>
              <ul>
                <li>
                  <a href={pathIn(lang, '/potensi')}>{w(lang, 'catalogue')}</a>
                </li>
                <li>
                  <a href={pathIn(lang, '/forum')}>{w(lang, 'forums')}</a>
                </li>
                <li>
                  <a href={pathIn(lang, '/diskusi')}>{w(lang, 'discussion')}</a>
                </li>
                <li>
                  <a href={`${pathIn(other, props.path)}${query}`} hreflang={other} lang={other}>
                    {w(lang, 'otherLanguage')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="isi">{props.children}</main>
        <footer class="site">
          <p>
            {w(lang, 'footer')} <a href="/docs">{w(lang, 'api')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
