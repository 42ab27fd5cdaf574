import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const regionKind = pgEnum('region_kind', ['provinsi', 'kabupaten', 'kota']);
export const timeZone = pgEnum('time_zone', ['WIB', 'WITA', 'WIT']);
export const islandGroup = pgEnum('island_group', [
  'sumatera',
  'jawa',
  'bali_nusa_tenggara',
  'kalimantan',
  'sulawesi',
  'maluku',
  'papua',
]);

/** The 38 provinces and 514 kabupaten/kota, keyed by their Kemendagri code. */
export const regions = pgTable(
  'regions',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    officialName: text().notNull(),
    kind: regionKind().notNull(),
    provinceCode: text().references((): AnyPgColumn => regions.code),
    autonomous: boolean().notNull(),
    timeZone: timeZone().notNull(),
    islandGroup: islandGroup().notNull(),
    /** lower-cased, accent-free name for case- and accent-insensitive search */
    searchName: text().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.provinceCode, t.code), index().on(t.kind, t.code)],
);

/** Kecamatan (districts) from idn-area-data: where in a region a potential is located. */
export const districts = pgTable(
  'districts',
  {
    code: text().primaryKey(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    name: text().notNull(),
  },
  (t) => [index().on(t.regionCode)],
);

/** Fixed vocabularies of the domain (affairs, strategic issues, cooperation kinds and models, …). */
export const vocabularyTerms = pgTable(
  'vocabulary_terms',
  {
    vocabulary: text().notNull(),
    code: text().notNull(),
    labelId: text().notNull(),
    labelEn: text().notNull(),
    groupCode: text(),
    descriptionId: text(),
    descriptionEn: text(),
    sortOrder: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.vocabulary, t.code] })],
);

/** What reference data was last loaded, so a restart can skip an unchanged load. */
export const referenceDataLoads = pgTable('reference_data_loads', {
  name: text().primaryKey(),
  checksum: text().notNull(),
  loadedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * One row: a number that grows whenever open data changes (a catalogue entry,
 * a tenant, a region), kept by triggers (migration 0023), never written by the
 * application. Cached answers of open data are served while it is unchanged.
 */
export const openDataVersion = pgTable('open_data_version', {
  id: smallint().primaryKey().default(1),
  version: bigint({ mode: 'number' }).notNull().default(0),
  /** This database's own mark, so that versions of two databases one process reads never mix (0032). */
  epoch: text().notNull().default(sql`gen_random_uuid()::text`),
});
