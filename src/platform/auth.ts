import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { validateApiKey } from '../identity/api-key-auth';
import { validateSessionToken } from '../identity/sessions';
import type { AppDeps, AppEnv } from './context';
import { ApiError } from './errors';

export const SESSION_COOKIE = '__Host-sinergi_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}

/**
 * Resolves who is calling, once per request: `Authorization: Bearer` (a session
 * token or an API key) or the session cookie. Credentials that do not hold leave
 * the caller anonymous with an authError, so public routes still answer and
 * protected ones say 401 with the reason. Cookie-authenticated writes must come
 * from our own origin (CSRF).
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ctx = c.get('ctx');
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const now = ctx.now();

    if (header && !bearer) {
      ctx.authError = 'auth.invalid_session';
    } else if (bearer?.startsWith('key_')) {
      const key = await validateApiKey(ctx.db, bearer, now);
      if (key) ctx.actor = { type: 'api_key', ...key };
      else ctx.authError = 'auth.invalid_api_key';
    } else if (bearer || cookie) {
      const valid = await validateSessionToken(ctx.db, (bearer ?? cookie)!, now);
      if (valid) {
        ctx.actor = {
          type: 'user',
          user: valid.user,
          sessionId: valid.session.id,
          via: bearer ? 'bearer' : 'cookie',
        };
        if (cookie && valid.session.renewed) setSessionCookie(c, cookie, valid.session.expiresAt);
      } else {
        ctx.authError = 'auth.invalid_session';
        if (cookie) clearSessionCookie(c);
      }
    }

    if (cookie && !SAFE_METHODS.has(c.req.method) && !sameOrigin(c, deps.config.APP_ORIGIN)) {
      throw new ApiError('FORBIDDEN', { key: 'auth.csrf' });
    }
    await next();
  };
}

/** Origin must be ours; without Origin, Sec-Fetch-Site must say same-origin. */
function sameOrigin(c: Context, appOrigin: string): boolean {
  const origin = c.req.header('origin');
  if (origin) return origin === appOrigin || origin === new URL(c.req.url).origin;
  return c.req.header('sec-fetch-site') === 'same-origin';
}
