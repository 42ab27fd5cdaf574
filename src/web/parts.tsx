import { spoken, type Zone } from '../forums/time';
import { termLabel } from '../reference/vocabularies';
import { type Lang, pathIn, rupiah, w } from './text';

export type PotentialSummary = {
  id: string;
  title: string;
  activity: string;
  direction: 'offer' | 'need';
  regionName: string;
  regionCode: string;
  issues: string[];
  valueIdr: number | null;
  publishedAt: Date | string | null;
};

export function PotentialCards(props: { lang: Lang; items: PotentialSummary[] }) {
  const { lang } = props;
  return (
    <ul class="cards">
      {props.items.map((p) => (
        <li>
          <h3>
            <a href={pathIn(lang, `/potensi/${p.id}`)}>{p.title}</a>
          </h3>
          <p class="meta">
            <span class={p.direction === 'need' ? 'tag need' : 'tag'}>{w(lang, p.direction)}</span>
            <a href={pathIn(lang, `/daerah/${p.regionCode}`)}>{p.regionName}</a>
            {p.valueIdr !== null ? ` · ${rupiah(lang, p.valueIdr)}` : ''}
          </p>
          <p>{p.activity}</p>
          {p.issues.length ? (
            <p class="meta">{p.issues.map((c) => termLabel('strategic-issues', c, lang)).join(' · ')}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export type SessionSummary = {
  id: string;
  forumId: string;
  title: string;
  convener: { name: string };
  startsAt: Date | string;
  timeZone: Zone;
  venue: { name: string | null; onlineUrl: string | null };
};

export function SessionCards(props: { lang: Lang; items: SessionSummary[] }) {
  const { lang } = props;
  return (
    <ul class="cards">
      {props.items.map((s) => (
        <li>
          <h3>
            <a href={pathIn(lang, `/forum/${s.forumId}/sesi/${s.id}`)}>{s.title}</a>
          </h3>
          <p class="meta">
            {spoken(new Date(s.startsAt), s.timeZone, lang)} · {s.convener.name}
          </p>
          <p class="meta">{s.venue.name ?? (s.venue.onlineUrl ? w(lang, 'online') : '')}</p>
        </li>
      ))}
    </ul>
  );
}

/** The catalogue's search box, with the query it shows (plain GET to the catalogue). */
export function SearchForm(props: { lang: Lang; value?: string }) {
  const { lang } = props;
  return (
    <form class="search" method="get" action={pathIn(lang, '/potensi')} role="search">
      <label for="q" class="vh">
        {w(lang, 'searchLabel')}
      </label>
      <input
        id="q"
        type="search"
        name="q"
        value={props.value ?? ''}
        placeholder={w(lang, 'searchHint')}
      />
      <button type="submit">{w(lang, 'search')}</button>
    </form>
  );
}

/** Links to the first page (when past it) and to the next (when there is one); nothing when neither. */
export function Pager(props: { lang: Lang; first?: string | null; next?: string | null }) {
  const { lang } = props;
  if (!props.first && !props.next) return null;
  return (
    <nav class="pager" aria-label={lang === 'id' ? 'Halaman' : 'Pages'}>
      {props.first ? <a href={props.first}>{w(lang, 'first')}</a> : null}
      {props.next ? (
        <a rel="next" href={props.next}>
          {w(lang, 'next')}
        </a>
      ) : null}
    </nav>
  );
}
