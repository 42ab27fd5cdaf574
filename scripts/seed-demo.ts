// `npm run seed:demo`: a living catalogue on a fresh database — published
// potentials in Bali, NTB, Central Sulawesi, Central and East Java, Papua and
// West Kalimantan, and verified partners. Every row is marked isDemo; running
// it again replaces the demo rows and touches nothing else.
import { seedDemo } from '../db/seed/demo';
import { runCommand } from './cli';

await runCommand(
  'seed.demo',
  async ({ database, logger }) => {
    // `prepare` has migrated and loaded the reference data
    const result = await seedDemo(database.db);
    logger.info('seed.demo.done', result);
  },
  { prepare: true },
);
