// `npm run seed:demo`: a living catalogue on a fresh database — published
// potentials in Bali, NTB, Central Sulawesi, Central and East Java, Papua and
// West Kalimantan, and verified partners. Every row is marked isDemo; running
// it again replaces the demo rows and touches nothing else.
import { migrate } from '../db/migrate';
import { seedDemo } from '../db/seed/demo';
import { seedReferenceData } from '../db/seed/reference';
import { runCommand } from './cli';

await runCommand(
  'seed.demo',
  async ({ database, logger }) => {
    await migrate(database);
    await seedReferenceData(database.db);
    const result = await seedDemo(database.db);
    logger.info('seed.demo.done', result);
  },
  { prepare: true },
);
