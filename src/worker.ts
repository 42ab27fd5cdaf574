import { openNeon } from '../db/connect/neon';
import { type App, createApp } from './app';
import { ConfigError, loadWorkerConfig, type WorkerConfig } from './config/env';
import { type Planned, planDigests, sendDigestBatch } from './digests/run';
import { emailClientFrom } from './email/client';
import { digestJob, JOBS, type Job, runJobs, webhooksJob } from './jobs';
import { systemCtx } from './platform/context';
import { newId } from './platform/ids';
import { createLogger, type Logger } from './platform/logger';
import { deriveSigningKey } from './platform/secrets';
import { endpointsDue, purgeWebhookLog, sendDueWebhooks } from './webhooks/deliveries';
import { defaultOutbound } from './webhooks/outbound';

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
  APP_WEB_ORIGIN?: string;
  RESEND_API_KEY?: string;
  EMAIL_FROM?: string;
  NEON_WS_PROXY?: string;
  APP_SECRET?: string;
  ASSETS?: Fetcher;
  /** the digest queue (wrangler.toml): the cron enqueues batches of recipients, the consumer composes and sends */
  DIGEST_QUEUE?: Queue<Planned[]>;
  /** the webhook queue: the cron enqueues each endpoint with messages due, the consumer sends them in order */
  WEBHOOK_QUEUE?: Queue<WebhookJob>;
};

/** A webhook queue message: one endpoint whose due messages are to be sent. */
type WebhookJob = { endpointId: string };
const WEBHOOK_QUEUE_NAME = 'sinergi-webhooks';

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

/** A system context on Neon for the cron and the queue consumer; the outbox is flushed and the pool closed after. */
async function withSystemCtx<T>(
  env: Env,
  where: Record<string, string>,
  run: (ctx: ReturnType<typeof systemCtx>['ctx']) => Promise<T>,
): Promise<T> {
  const { config, logger } = appFor(env);
  const handle = openNeon(config.DATABASE_URL, { wsProxy: config.NEON_WS_PROXY });
  const { ctx, flush } = systemCtx({
    db: handle.db,
    logger: logger.child(where),
    config,
    email: emailClientFrom(config),
    requestId: newId('request'),
  });
  try {
    const result = await run(ctx);
    await flush();
    return result;
  } finally {
    await handle.close();
  }
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
    const work = withSystemCtx(env, { cron: controller.cron }, async (jobCtx) => {
      // what fans out goes onto its queue, handled by the consumer: digests, webhook endpoints
      const queued = new Set<Job>([
        ...(env.DIGEST_QUEUE ? [digestJob] : []),
        ...(env.WEBHOOK_QUEUE ? [webhooksJob] : []),
      ]);
      const results = await runJobs({
        ctx: jobCtx,
        input: { jobs: JOBS.filter((j) => !queued.has(j)) },
      });
      if (env.DIGEST_QUEUE) {
        const batches = await planDigests(jobCtx);
        for (let i = 0; i < batches.length; i += 100)
          await env.DIGEST_QUEUE.sendBatch(batches.slice(i, i + 100).map((body) => ({ body })));
        jobCtx.logger.info('digests.enqueued', { batches: batches.length });
      }
      if (env.WEBHOOK_QUEUE) {
        const endpoints = await endpointsDue(jobCtx);
        for (let i = 0; i < endpoints.length; i += 100)
          await env.WEBHOOK_QUEUE.sendBatch(
            endpoints.slice(i, i + 100).map((endpointId) => ({ body: { endpointId } })),
          );
        await purgeWebhookLog(jobCtx);
        jobCtx.logger.info('webhooks.enqueued', { endpoints: endpoints.length });
      }
      return results;
    });
    ctx.waitUntil(work);
    await work;
  },

  /**
   * The queues' consumer. Digests: each message a batch of recipients. Webhooks:
   * each message an endpoint, whose due messages are sent in order (their own
   * retries and backoff are kept in the database). A message that fails is
   * retried later, then goes to the dead-letter queue.
   */
  async queue(batch, env, ctx) {
    const webhooks = batch.queue.startsWith(WEBHOOK_QUEUE_NAME);
    const work = withSystemCtx(env, { queue: batch.queue }, async (jobCtx) => {
      for (const message of batch.messages) {
        try {
          if (webhooks) {
            const { endpointId } = message.body as WebhookJob;
            if (typeof endpointId !== 'string') throw new Error('not a webhook job');
            const result = await sendDueWebhooks(jobCtx, defaultOutbound(jobCtx.config), 200, {
              endpointIds: [endpointId],
            });
            jobCtx.logger.info('webhooks.endpoint', { ...result, messageId: message.id });
          } else {
            const result = await sendDigestBatch(jobCtx, message.body as Planned[]);
            jobCtx.logger.info('digests.batch', { ...result, messageId: message.id });
          }
          message.ack();
        } catch (err) {
          jobCtx.logger.error(webhooks ? 'webhooks.endpoint_failed' : 'digests.batch_failed', {
            err,
            messageId: message.id,
          });
          message.retry({ delaySeconds: webhooks ? 30 : 60 });
        }
      }
    });
    ctx.waitUntil(work);
    await work;
  },
} satisfies ExportedHandler<Env, Planned[] | WebhookJob>;
