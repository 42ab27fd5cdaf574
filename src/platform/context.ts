import type { Context } from 'hono';
import type { Db } from '../../db/client';
import type { AppConfig } from '../config/env';
import type { EmailClient } from '../email/client';
import type { AdmissionOptions } from './admission';
import type { Lang, MessageKey } from './i18n';
import type { Logger } from './logger';

/** Clients the app is given rather than builds: tests pass their own. */
export interface AppDeps {
  config: AppConfig;
  /** Called once per request. Node hands out its one shared database; Workers open a Pool per request. */
  openDb: () => { db: Db; release?: () => Promise<void> };
  logger: Logger;
  clock?: () => Date;
  /** Sends outbox emails; null keeps them in the outbox (`held`), readable by the platform admin. */
  email?: EmailClient | null;
  /** The caller's network address, as the host knows it (socket on Node, CF-Connecting-IP on Workers). */
  clientAddress?: (c: Context) => string | undefined;
  /** Admission control (Node): requests served at once, queued, and the longest wait. */
  admission?: AdmissionOptions;
  /**
   * Node: a request's body is read in full, within this many ms (else 408),
   * before it may take a work slot, so a slow client never holds one.
   */
  bodyTimeoutMs?: number;
  /** how long the open-data version is trusted before asking again (ms); 0: every request (tests) */
  openDataVersionTtlMs?: number;
  /**
   * Runs work after the response without holding it (Node servers). Unset and
   * outside Workers, deferred work is awaited before the response (tests).
   */
  background?: (task: Promise<unknown>) => void;
  /** Key for signing cursors and other server-issued tokens. */
  signingKey?: Uint8Array;
  /** How the offline API-reference bundle is served (Node reads it from node_modules; Workers use static assets). */
  scalarScript?: () => Promise<Response>;
}

export type UserActor = {
  type: 'user';
  user: { id: string; email: string; name: string; isPlatformAdmin: boolean; locale: string };
  sessionId: string;
  via: 'cookie' | 'bearer';
};
export type ApiKeyActor = {
  type: 'api_key';
  keyId: string;
  tenantId: string;
  scopes: string[];
  createdBy: string;
};
export type Actor = UserActor | ApiKeyActor;

/** What a domain verb needs to know about the request it serves. */
export interface Ctx {
  db: Db;
  lang: Lang;
  requestId: string;
  logger: Logger;
  now: () => Date;
  config: AppConfig;
  email: EmailClient | null;
  actor: Actor | null;
  /** Set when credentials were presented but did not hold (expired session, revoked key, forged cookie). */
  authError: MessageKey | null;
  clientAddress: string;
  /** Work to run after the response (emails): waitUntil on Workers, awaited on Node. */
  defer: (task: () => Promise<unknown>, key?: string) => void;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    lang: Lang;
    ctx: Ctx;
  };
};

/** A context for work outside a request: jobs, scripts. Deferred work runs when `flush` is awaited. */
export function systemCtx(input: {
  db: Db;
  logger: Logger;
  config: AppConfig;
  email?: EmailClient | null;
  requestId: string;
  now?: () => Date;
}) {
  const tasks: (() => Promise<unknown>)[] = [];
  const ctx: Ctx = {
    db: input.db,
    lang: 'id',
    requestId: input.requestId,
    logger: input.logger.child({ requestId: input.requestId }),
    now: input.now ?? (() => new Date()),
    config: input.config,
    email: input.email ?? null,
    actor: null,
    authError: null,
    clientAddress: 'system',
    defer: (task) => void tasks.push(task),
  };
  return {
    ctx,
    flush: async () => {
      for (const t of tasks.splice(0)) await t();
    },
  };
}

/** A date as `YYYY-MM-DD` (UTC). */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
/** Today as `YYYY-MM-DD` by the request's clock. */
export const today = (ctx: Pick<Ctx, 'now'>): string => isoDate(ctx.now());
/** The signed-in person behind the request, if a person (not an API key) made it. */
export const actingUserId = (ctx: Pick<Ctx, 'actor'>): string | null =>
  ctx.actor?.type === 'user' ? ctx.actor.user.id : null;
