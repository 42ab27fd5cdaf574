import { listPublicSessions } from '../../forums/public-sessions';
import { newestPotentials } from '../../potentials/catalog';
import { vocabularyByName } from '../../reference/vocabularies';
import { PotentialCards, SearchForm, SessionCards } from '../parts';
import type { Page, PageInput } from '../render';
import { pathIn, w } from '../text';

/** The home page: a search box, the strategic issues as ways in, what was published last, what comes next. */
export async function homePage({ ctx, lang }: PageInput): Promise<Page> {
  const [newest, sessions] = await Promise.all([
    newestPotentials(ctx, 6),
    listPublicSessions({ ctx, input: { when: 'upcoming', limit: 4 } }),
  ]);
  const issues = vocabularyByName('strategic-issues')?.terms ?? [];
  return {
    meta: { path: '/', title: w(lang, 'site'), description: w(lang, 'tagline') },
    body: (
      <>
        <h1>{w(lang, 'site')}</h1>
        <p class="lede">{w(lang, 'tagline')}</p>
        <SearchForm lang={lang} />
        <h2>{w(lang, 'issues')}</h2>
        <ul class="chips">
          {issues.map((t) => (
            <li>
              <a href={`${pathIn(lang, '/potensi')}?issues=${encodeURIComponent(t.code)}`}>
                {t[lang]}
              </a>
            </li>
          ))}
        </ul>
        <h2>{w(lang, 'newest')}</h2>
        {newest.length ? (
          <PotentialCards lang={lang} items={newest} />
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        <p>
          <a href={pathIn(lang, '/potensi')}>{w(lang, 'allPotentials')}</a>
        </p>
        <h2>{w(lang, 'upcoming')}</h2>
        {sessions.data.length ? (
          <SessionCards lang={lang} items={sessions.data} />
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        <p>
          <a href={pathIn(lang, '/forum')}>{w(lang, 'allSessions')}</a>
        </p>
      </>
    ),
  };
}
