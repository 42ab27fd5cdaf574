// `npm run db:seed`: loads the reference data (552 regions and their tenants, vocabularies).
// Idempotent; `-- --force` reloads even when unchanged.
import { seedReferenceData } from '../db/seed/reference';
import { runCommand } from './cli';

await runCommand('db.seed', async ({ database, logger, argv }) => {
  const result = await seedReferenceData(database.db, { force: argv.includes('--force') });
  logger.info(
    result.skipped ? 'db.seed.unchanged' : 'db.seed.done',
    result.skipped
      ? {}
      : { regions: result.regions, districts: result.districts, terms: result.terms },
  );
});
