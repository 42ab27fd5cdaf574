import { listPublicSessions } from '../../forums/public-sessions';
import { governmentOf } from '../../platform/offices';
import { searchCards } from '../../potentials/catalog';
import { getRegionProfile } from '../../profiles/profiles';
import { getRegion } from '../../reference/regions';
import { PotentialCards, SessionCards } from '../parts';
import type { Page, PageInput } from '../render';
import { pathIn, w } from '../text';

/** A region: its published potentials, its forums, its cooperation in numbers. */
export async function regionPage({ ctx, lang, params }: PageInput): Promise<Page> {
  const code = params.code!;
  const region = await getRegion({ ctx, input: { code } });
  const isProvince = !code.includes('.');
  const [profile, potentials, upcoming, past] = await Promise.all([
    getRegionProfile({ ctx, input: { code } }).catch(() => null),
    searchCards({
      ctx,
      input: { ...(isProvince ? { province: code } : { region: code }), sort: 'newest', limit: 20 },
    }),
    listPublicSessions({ ctx, input: { province: code, when: 'upcoming', limit: 5 } }),
    listPublicSessions({ ctx, input: { province: code, when: 'past', limit: 5 } }),
  ]);
  const name = governmentOf(
    { type: 'region', name: profile?.name ?? region.name, regionCode: code },
    lang,
  );
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    meta: {
      path: `/daerah/${code}`,
      title,
      description: profile?.summary ?? `${w(lang, 'potentials')}: ${title}`,
    },
    body: (
      <>
        <h1>{title}</h1>
        {profile?.summary ? <p class="lede">{profile.summary}</p> : null}
        {region.parent ? (
          <p class="meta">
            {w(lang, 'province')}:{' '}
            <a href={pathIn(lang, `/daerah/${region.parent.code}`)}>{region.parent.name}</a>
          </p>
        ) : null}
        <h2>{w(lang, 'cooperation')}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{w(lang, 'publishedCount')}</th>
              <td>{`${potentials.total}${potentials.totalIsLowerBound ? '+' : ''}`}</td>
            </tr>
            {profile ? (
              <tr>
                <th scope="row">{w(lang, 'activeAgreements')}</th>
                <td>{profile.activeAgreements}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{w(lang, 'sessions')}</th>
              <td>{upcoming.data.length + past.data.length}</td>
            </tr>
          </tbody>
        </table>
        <h2>{w(lang, 'potentials')}</h2>
        {potentials.data.length ? (
          <PotentialCards lang={lang} items={potentials.data} />
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        {potentials.nextCursor ? (
          <p>
            <a
              href={`${pathIn(lang, '/potensi')}?${isProvince ? 'province' : 'region'}=${encodeURIComponent(code)}`}
            >
              {w(lang, 'allPotentials')}
            </a>
          </p>
        ) : null}
        <h2>{w(lang, 'upcoming')}</h2>
        {upcoming.data.length ? (
          <SessionCards lang={lang} items={upcoming.data} />
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        {past.data.length ? (
          <>
            <h2>{w(lang, 'past')}</h2>
            <SessionCards lang={lang} items={past.data} />
          </>
        ) : null}
      </>
    ),
  };
}
