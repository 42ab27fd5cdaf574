// `npm run db:migrate`: applies db/migrations to DATABASE_URL (or the embedded database).
// For Neon: DATABASE_URL=… DATABASE_DRIVER=neon npm run db:migrate
import { migrate } from '../db/migrate';
import { runCommand } from './cli';

await runCommand('db.migrate', async ({ database, logger }) => {
  await migrate(database);
  logger.info('db.migrate.done');
});
