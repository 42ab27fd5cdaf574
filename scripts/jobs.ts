// `npm run jobs`: runs the periodic jobs once (what the Workers cron trigger runs hourly).
import { runJobs } from '../src/jobs';
import { newId } from '../src/platform/ids';
import { runCommand } from './cli';

await runCommand('jobs', async ({ database, logger }) => {
  const requestId = newId('request');
  const results = await runJobs({ ctx: { db: database.db, lang: 'id', requestId, logger: logger.child({ requestId }), now: () => new Date() }, input: {} });
  if (results.some((r) => !r.ok)) process.exitCode = 1;
});
