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

/**
 * Reads a request's body in full before the request may be admitted: a slot
 * is held only while the app works, never while a client sends slowly. A body
 * that has not arrived within `timeoutMs` is answered 408 and the connection
 * closed. The body is kept (Hono caches it), so validators read it as usual;
 * the size limit (bodyLimit, before this) still applies while it is read.
 */
export function bodyFirst(timeoutMs: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const length = c.req.header('content-length');
    const hasBody =
      length !== undefined ? length !== '0' : c.req.header('transfer-encoding') !== undefined;
    if (!hasBody) return next();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = c.req.arrayBuffer().then(() => 'read' as const);
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const outcome = await Promise.race([read, late]).finally(() => clearTimeout(timer));
    if (outcome === 'late') {
      read.catch(() => {}); // the client may still send, or give up: either way nothing waits for it
      const lang = negotiateLang(c.req.header('accept-language'));
      return problemResponse(
        c,
        problemBody(
          'REQUEST_TIMEOUT',
          t(lang, 'request.body_timeout', { seconds: String(Math.round(timeoutMs / 1000)) }),
          lang,
          c.get('requestId'),
        ),
        { connection: 'close' },
      );
    }
    return next();
  };
}
