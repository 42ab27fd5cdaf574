import { getPublicSession, listPublicSessions } from '../../forums/public-sessions';
import { termLabel } from '../../reference/vocabularies';
import { spoken } from '../../forums/time';
import { Pager, SessionCards } from '../parts';
import type { Page, PageInput } from '../render';
import { pathIn, w } from '../text';

const PAGE = 20;

/** "09.00" as Indonesian writes the time of day, "09:00" in English. */
const clock = (lang: 'id' | 'en', local: string) =>
  lang === 'id' ? local.slice(11, 16).replace(':', '.') : local.slice(11, 16);

/** Forum sessions, upcoming or past, by province and strategic issue. */
export async function forumsPage({ ctx, lang, query }: PageInput): Promise<Page> {
  const when = query.get('when') === 'past' ? 'past' : 'upcoming';
  const province = query.get('province') || undefined;
  const issue = query.get('issue') || undefined;
  const cursor = query.get('cursor') || undefined;
  const sessions = await listPublicSessions({
    ctx,
    input: { when, province, issue, limit: PAGE, cursor },
  });
  const keep = new URLSearchParams();
  if (when === 'past') keep.set('when', 'past');
  if (province) keep.set('province', province);
  if (issue) keep.set('issue', issue);
  const base = pathIn(lang, '/forum');
  const kept = keep.toString();
  const title = w(lang, when === 'past' ? 'past' : 'upcoming');
  return {
    meta: {
      path: '/forum',
      query: kept ? `?${kept}` : '',
      title,
      description: w(lang, 'tagline'),
      noindex: !!cursor,
    },
    body: (
      <>
        <h1>{title}</h1>
        <p>
          {when === 'past' ? (
            <a href={base}>{w(lang, 'upcoming')}</a>
          ) : (
            <a href={`${base}?when=past`}>{w(lang, 'past')}</a>
          )}
        </p>
        {issue ? (
          <p class="meta">
            {w(lang, 'issue')}: {termLabel('strategic-issues', issue, lang)} ·{' '}
            <a href={base}>{w(lang, 'clear')}</a>
          </p>
        ) : null}
        {sessions.data.length ? (
          <SessionCards lang={lang} items={sessions.data} />
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        <Pager
          lang={lang}
          next={
            sessions.nextCursor
              ? `${base}?${new URLSearchParams([...keep, ['cursor', sessions.nextCursor]])}`
              : null
          }
        />
      </>
    ),
  };
}

/** A session: its agenda in the venue's local time, the delegations registered, its calendar file. */
export async function sessionPage({ ctx, lang, origin, params }: PageInput): Promise<Page> {
  const s = await getPublicSession({
    ctx,
    input: { forumId: params.forumId!, sessionId: params.sessionId! },
  });
  const when = `${spoken(new Date(s.startsAt), s.timeZone, lang)} – ${spoken(new Date(s.endsAt), s.timeZone, lang)}`;
  const cancelled = s.status === 'cancelled';
  return {
    meta: {
      path: `/forum/${s.forumId}/sesi/${s.id}`,
      title: s.title,
      description: `${when} · ${s.convener.name}`,
      ogType: 'article',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: s.title,
        description: s.description || undefined,
        startDate: new Date(s.startsAt).toISOString(),
        endDate: new Date(s.endsAt).toISOString(),
        eventStatus: cancelled
          ? 'https://schema.org/EventCancelled'
          : 'https://schema.org/EventScheduled',
        eventAttendanceMode: s.venue.name
          ? s.venue.onlineUrl
            ? 'https://schema.org/MixedEventAttendanceMode'
            : 'https://schema.org/OfflineEventAttendanceMode'
          : 'https://schema.org/OnlineEventAttendanceMode',
        location: s.venue.name
          ? {
              '@type': 'Place',
              name: s.venue.name,
              address: s.venue.address ?? s.venue.name,
            }
          : { '@type': 'VirtualLocation', url: s.venue.onlineUrl ?? `${origin}${pathIn(lang, `/forum/${s.forumId}/sesi/${s.id}`)}` },
        organizer: { '@type': 'GovernmentOrganization', name: s.convener.name },
        inLanguage: 'id',
      },
    },
    body: (
      <article>
        <h1>{s.title}</h1>
        {s.description ? <p class="lede">{s.description}</p> : null}
        <dl class="fields">
          <dt>{w(lang, 'when')}</dt>
          <dd>
            <time datetime={new Date(s.startsAt).toISOString()}>{when}</time>
          </dd>
          <dt>{w(lang, 'venue')}</dt>
          <dd>
            {s.venue.name ?? w(lang, 'online')}
            {s.venue.address ? `, ${s.venue.address}` : ''}
          </dd>
          <dt>{w(lang, 'convener')}</dt>
          <dd>{s.convener.name}</dd>
        </dl>
        <p>
          <a class="button" href={`/v1/forums/${s.forumId}/sessions/${s.id}/calendar.ics`} download>
            {w(lang, 'calendar')}
          </a>
        </p>
        <h2>{w(lang, 'agenda')}</h2>
        {s.agenda.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{`${w(lang, 'when')} (${s.zoneLabel})`}</th>
                <th scope="col">{w(lang, 'agenda')}</th>
              </tr>
            </thead>
            <tbody>
              {s.agenda.map((a) => (
                <tr>
                  <td>{`${clock(lang, a.start)}–${clock(lang, a.end)}`}</td>
                  <td>
                    {a.title}
                    {a.speakers.length ? <div class="meta">{a.speakers.join(', ')}</div> : null}
                    {a.potentialIds.length ? (
                      <div class="meta">
                        {a.potentialIds.map((id, i) => (
                          <>
                            {i ? ' · ' : ''}
                            <a href={pathIn(lang, `/potensi/${id}`)}>{`${w(lang, 'potential')} ${i + 1}`}</a>
                          </>
                        ))}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
        <h2>{w(lang, 'delegations')}</h2>
        {s.registered.length ? (
          <ul>
            {s.registered.map((r) => (
              <li>{r.name}</li>
            ))}
          </ul>
        ) : (
          <p>{w(lang, 'none')}</p>
        )}
      </article>
    ),
  };
}
