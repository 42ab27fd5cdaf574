import type { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps, AppEnv, Ctx } from './context';
import {
  ApiError,
  classifyDbError,
  type ErrorCode,
  type FieldError,
  fieldErrors,
  type Problem,
  problemBody,
  renderApiError,
} from './errors';
import { type Lang, negotiateLang, t } from './i18n';
import { findBadString, singleLineProblem, TEXT_PROBLEM_MESSAGES, type TextProblem } from './text';

const PROBLEM_JSON = 'application/problem+json';
/** How long a client should wait before retrying while the database is away. */
export const DB_RETRY_AFTER_SECONDS = 5;

export function problemResponse(
  c: Context,
  body: Problem,
  headers: Record<string, string> = {},
): Response {
  // c.body keeps the headers already set on the context (x-request-id among them).
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'content-type': PROBLEM_JSON,
    'content-language': c.get('lang') ?? 'id',
    ...headers,
  });
}

/** Language, then the per-request context (database, clients, clock) for domain verbs. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const now = deps.clock ?? (() => new Date());
  return async (c, next) => {
    const lang = negotiateLang(c.req.header('accept-language'));
    c.set('lang', lang);
    const requestId = c.get('requestId');
    const opened = deps.openDb();
    const tasks = new Map<string | (() => Promise<unknown>), () => Promise<unknown>>();
    const ctx: Ctx = {
      db: opened.db,
      lang,
      requestId,
      logger: deps.logger.child({ requestId }),
      now,
      config: deps.config,
      email: deps.email ?? null,
      actor: null,
      authError: null,
      clientAddress: deps.clientAddress?.(c) ?? 'unknown',
      // Same task (by function or key) deferred twice in a request runs once.
      defer: (task, key?: string) => void tasks.set(key ?? task, task),
    };
    c.set('ctx', ctx);
    try {
      await next();
    } finally {
      c.header('content-language', lang);
      // Deferred work (emails) runs after the response, then the database is released.
      const after = (async () => {
        for (const task of tasks.values()) {
          try {
            await task();
          } catch (err) {
            ctx.logger.error('deferred_task_failed', { err });
          }
        }
        await opened.release?.();
      })().catch((err) => deps.logger.error('db.release_failed', { requestId, err }));
      // Node hands the work to its tracker; a Worker keeps it alive with waitUntil
      const exec = deps.background ? undefined : executionCtxOf(c);
      if (deps.background) deps.background(after);
      else if (exec) exec.waitUntil(after);
      else await after;
    }
  };
}

function executionCtxOf(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx as ExecutionContext;
  } catch {
    return undefined; // Node: no execution context
  }
}

/** One JSON line per request: no query string, no headers, so no secrets. */
export function requestLog(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    deps.logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - start) * 10) / 10,
    });
  };
}

const TARGET_NAMES: Record<string, string> = {
  json: 'body',
  param: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
  form: 'body',
};

/** Root validation hook: every invalid input becomes a 400 problem that names its fields. */
export function validationHook(
  result: { success: boolean; target: string; error?: z.ZodError },
  c: Context<AppEnv>,
) {
  if (!result.success && result.error) {
    const lang: Lang = c.get('lang') ?? 'id';
    throw new ApiError(
      'VALIDATION_FAILED',
      { key: 'request.invalid' },
      {
        errors: fieldErrors(
          result.error.issues,
          TARGET_NAMES[result.target] ?? result.target,
          lang,
        ),
      },
    );
  }
}

