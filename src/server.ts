import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app';
import { ConfigError, loadNodeConfig, type NodeConfig } from './config/env';
import { emailClientFrom } from './email/client';
import { scalarScriptFromNodeModules } from './node/assets';
import { clientAddressFrom, parseTrustProxy } from './node/client-address';
import { openConfiguredDatabase } from './node/database';
import { localSecret } from './node/local-secret';
import { pinOutboundFetch } from './node/outbound';
import { prepareDatabase } from './node/prepare';
import { createLogger, type Logger } from './platform/logger';
import { deriveSigningKey } from './platform/secrets';

/**
 * Node entry: `npm start`. With no configuration the database is embedded
 * PostgreSQL (PGlite) in ./.data, created, migrated and seeded on first start
 * and reopened afterwards; with DATABASE_URL it is that server.
 */
async function main() {
  const started = performance.now();
  let config;
  try {
    config = loadNodeConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const processes = config.DATABASE_URL
    ? (config.NODE_PROCESSES ?? Math.min(4, availableParallelism()))
    : 1;
  if (processes > 1 && cluster.isPrimary) return primary(config, logger, processes);
  const database = await openConfiguredDatabase(config, { thread: true });
  logger.info('db.opened', { database: database.describe });
  // with several processes the primary prepared the database before starting them
  if (cluster.isPrimary) await prepareDatabase(database, logger, { seed: config.SEED_ON_START });

  const trust = parseTrustProxy(config.TRUST_PROXY);
  const secret = config.APP_SECRET ?? config.DATABASE_URL ?? localSecret(config.PGLITE_DIR);
  // Work that runs after a response (emails) is tracked so a stop waits for it.
  const inFlight = new Set<Promise<unknown>>();
  pinOutboundFetch(config);
  const app = createApp({
    config,
    logger,
    openDb: () => ({ db: database.db }),
    email: emailClientFrom(config),
    clientAddress: (c) =>
      clientAddressFrom(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trust),
    admission: {
      concurrency: config.MAX_CONCURRENT_REQUESTS ?? (config.DATABASE_URL ? 32 : 8),
      queue: config.MAX_QUEUED_REQUESTS,
      waitMs: config.MAX_QUEUE_WAIT_MS,
    },
    bodyTimeoutMs: config.BODY_TIMEOUT_MS,
    background: (task) => {
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    },
    ...(secret ? { signingKey: deriveSigningKey(secret) } : {}),
    scalarScript: scalarScriptFromNodeModules(),
  });

  const server = serve(
    {
      fetch: app.fetch,
      port: config.PORT,
      hostname: config.HOST,
      // Headers that do not arrive in time: Node answers 408 and closes the connection;
      // a body is timed by the app (bodyFirst), which answers a Problem. The whole
      // request is cut off at the sum, and checked every half second.
      serverOptions: {
        headersTimeout: config.HEADERS_TIMEOUT_MS,
        requestTimeout: config.HEADERS_TIMEOUT_MS + config.BODY_TIMEOUT_MS,
        connectionsCheckingInterval: 500,
      },
    },
    (info) => {
      logger.info('ready', {
        pid: process.pid,
        url: `http://localhost:${info.port}`,
        docs: `http://localhost:${info.port}/docs`,
        startupMs: Math.round(performance.now() - started),
        processUptimeMs: Math.round(process.uptime() * 1000),
      });
    },
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    server.close(() => {
      void Promise.allSettled([...inFlight])
        .then(() => database.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * Several processes on one port (a PostgreSQL server only): the primary
 * migrates and seeds once, starts the workers (the operating system hands
 * each connection to one), starts a new one when one dies, and stops them all
 * on SIGTERM/SIGINT.
 */
async function primary(config: NodeConfig, logger: Logger, processes: number) {
  const database = await openConfiguredDatabase(config);
  logger.info('db.opened', { database: database.describe, processes });
  await prepareDatabase(database, logger, { seed: config.SEED_ON_START });
  await database.close();
  let stopping = false;
  const start = () => cluster.fork();
  for (let i = 0; i < processes; i++) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error('process.exited', { pid: worker.process.pid, code, signal });
    start();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const done = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    };
    cluster.on('exit', done);
    done();
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // Bounded: a failed query's message carries every parameter of the statement.
  const message = err instanceof Error ? err.message : String(err);
  const cause =
    err instanceof Error && err.cause instanceof Error ? `\ncaused by: ${err.cause.message}` : '';
  console.error(`Sinergi could not start: ${message.slice(0, 500)}${cause}`);
  process.exit(1);
});
