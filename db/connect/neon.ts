import { neonConfig, Pool } from '@neondatabase/serverless';
import { drizzle, NeonSession, NeonTransaction } from 'drizzle-orm/neon-serverless';
import { type Db, type DbHandle, DRIZZLE_CASING, keepAlive } from '../client';
import * as schema from '../schema';
import { releaseClientsOnFailure } from './safe-transactions';

export type NeonOptions = {
  /** Node 20 has no global WebSocket: pass `ws`. Workers have one. */
  webSocketConstructor?: typeof WebSocket | unknown;
  /** Development/test only: a loopback WebSocket→TCP proxy in front of a plain PostgreSQL. */
  wsProxy?: string;
};

releaseClientsOnFailure(NeonSession as never, NeonTransaction as never, (c) => c instanceof Pool);

let configured = false;

function configure(options: NeonOptions): void {
  if (configured) return;
  configured = true;
  if (options.webSocketConstructor)
    neonConfig.webSocketConstructor = options.webSocketConstructor as typeof WebSocket;
  if (options.wsProxy) {
    const proxy = options.wsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    // Pipelining the connect handshake is incompatible with SCRAM auth on a plain server.
    neonConfig.pipelineConnect = false;
  }
}

/**
 * Neon's serverless driver over WebSocket: a `Pool`, so interactive transactions
 * work (a write and its audit row commit together). On Workers create one per
 * request and close it with `ctx.waitUntil(handle.close())`.
 */
export function openNeon(url: string, options: NeonOptions = {}): DbHandle & { pool: Pool } {
  configure(options);
  const pool = new Pool({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
  });
  keepAlive(pool);
  const db = drizzle({ client: pool, schema, casing: DRIZZLE_CASING }) as unknown as Db;
  return { db, pool, driver: 'neon', close: () => pool.end() };
}