export function errorHandler(deps: AppDeps) {
  return (err: Error, c: Context<AppEnv>): Response => {
    const lang: Lang = c.get('lang') ?? negotiateLang(c.req.header('accept-language'));
    const requestId = c.get('requestId') ?? 'unknown';
    if (err instanceof ApiError) {
      return problemResponse(c, renderApiError(err, lang, requestId), err.options.headers);
    }
    if (err instanceof HTTPException) {
      const mapped = mapHttpException(err);
      if (mapped)
        return problemResponse(
          c,
          problemBody(mapped.code, t(lang, mapped.key, mapped.params), lang, requestId),
        );
    }
    const failure = classifyDbError(err);
    if (failure === 'unavailable') {
      deps.logger.warn('db.unavailable', {
        requestId,
        method: c.req.method,
        path: c.req.path,
        err,
      });
      return problemResponse(
        c,
        problemBody('SERVICE_UNAVAILABLE', t(lang, 'server.database_unavailable'), lang, requestId),
        { 'retry-after': String(DB_RETRY_AFTER_SECONDS) },
      );
    }
    if (failure === 'bad_value' || failure === 'still_referenced') {
      deps.logger.warn('db.refused_value', {
        requestId,
        method: c.req.method,
        path: c.req.path,
        failure,
      });
      return failure === 'bad_value'
        ? problemResponse(
            c,
            problemBody('BAD_REQUEST', t(lang, 'request.bad_value'), lang, requestId),
          )
        : problemResponse(
            c,
            problemBody('CONFLICT', t(lang, 'request.still_referenced'), lang, requestId),
          );
    }
    deps.logger.error('unhandled_error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      err,
    });
    return problemResponse(
      c,
      problemBody('INTERNAL', t(lang, 'server.internal', { requestId }), lang, requestId),
    );
  };
}

function mapHttpException(err: HTTPException): {
  code: ErrorCode;
  key:
    | 'request.malformed_json'
    | 'request.too_large'
    | 'request.unsupported_media_type'
    | 'request.invalid';
  params?: Record<string, string>;
} | null {
  switch (err.status) {
    case 400:
      return /json/i.test(err.message)
        ? { code: 'BAD_REQUEST', key: 'request.malformed_json' }
        : { code: 'BAD_REQUEST', key: 'request.invalid' };
    case 413:
      return { code: 'PAYLOAD_TOO_LARGE', key: 'request.too_large', params: { limit: '1 MB' } };
    case 415:
      return { code: 'UNSUPPORTED_MEDIA_TYPE', key: 'request.unsupported_media_type' };
    default:
      return null;
  }
}

export function notFoundHandler(c: Context<AppEnv>): Response {
  const lang: Lang = c.get('lang') ?? negotiateLang(c.req.header('accept-language'));
  const detail = t(lang, 'route.not_found', { method: c.req.method, path: c.req.path });
  return problemResponse(
    c,
    problemBody('NOT_FOUND', detail, lang, c.get('requestId') ?? 'unknown'),
  );
}

/**
 * Text no handler should see: a NUL byte or a lone surrogate anywhere (path,
 * query, JSON body), a control character in the path or query, or one other
 * than `\n`/`\t` in a body string. One 400 naming the field, before any handler
 * or database sees the value.
 */
export function inputGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const errors: FieldError[] = [];
    const lang: Lang = c.get('lang') ?? 'id';
    const say = (problem: TextProblem) => TEXT_PROBLEM_MESSAGES[problem][lang];
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // not UTF-8: the route's own parameter patterns refuse it
    }
    const pathProblem = singleLineProblem(path);
    if (pathProblem) errors.push({ location: 'path', message: say(pathProblem) });
    for (const [name, value] of url.searchParams) {
      const problem = singleLineProblem(value) ?? singleLineProblem(name);
      if (problem)
        errors.push({
          location: `query.${name.replace(/[^\x20-\x7e]/g, '?')}`,
          message: say(problem),
        });
    }
    const type = c.req.header('content-type') ?? '';
    if (errors.length === 0 && /json/i.test(type) && !['GET', 'HEAD'].includes(c.req.method)) {
      // c.req.json() caches the parsed body: the route's validator reuses it, so a body is parsed once
      let parsed: unknown;
      try {
        parsed = await c.req.json();
      } catch {
        parsed = undefined; // malformed JSON: the validator answers it
      }
      const bad = findBadString(parsed);
      if (bad)
        errors.push({ location: ['body', ...bad.path].join('.'), message: say(bad.problem) });
    }
    if (errors.length > 0)
      throw new ApiError('VALIDATION_FAILED', { key: 'request.invalid' }, { errors });
    await next();
  };
}
