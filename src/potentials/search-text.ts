import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { catalogWords, potentials, regions } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { textArray } from '../platform/pg-arrays';
import { searchForm } from '../reference/geography';
import { englishPlaceName, PROVINCE_SHORT_FORMS } from '../reference/places';
import { termLabel } from '../reference/vocabularies';

type Db = Tx | Ctx['db'];
type Row = typeof potentials.$inferSelect;

export type Place = { regionName: string; provinceName: string; provinceCode: string };

/**
 * The text the catalogue searches beyond the form's own fields (which the
 * database weighs itself): every field, the Indonesian labels of the affairs
 * and issues, and the place — region and province by name and the province's
 * short forms ("Kabupaten Sigi Sulawesi Tengah Sulteng"). `en` holds the
 * English labels and place names, stemmed as English. The API, the demo
 * seeder, the benchmarks and `refreshSearchText` all build it here.
 */
export function searchTextOf(
  p: Pick<
    Row,
    | 'title'
    | 'activity'
    | 'problem'
    | 'potential'
    | 'target'
    | 'outcome'
    | 'outputs'
    | 'candidatePartner'
    | 'affairs'
    | 'issues'
  >,
  place: Place,
): { searchText: string; searchTextEn: string } {
  const labels = (vocabulary: string, codes: string[], lang: 'id' | 'en') =>
    codes.map((c) => termLabel(vocabulary, c, lang));
  const provinceForms =
    place.regionName === place.provinceName
      ? [place.provinceName]
      : [place.regionName, place.provinceName];
  return {
    searchText: searchForm(
      [
        p.title,
        p.activity,
        p.problem,
        p.potential,
        p.target,
        p.outcome,
        ...p.outputs,
        p.candidatePartner ?? '',
        ...labels('affairs', p.affairs, 'id'),
        ...labels('strategic-issues', p.issues, 'id'),
        ...provinceForms,
        ...(PROVINCE_SHORT_FORMS[place.provinceCode] ?? []),
      ].join(' '),
    ),
    searchTextEn: searchForm(
      [
        ...labels('affairs', p.affairs, 'en'),
        ...labels('strategic-issues', p.issues, 'en'),
        englishPlaceName(place.provinceName),
      ].join(' '),
    ),
  };
}

/**
 * Region names as this process last read them, per database. They come from the
 * reference data, which changes only with a release's reference load (that load
 * rebuilds every search text itself), so a name is read once and kept for
 * `NAMES_KEPT_MS`. A potential's writes then need no query for its place.
 */
const knownNames = new WeakMap<Db, { at: number; loads: number; names: Map<string, string> }>();
const NAMES_KEPT_MS = 10 * 60_000;
/** reference loads this process made: the names read before one are read again */
let loads = 0;

/** The names of these regions and of their provinces. */
export async function placesOf(db: Db, regionCodes: string[]): Promise<Map<string, Place>> {
  let known = knownNames.get(db);
  if (!known || known.loads !== loads || Date.now() - known.at > NAMES_KEPT_MS) {
    known = { at: Date.now(), loads, names: new Map() };
    knownNames.set(db, known);
  }
  const { names } = known;
  const missing = [...new Set(regionCodes.flatMap((c) => [c, c.slice(0, 2)]))].filter(
    (c) => !names.has(c),
  );
  if (missing.length) {
    const rows = await db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(inArray(regions.code, missing));
    for (const r of rows) names.set(r.code, r.name);
  }
  return new Map(
    regionCodes.map((c) => [
      c,
      {
        regionName: names.get(c) ?? c,
        provinceName: names.get(c.slice(0, 2)) ?? c.slice(0, 2),
        provinceCode: c.slice(0, 2),
      },
    ]),
  );
}

/**
 * The catalogue's words, which the typo fallback compares typed words with
 * (`catalog_words`). Migration 0034's trigger adds a potential's words as it
 * enters or changes in the catalogue; `refreshSearchText` rebuilds the list.
 */
const WORDS_OF = sql`select distinct w from ${potentials} p, regexp_split_to_table(p.search_text || ' ' || p.search_text_en, ' ') w where p.status = 'published' and length(w) between 4 and 60`;

/**
 * Rebuilds every potential's search text (after the way it is built, the
 * vocabularies' labels or the place names changed: the reference seeder calls
 * it when its fingerprint changes) and the word list from scratch.
 */
export async function refreshSearchText(db: Db): Promise<number> {
  loads++; // the names may be what changed
  let after = '';
  let n = 0;
  for (;;) {
    const rows = await db
      .select({
        id: potentials.id,
        regionCode: potentials.regionCode,
        title: potentials.title,
        activity: potentials.activity,
        problem: potentials.problem,
        potential: potentials.potential,
        target: potentials.target,
        outcome: potentials.outcome,
        outputs: potentials.outputs,
        candidatePartner: potentials.candidatePartner,
        affairs: potentials.affairs,
        issues: potentials.issues,
      })
      .from(potentials)
      .where(sql`${potentials.id} > ${after}`)
      .orderBy(potentials.id)
      .limit(2000);
    if (rows.length === 0) break;
    const places = await placesOf(
      db,
      rows.map((r) => r.regionCode),
    );
    const texts = rows.map((r) => searchTextOf(r, places.get(r.regionCode)!));
    await db.execute(sql`
      update ${potentials} p set search_text = v.t, search_text_en = v.e
      from (select unnest(${textArray(rows.map((r) => r.id))}::text[]) as id,
                   unnest(${textArray(texts.map((t) => t.searchText))}::text[]) as t,
                   unnest(${textArray(texts.map((t) => t.searchTextEn))}::text[]) as e) v
      where p.id = v.id and (p.search_text <> v.t or p.search_text_en <> v.e)`);
    n += rows.length;
    after = rows.at(-1)!.id;
  }
  await db.execute(sql`delete from ${catalogWords}`);
  await db.execute(sql`insert into ${catalogWords} (word) ${WORDS_OF} on conflict do nothing`);
  return n;
}
