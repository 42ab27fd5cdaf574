import type { CatalogFilters } from '../../potentials/catalog';
import { browseCatalog } from '../../potentials/facets';
import { Pager, PotentialCards, SearchForm } from '../parts';
import type { Page, PageInput } from '../render';
import { type Lang, pathIn, w } from '../text';

/** The filters a catalogue page keeps in its URL, as the API names them. */
const KEPT = ['q', 'issues', 'affairs', 'kind', 'province', 'region', 'direction'] as const;
const PAGE = 20;

const listOf = (v: string | null) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 20)
    : undefined;

/** The query string of these filters (and a cursor), with its `?`; empty without any. */
function queryOf(kept: URLSearchParams, extra: Record<string, string> = {}) {
  const q = new URLSearchParams();
  for (const k of KEPT) {
    const v = kept.get(k);
    if (v) q.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

type Facet = { code: string; label: string; count: number };

function Select(props: {
  lang: Lang;
  name: string;
  label: string;
  value: string | null;
  options: Facet[];
}) {
  return (
    <div>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{w(props.lang, 'any')}</option>
        {props.options.map((o) => (
          <option value={o.code} selected={o.code === props.value}>
            {`${o.label} (${o.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The catalogue: the API's search and facets, filters in plain GET forms, pages by cursor. */
export async function cataloguePage({ ctx, lang, query }: PageInput): Promise<Page> {
  const direction = query.get('direction');
  const filters: CatalogFilters = {
    q: query.get('q')?.trim() || undefined,
    issues: listOf(query.get('issues')),
    affairs: listOf(query.get('affairs')),
    kind: listOf(query.get('kind')),
    province: query.get('province') || undefined,
    region: query.get('region') || undefined,
    direction: direction === 'offer' || direction === 'need' ? direction : undefined,
  };
  const cursor = query.get('cursor') || undefined;
  const { found, facets } = await browseCatalog({ ctx, input: { ...filters, limit: PAGE, cursor } });
  const filtered = KEPT.some((k) => query.get(k));
  const total = `${found.total}${found.totalIsLowerBound ? '+' : ''}`;
  const title = filters.q
    ? lang === 'id'
      ? `Potensi untuk “${filters.q}”`
      : `Potentials for “${filters.q}”`
    : w(lang, 'catalogue');
  const base = pathIn(lang, '/potensi');
  return {
    meta: {
      path: '/potensi',
      query: queryOf(query),
      title,
      description: w(lang, 'tagline'),
      noindex: found.data.length === 0 || !!cursor,
    },
    body: (
      <>
        <h1>{title}</h1>
        <SearchForm lang={lang} value={filters.q} />
        <form method="get" action={base} aria-label={w(lang, 'filters')}>
          {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
          <div class="filters">
            <Select
              lang={lang}
              name="direction"
              label={w(lang, 'direction')}
              value={filters.direction ?? null}
              options={facets.direction}
            />
            <Select
              lang={lang}
              name="issues"
              label={w(lang, 'issue')}
              value={filters.issues?.[0] ?? null}
              options={facets.issues}
            />
            <Select
              lang={lang}
              name="affairs"
              label={w(lang, 'affair')}
              value={filters.affairs?.[0] ?? null}
              options={facets.affairs}
            />
            <Select
              lang={lang}
              name="kind"
              label={w(lang, 'kind')}
              value={filters.kind?.[0] ?? null}
              options={facets.kind}
            />
            <Select
              lang={lang}
              name="province"
              label={w(lang, 'province')}
              value={filters.province ?? null}
              options={facets.province}
            />
            <div>
              <button type="submit">{w(lang, 'apply')}</button>
            </div>
          </div>
        </form>
        <p role="status">
          {total} {w(lang, 'results')}
          {filtered ? (
            <>
              {' · '}
              <a href={base}>{w(lang, 'clear')}</a>
            </>
          ) : null}
        </p>
        {found.data.length ? (
          <PotentialCards lang={lang} items={found.data} />
        ) : (
          <>
            <p>{w(lang, 'noResults')}</p>
            <p>{w(lang, 'tryInstead')}</p>
            <ul>
              <li>{w(lang, 'tryFewer')}</li>
              {filtered ? (
                <li>
                  <a href={filters.q ? `${base}?q=${encodeURIComponent(filters.q)}` : base}>
                    {w(lang, 'tryClear')}
                  </a>
                </li>
              ) : null}
              <li>
                <a href={pathIn(lang, '/')}>{w(lang, 'tryIssue')}</a>
              </li>
            </ul>
          </>
        )}
        <Pager
          lang={lang}
          first={cursor ? `${base}${queryOf(query)}` : null}
          next={found.nextCursor ? `${base}${queryOf(query, { cursor: found.nextCursor })}` : null}
        />
      </>
    ),
  };
}
