import type { Db } from '../../db/client';
import { migrate } from '../../db/migrate';
import { seedReferenceData } from '../../db/seed/reference';
import type { Logger } from '../platform/logger';
import type { NodeDatabase } from './database';

/** Brings a database up to date: migrations, then the reference data (both idempotent). */
export async function prepareDatabase(
  database: NodeDatabase,
  logger: Logger,
  options: { seed: boolean },
): Promise<void> {
  const t0 = performance.now();
  await migrate(database);
  const t1 = performance.now();
  logger.info('db.migrated', { durationMs: Math.round(t1 - t0) });
  if (options.seed) {
    const result = await seedReferenceData(database.db as Db);
    logger.info(result.skipped ? 'db.reference_data_unchanged' : 'db.reference_data_loaded', {
      ...(result.skipped
        ? {}
        : { regions: result.regions, districts: result.districts, terms: result.terms }),
      durationMs: Math.round(performance.now() - t1),
    });
  }
}
