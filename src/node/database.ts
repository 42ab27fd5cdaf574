import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DbHandle } from '../../db/client';
import { openPglite } from '../../db/connect/pglite';
import { openPgliteThread } from '../../db/connect/pglite-remote';
import type { NodeConfig } from '../config/env';

/**
 * PGlite is one process per data directory: two processes on one directory lose
 * writes silently. A pid lock file turns that into a clear start-up error.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = join(dir, '..', `${dir.split(/[\\/]/).pop()}.lock`);
  mkdirSync(dirname(lockFile), { recursive: true });
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      if (holder && holder !== process.pid) {
        process.kill(holder, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (alive) {
      throw new Error(
        `The embedded database in ${dir} is in use by another Sinergi process (pid ${holder}). ` +
          'Stop it first, or set PGLITE_DIR to another directory.',
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

export type NodeDatabase = DbHandle & { describe: string };

/**
 * The embedded database's thread module: the bundled .mjs beside the server
 * bundle (`npm start`), or the TypeScript source under tsx (`npm run dev`).
 */
function pgliteThreadUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../db/connect/pglite-thread.ts', import.meta.url)
    : new URL('./pglite-thread.mjs', import.meta.url);
}

/**
 * `thread`: the embedded database runs on a thread of its own (the server:
 * HTTP stays responsive while the database works); commands keep it in-process.
 */
export async function openConfiguredDatabase(
  config: NodeConfig,
  options: { thread?: boolean } = {},
): Promise<NodeDatabase> {
  if (!config.DATABASE_URL) {
    const dir = resolve(config.PGLITE_DIR);
    const unlock = lockDataDir(dir);
    try {
      mkdirSync(dir, { recursive: true });
      const handle = options.thread
        ? await openPgliteThread(dir, pgliteThreadUrl())
        : await openPglite(dir);
      return {
        ...handle,
        describe: `embedded PostgreSQL (PGlite) in ${config.PGLITE_DIR}`,
        close: async () => {
          await handle.close();
          unlock();
        },
      };
    } catch (err) {
      unlock();
      throw err;
    }
  }
  // Drivers for a server are loaded only when used, so the embedded default starts faster.
  const host = new URL(config.DATABASE_URL).host;
  if (config.DATABASE_DRIVER === 'neon') {
    const [{ openNeon }, { default: ws }] = await Promise.all([
      import('../../db/connect/neon'),
      import('ws'),
    ]);
    const handle = openNeon(config.DATABASE_URL, {
      webSocketConstructor: ws,
      wsProxy: config.NEON_WS_PROXY,
    });
    return { ...handle, describe: `PostgreSQL at ${host} through the Neon serverless driver` };
  }
  const { openNodePostgres } = await import('../../db/connect/node-postgres');
  return {
    ...openNodePostgres(config.DATABASE_URL),
    describe: `PostgreSQL at ${host} (node-postgres)`,
  };
}
