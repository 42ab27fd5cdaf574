import { z } from '@hono/zod-openapi';

/**
 * The only module that reads the environment. Every setting is validated here
 * at start-up; a bad or missing one stops the process with a message naming it.
 * Entries (src/server.ts, src/worker.ts, scripts/*) call one of the loaders below
 * and pass the typed result on; nothing else looks at process.env or Worker env.
 */

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

const shared = {
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Public origin of the API, used in links inside emails and for CSRF checks. */
  APP_ORIGIN: z.string().url().default('http://localhost:8787'),
  /**
   * Origin of the web application that serves Sinergi's users (paths in
   * docs/links.md). Set: links in emails open it. Unset: they open the API's
   * own resources.
   */
  APP_WEB_ORIGIN: z
    .string()
    .url()
    .refine((v) => /^https?:\/\/[^/]+$/.test(v), 'must be an origin, without a path')
    .optional(),
  /**
   * Development and test only: route the Neon driver's WebSocket through a local
   * proxy (host:port) so it can talk to a plain PostgreSQL server.
   */
  /**
   * Development and test only: let webhooks call private and loopback
   * addresses (a receiver on this machine). Refused in production.
   */
  WEBHOOK_ALLOW_PRIVATE: bool.optional(),
  /** Email through Resend; unset: emails stay in the outbox (status `held`), readable by the platform admin. */
  RESEND_API_KEY: z.string().min(10).optional(),
  /** Sender, e.g. `Sinergi <noreply@your-domain.go.id>`: a domain verified in Resend. Required with RESEND_API_KEY. */
  EMAIL_FROM: z.string().min(3).optional(),
  /** Development/test only: where the Resend client sends (a local fake). */
  RESEND_BASE_URL: z.string().url().optional(),
  /**
   * Key for signing cursors and one-click links (at least 32 characters). Unset:
   * derived from DATABASE_URL when there is one, else random per process.
   */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEON_WS_PROXY: z
    .string()
    .regex(
      /^(127\.\d+\.\d+\.\d+|localhost):\d{2,5}$/,
      'must be a loopback host:port such as 127.0.0.1:5480',
    )
    .optional(),
};

const emailRule = (
  v: {
    RESEND_API_KEY?: string;
    EMAIL_FROM?: string;
    APP_ENV?: string;
    WEBHOOK_ALLOW_PRIVATE?: boolean;
  },
  ctx: z.RefinementCtx,
) => {
  if (v.APP_ENV === 'production' && v.WEBHOOK_ALLOW_PRIVATE)
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOK_ALLOW_PRIVATE'],
      message: 'must not be set in production',
    });
  if (v.RESEND_API_KEY && !v.EMAIL_FROM)
    ctx.addIssue({
      code: 'custom',
      path: ['EMAIL_FROM'],
      message: 'is required when RESEND_API_KEY is set',
    });
};

const nodeSchema = z
  .object({
    ...shared,
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Unset: embedded PostgreSQL (PGlite) in PGLITE_DIR. Set: that PostgreSQL server. */
    DATABASE_URL: postgresUrl.optional(),
    /** Which driver talks to DATABASE_URL: node-postgres over TCP, or Neon's serverless driver. */
    DATABASE_DRIVER: z.enum(['pg', 'neon']).default('pg'),
    PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
    /** Seed the reference data at start-up (idempotent; skipped when unchanged). */
    SEED_ON_START: bool.default(true),
    /**
     * Proxies whose X-Forwarded-For is believed: `false` (default: the socket's
     * address is the client), `loopback`, or a comma-separated list of addresses.
     */
    TRUST_PROXY: z
      .string()
      .default('false')
      .refine(
        (v) => /^(false|loopback|[0-9a-f.:]+(\s*,\s*[0-9a-f.:]+)*)$/i.test(v.trim()),
        'must be false, loopback, or a comma-separated list of IP addresses',
      ),
    /**
     * Node processes serving the port (with DATABASE_URL only: the embedded database is one
     * process). Default: one per CPU core, at most 4, with DATABASE_URL; 1 embedded.
     */
    NODE_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
    /** Requests served at once (the rest wait in arrival order). Default: 8 embedded, 32 with DATABASE_URL. */
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1000).optional(),
    /** Requests allowed to wait for a turn; more are refused at once with 503. */
    MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(256),
    /** The longest a request waits for its turn (ms) before a 503. */
    MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(10).max(120_000).default(5_000),
    /** The longest a request's headers may take to arrive (ms); then the connection is closed with 408. */
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    /** The longest a request's body may take to arrive (ms); then 408. No work slot is held meanwhile. */
    BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  })
  .superRefine(emailRule);

const workerSchema = z
  .object({
    ...shared,
    APP_ENV: shared.APP_ENV.default('production'),
    DATABASE_URL: postgresUrl,
  })
  .superRefine(emailRule);

export type NodeConfig = z.infer<typeof nodeSchema>;
export type WorkerConfig = z.infer<typeof workerSchema>;
/** The part of the configuration the app itself needs, whatever its host. */
export type AppConfig = Pick<NodeConfig, 'APP_ENV' | 'LOG_LEVEL' | 'APP_ORIGIN'> &
  Partial<Pick<NodeConfig, 'APP_WEB_ORIGIN' | 'WEBHOOK_ALLOW_PRIVATE'>>;

const nodeKeys = [
  'APP_ENV',
  'LOG_LEVEL',
  'APP_ORIGIN',
  'APP_WEB_ORIGIN',
  'WEBHOOK_ALLOW_PRIVATE',
  'RESEND_API_KEY',
  'EMAIL_FROM',
  'RESEND_BASE_URL',
  'NEON_WS_PROXY',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_DRIVER',
  'PGLITE_DIR',
  'SEED_ON_START',
  'APP_SECRET',
  'TRUST_PROXY',
  'NODE_PROCESSES',
  'MAX_CONCURRENT_REQUESTS',
  'MAX_QUEUED_REQUESTS',
  'MAX_QUEUE_WAIT_MS',
  'HEADERS_TIMEOUT_MS',
  'BODY_TIMEOUT_MS',
] as const;
const workerKeys = [
  'APP_ENV',
  'LOG_LEVEL',
  'APP_ORIGIN',
  'APP_WEB_ORIGIN',
  'WEBHOOK_ALLOW_PRIVATE',
  'RESEND_API_KEY',
  'EMAIL_FROM',
  'RESEND_BASE_URL',
  'NEON_WS_PROXY',
  'DATABASE_URL',
  'APP_SECRET',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  - ${p.setting}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

function parse<S extends z.ZodType>(schema: S, source: Record<string, unknown>): z.infer<S> {
  // Empty strings count as unset, as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({
        setting: i.path.join('.') || '(root)',
        message: i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message,
      })),
    );
  }
  return result.data;
}

export function loadNodeConfig(overrides: Record<string, string | undefined> = {}): NodeConfig {
  const source: Record<string, unknown> = {};
  for (const k of nodeKeys) source[k] = overrides[k] ?? process.env[k];
  return parse(nodeSchema, source);
}

const workerCache = new WeakMap<object, WorkerConfig>();

export function loadWorkerConfig(env: object): WorkerConfig {
  const cached = workerCache.get(env);
  if (cached) return cached;
  const source: Record<string, unknown> = {};
  for (const k of workerKeys) source[k] = (env as Record<string, unknown>)[k];
  const config = parse(workerSchema, source);
  workerCache.set(env, config);
  return config;
}
