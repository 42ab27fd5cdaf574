import { openNeon } from '../db/connect/neon';
import { createApp, type App } from './app';
import { ConfigError, loadWorkerConfig, type WorkerConfig } from './config/env';
import { runJobs } from './jobs';
import { createLogger, type Logger } from './platform/logger';
import { systemCtx } from './platform/context';
import { emailClientFrom } from './email/client';
import { newId } from './platform/ids';
import { deriveSigningKey } from './platform/secrets';

/**
 * Cloudflare Workers entry. The database is Neon through its serverless driver:
 * a WebSocket Pool opened per request (so transactions work) and closed after
 * the response with ctx.waitUntil. Nothing is precomputed per isolate beyond the
 * app's route table, so a cold isolate answers its first request at once.
 */
export type Env = {
  DATABASE_URL: string;
  APP_ENV?: string;
  LOG_LEVEL?: string;
  APP_ORIGIN?: string;
  RESEND_API_KEY?: string;
  EMAIL_FROM?: string;
  NEON_WS_PROXY?: string;
  APP_SECRET?: string;
  ASSETS?: Fetcher;
};

const apps = new WeakMap<object, { app: App; config: WorkerConfig; logger: Logger }>();

function appFor(env: Env) {
  let entry = apps.get(env);
  if (!entry) {
    const config = loadWorkerConfig(env);
    const logger = createLogger(config.LOG_LEVEL);
    const neon = { wsProxy: config.NEON_WS_PROXY };
    const app = createApp({
      config,
      logger,
      email: emailClientFrom(config),
      // Cloudflare sets CF-Connecting-IP itself; a client cannot forge it.
      clientAddress: (c) => c.req.header('cf-connecting-ip') ?? undefined,
      signingKey: deriveSigningKey(config.APP_SECRET ?? config.DATABASE_URL),
      openDb: () => {
        const handle = openNeon(config.DATABASE_URL, neon);
        return { db: handle.db, release: handle.close };
      },
      ...(env.ASSETS
        ? { scalarScript: () => env.ASSETS!.fetch('https://assets.local/scalar.js') }
        : {}),
    });
    entry = { app, config, logger };
    apps.set(env, entry);
  }
  return entry;
}

function configProblem(err: ConfigError): Response {
  // The settings' names are safe to show; their values are never echoed.
  console.error(JSON.stringify({ level: 'error', msg: 'config.invalid', problems: err.problems }));
  return new Response(
    JSON.stringify({
      type: 'urn:sinergi:problem:internal',
      title: 'Kesalahan server',
      status: 500,
      detail: 'Konfigurasi server tidak valid.',
      code: 'INTERNAL',
      requestId: newId('request'),
    }),
    { status: 500, headers: { 'content-type': 'application/problem+json' } },
  );
}

export default {
  async fetch(request, env, ctx) {
    try {
      return await appFor(env).app.fetch(request, env, ctx);
    } catch (err) {
      if (err instanceof ConfigError) return configProblem(err);
      throw err;
    }
  },

  async scheduled(controller, env, ctx) {
    const { config, logger } = appFor(env);
    const handle = openNeon(config.DATABASE_URL, { wsProxy: config.NEON_WS_PROXY });
    const { ctx: jobCtx, flush } = systemCtx({
      db: handle.db,
      logger: logger.child({ cron: controller.cron }),
      config,
      email: emailClientFrom(config),
      requestId: newId('request'),
    });
    const work = runJobs({ ctx: jobCtx, input: {} })
      .then(flush)
      .finally(() => handle.close());
    ctx.waitUntil(work);
    await work;
  },
} satisfies ExportedHandler<Env>;
