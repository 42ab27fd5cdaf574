import { neighboursOf } from '../../candidates/matches';
import { governmentOf } from '../../platform/offices';
import { getPublishedPotential } from '../../potentials/catalog';
import { getRegionProfile } from '../../profiles/profiles';
import { termLabel } from '../../reference/vocabularies';
import type { Page, PageInput } from '../render';
import { dateIn, pathIn, rupiah, w } from '../text';

/** A published potential: all the public may read of it, its region's office and contacts, its neighbours, how to answer it. */
export async function potentialPage({ ctx, lang, origin, params }: PageInput): Promise<Page> {
  const p = await getPublishedPotential({ ctx, input: { potentialId: params.id! } });
  const [profile, related] = await Promise.all([
    getRegionProfile({ ctx, input: { code: p.regionCode } }),
    neighboursOf(ctx, { id: p.id, tenantId: p.tenantId }, 5),
  ]);
  const government = governmentOf(
    { type: 'region', name: profile.name, regionCode: p.regionCode },
    lang,
  );
  const fields: [string, string | null][] = [
    [w(lang, 'problem'), p.problem],
    [w(lang, 'potential'), p.potential],
    [w(lang, 'target'), p.target],
    [
      w(lang, 'process'),
      p.process.length ? p.process.map((s) => `${s.party}: ${s.role}`).join('; ') : null,
    ],
    [w(lang, 'outputs'), p.outputs.length ? p.outputs.join('; ') : null],
    [w(lang, 'outcome'), p.outcome],
    [w(lang, 'candidatePartner'), p.candidatePartner],
    [w(lang, 'value'), rupiah(lang, p.valueIdr)],
    [w(lang, 'validUntil'), dateIn(lang, p.expiresOn)],
  ];
  const description = `${w(lang, p.direction)} · ${p.regionName}: ${p.activity}`.slice(0, 200);
  return {
    meta: {
      path: `/potensi/${p.id}`,
      title: p.title,
      description,
      ogType: 'article',
    },
    body: (
      <article>
        <p class="meta">
          <span class={p.direction === 'need' ? 'tag need' : 'tag'}>{w(lang, p.direction)}</span>
          {p.cooperationKinds.map((k) => (
            <span class="tag">{k}</span>
          ))}
        </p>
        <h1>{p.title}</h1>
        <p class="lede">{p.activity}</p>
        <p class="meta">
          <a href={pathIn(lang, `/daerah/${p.regionCode}`)}>{government}</a>
          {p.publishedAt ? ` · ${w(lang, 'published')} ${dateIn(lang, p.publishedAt)}` : ''}
        </p>
        <p class="meta">
          {[
            ...p.issues.map((c) => termLabel('strategic-issues', c, lang)),
            ...p.affairs.map((c) => termLabel('affairs', c, lang)),
          ].join(' · ')}
        </p>
        <dl class="fields">
          {fields
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </>
            ))}
        </dl>
        <h2>{w(lang, 'region')}</h2>
        <p>
          <a href={pathIn(lang, `/daerah/${p.regionCode}`)}>{government}</a>
          {profile.summary ? ` — ${profile.summary}` : ''}
        </p>
        {profile.contacts.length ? (
          <>
            <h3>{w(lang, 'contacts')}</h3>
            <ul>
              {profile.contacts.map((c) => (
                <li>
                  {c.name} ({c.role})
                  {c.email ? (
                    <>
                      {' · '}
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  ) : null}
                  {c.phone ? ` · ${c.phone}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{w(lang, 'interest')}</h2>
        <p>{w(lang, 'interestHow')}</p>
        <p>
          <code>POST {`${origin}/v1/catalog/potentials/${p.id}/interests`}</code> (
          <a href="/docs#tag/catalogue">expressInterestFromCatalogue</a>)
        </p>
        <h2>{w(lang, 'related')}</h2>
        {related.length ? (
          <ul class="cards">
            {related.map((m) => (
              <li>
                <h3>
                  <a href={pathIn(lang, `/potensi/${m.candidate.potentialId}`)}>
                    {m.candidate.name}
                  </a>
                </h3>
                <p class="meta">
                  {m.candidate.direction ? (
                    <span class={m.candidate.direction === 'need' ? 'tag need' : 'tag'}>
                      {w(lang, m.candidate.direction)}
                    </span>
                  ) : null}
                  {`${lang === 'id' ? 'Skor kecocokan' : 'Match score'} ${Math.round(m.score)}`}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
      </article>
    ),
  };
}
