import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { AppDeps, AppEnv } from '../../platform/context';

// The reference page loads its script from this server, never from a CDN, so /docs works offline.
const DOCS_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

export function registerDocs(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const page = Scalar({ url: '/openapi.json', cdn: '/scalar.js', pageTitle: 'Sinergi API' });
  app.get('/docs', async (c, next) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    return page(c as never, next);
  });
  if (deps.scalarScript) {
    const load = deps.scalarScript;
    app.get('/scalar.js', () => load());
  }
}
