import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { newId } from '../../src/platform/ids';
import { refreshSearchText } from '../../src/potentials/search-text';
import { PROVINCE_SHORT_FORMS } from '../../src/reference/places';
import { VOCABULARIES } from '../../src/reference/vocabularies';
import type { Db } from '../client';
import { districts, referenceDataLoads, regions, tenants, vocabularyTerms } from '../schema';
import { readDistricts, readRegions } from './regions';

const LOAD_NAME = 'reference';
/** Bump when the way rows are derived from the sources changes (names, kinds, time zones…). */
const SEED_FORMAT = 3;
/** Raise when `searchTextOf` builds the text differently: the next load rebuilds every potential's. */
const SEARCH_TEXT_FORMAT = 2;

/** A fingerprint of everything the reference data is made from, read without parsing the CSVs. */
function sourceFingerprint(): string {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('idn-area-data')), '..', 'data');
  const hash = createHash('sha256')
    .update(`format ${SEED_FORMAT}\n`)
    .update(JSON.stringify(VOCABULARIES))
    .update(`search text ${SEARCH_TEXT_FORMAT} ${JSON.stringify(PROVINCE_SHORT_FORMS)}\n`);
  for (const file of ['provinces.csv', 'regencies.csv', 'districts.csv'])
    hash.update(readFileSync(join(dataDir, file)));
  return hash.digest('hex');
}

const snake = (name: string) => name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** `SET col = excluded.col` for the given columns of a table (the database uses snake_case names). */
function excludedSet<T extends PgTable>(
  table: T,
  keys: (keyof T['_']['columns'])[],
): Record<string, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(
    keys.map((k) => [k, sql`excluded.${sql.identifier(snake(columns[k as string]!.name))}`]),
  );
}

export type SeedResult =
  | { skipped: true; checksum: string }
  | { skipped: false; regions: number; districts: number; terms: number; checksum: string };

/**
 * Loads the 552 regions (and their tenants) and the domain vocabularies.
 * Idempotent: rows are upserted by their natural keys, and a checksum of the
 * whole data set lets an unchanged restart skip the work entirely.
 */
export async function seedReferenceData(
  db: Db,
  options: { force?: boolean } = {},
): Promise<SeedResult> {
  const checksum = sourceFingerprint();
  if (!options.force) {
    const [previous] = await db
      .select()
      .from(referenceDataLoads)
      .where(eq(referenceDataLoads.name, LOAD_NAME));
    if (previous?.checksum === checksum) return { skipped: true, checksum };
  }
  const [regionRows, districtRows] = await Promise.all([readRegions(), readDistricts()]);
  const termRows = VOCABULARIES.flatMap((v) =>
    v.terms.map((term, i) => ({
      vocabulary: v.name,
      code: term.code,
      labelId: term.id,
      labelEn: term.en,
      groupCode: term.group ?? null,
      descriptionId: term.descriptionId ?? null,
      descriptionEn: term.descriptionEn ?? null,
      sortOrder: i + 1,
    })),
  );
  await db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values(regionRows)
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          ...excludedSet(regions, [
            'name',
            'officialName',
            'kind',
            'provinceCode',
            'autonomous',
            'timeZone',
            'islandGroup',
            'searchName',
          ]),
          updatedAt: sql`now()`,
        },
      });
    for (let i = 0; i < districtRows.length; i += 2000) {
      await tx
        .insert(districts)
        .values(districtRows.slice(i, i + 2000))
        .onConflictDoUpdate({
          target: districts.code,
          set: excludedSet(districts, ['regionCode', 'name']),
        });
    }
    await tx
      .insert(vocabularyTerms)
      .values(termRows)
      .onConflictDoUpdate({
        target: [vocabularyTerms.vocabulary, vocabularyTerms.code],
        set: excludedSet(vocabularyTerms, [
          'labelId',
          'labelEn',
          'groupCode',
          'descriptionId',
          'descriptionEn',
          'sortOrder',
        ]),
      });
    await tx
      .insert(tenants)
      .values(
        regionRows.map((r) => ({
          id: newId('tenant'),
          type: 'region' as const,
          regionCode: r.code,
          name: r.name,
          status: 'unclaimed' as const,
        })),
      )
      .onConflictDoUpdate({ target: tenants.regionCode, set: { name: sql.raw('excluded.name') } });
    // names, labels or the way search text is built may have changed: every potential's text follows
    await refreshSearchText(tx);
    // a new term or province gets its slot in the catalogue's facet counts (migration 0032)
    await tx.execute(sql`select sinergi_catalog_facet_slots_sync()`);
    await tx
      .insert(referenceDataLoads)
      .values({ name: LOAD_NAME, checksum })
      .onConflictDoUpdate({
        target: referenceDataLoads.name,
        set: { checksum, loadedAt: sql`now()` },
      });
  });
  return {
    skipped: false,
    regions: regionRows.length,
    districts: districtRows.length,
    terms: termRows.length,
    checksum,
  };
}
