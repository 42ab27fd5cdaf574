// `npm run jobs`: runs the periodic jobs once (what the Workers cron trigger runs hourly).
import { emailClientFrom } from '../src/email/client';
import { runJobs } from '../src/jobs';
import { pinOutboundFetch } from '../src/node/outbound';
import { systemCtx } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { runCommand } from './cli';

await runCommand('jobs', async ({ config, database, logger }) => {
  pinOutboundFetch(config);
  const { ctx, flush } = systemCtx({
    db: database.db,
    logger,
    config,
    email: emailClientFrom(config),
    requestId: newId('request'),
  });
  const results = await runJobs({ ctx, input: {} });
  await flush();
  if (results.some((r) => !r.ok)) process.exitCode = 1;
});
