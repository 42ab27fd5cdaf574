import { sql } from 'drizzle-orm';
import type { Ctx } from '../platform/context';
import { ApiError } from '../platform/errors';

/** A real round trip to the database: the API is only healthy if it can answer queries. */
export async function checkHealth({ ctx }: { ctx: Ctx; input?: undefined }) {
  const start = performance.now();
  try {
    await ctx.db.execute(sql`select 1`);
  } catch (cause) {
    ctx.logger.error('health.database_unreachable', { err: cause });
    throw new ApiError(
      'SERVICE_UNAVAILABLE',
      { key: 'server.database_unavailable' },
      { cause, headers: { 'retry-after': '5' } },
    );
  }
  return {
    status: 'ok' as const,
    database: {
      status: 'ok' as const,
      latencyMs: Math.round((performance.now() - start) * 10) / 10,
    },
    time: ctx.now().toISOString(),
  };
}
