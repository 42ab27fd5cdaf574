import { ConfigError, loadNodeConfig, type NodeConfig } from '../src/config/env';
import { type NodeDatabase, openConfiguredDatabase } from '../src/node/database';
import { prepareDatabase } from '../src/node/prepare';
import { createLogger, type Logger } from '../src/platform/logger';

/**
 * Shared shape of the npm-script commands: configuration, a database, clean exit codes.
 * `prepare` migrates and seeds the reference data first (as `npm start` does), so a
 * command works on a fresh clone without running `db:migrate` before it.
 */
export async function runCommand(
  name: string,
  body: (args: {
    config: NodeConfig;
    database: NodeDatabase;
    logger: Logger;
    argv: string[];
  }) => Promise<void>,
  options: { prepare?: boolean } = {},
): Promise<void> {
  let database: NodeDatabase | undefined;
  try {
    const config = loadNodeConfig();
    const logger = createLogger(config.LOG_LEVEL === 'silent' ? 'silent' : 'info');
    database = await openConfiguredDatabase(config);
    logger.info(`${name}.start`, { database: database.describe });
    if (options.prepare) await prepareDatabase(database, logger, { seed: true });
    await body({ config, database, logger, argv: process.argv.slice(2) });
  } catch (err) {
    const message =
      err instanceof ConfigError
        ? err.message
        : err instanceof Error
          ? err.message.split('\nparams:')[0]!.slice(0, 500)
          : String(err);
    console.error(`${name} failed: ${message}`);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
