import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { problemBody } from './errors';
import { problemResponse } from './http';
import { negotiateLang, t } from './i18n';

export type AdmissionOptions = {
  /** requests served at once; the rest wait in arrival order */
  concurrency: number;
  /** requests allowed to wait; one more is refused at once */
  queue: number;
  /** the longest a request waits for its turn before it is refused */
  waitMs: number;
};

/**
 * Admission control for a host with one database connection (PGlite) or a
 * small pool: requests are admitted in arrival order, at most `concurrency` at
 * a time; a full queue or a wait past `waitMs` answers a fast 503 with
 * Retry-After instead of leaving a client waiting unserved.
 */
export function admission(options: AdmissionOptions): MiddlewareHandler<AppEnv> {
  let active = 0;
  const waiting: { admit: () => void }[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next.admit();
    else active--;
  };

  const refuse = (c: Parameters<MiddlewareHandler<AppEnv>>[0], retryAfter: number) => {
    const lang = c.get('lang') ?? negotiateLang(c.req.header('accept-language'));
    return problemResponse(
      c,
      problemBody('SERVICE_UNAVAILABLE', t(lang, 'server.overloaded'), lang, c.get('requestId')),
      { 'retry-after': String(retryAfter) },
    );
  };

  return async (c, next) => {
    if (active < options.concurrency) {
      active++;
    } else {
      if (waiting.length >= options.queue) return refuse(c, 1);
      const admitted = await new Promise<boolean>((resolve) => {
        const entry = {
          admit: () => {
            clearTimeout(timer);
            resolve(true);
          },
        };
        const timer = setTimeout(() => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1);
          resolve(false);
        }, options.waitMs);
        waiting.push(entry);
      });
      // admitted: the slot passed straight from the request that released it
      if (!admitted) return refuse(c, Math.max(1, Math.ceil(options.waitMs / 1000)));
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
