import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { admission, bodyFirst } from './platform/admission';
import { authenticate } from './platform/auth';
import type { AppDeps, AppEnv } from './platform/context';
import { problemBody } from './platform/errors';
import {
  errorHandler,
  inputGuard,
  notFoundHandler,
  problemResponse,
  requestContext,
  requestLog,
  validationHook,
} from './platform/http';
import { negotiateLang, t } from './platform/i18n';
import { newId } from './platform/ids';
import { openDataCache } from './platform/open-data-cache';
import { configureSigningKey } from './platform/secrets';
import { registerRoutes } from './routes';
import { registerDocs } from './routes/system/docs';
import { registerWebPages } from './web/site';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Hono's body limit asks for the request's body stream first, which on Node
 * builds a whole web Request for every request. A declared length is checked
 * as it stands (the HTTP parser holds the body to it); a GET or HEAD that
 * declares no body has none to read; anything else (a chunked body, a body of
 * unknown length) is counted as it is read.
 */
function limitBody(limit: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const length = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked && length !== undefined && Number(length) <= MAX_BODY_BYTES) return next();
    if (!chunked && length === undefined && (c.req.method === 'GET' || c.req.method === 'HEAD'))
      return next();
    return limit(c, next);
  };
}

/**
 * Builds the whole API. Both entries (Node: src/server.ts, Workers:
 * src/worker.ts) call this with their own clients; tests call it with theirs.
 */
export function createApp(deps: AppDeps) {
  if (deps.signingKey) configureSigningKey(deps.signingKey);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    '*',
    requestId({ headerName: 'x-request-id', limitLength: 128, generator: () => newId('request') }),
    requestLog(deps),
    secureHeaders({
      overwrite: false,
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      referrerPolicy: 'no-referrer',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
    limitBody(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => {
          // before requestContext: the language comes from the header itself
          const lang = negotiateLang(c.req.header('accept-language'));
          return problemResponse(
            c,
            problemBody(
              'PAYLOAD_TOO_LARGE',
              t(lang, 'request.too_large', { limit: '1 MB' }),
              lang,
              c.get('requestId'),
            ),
          );
        },
      }),
    ),
    ...(deps.bodyTimeoutMs ? [bodyFirst(deps.bodyTimeoutMs)] : []),
    ...(deps.admission ? [admission(deps.admission)] : []),
    requestContext(deps),
    authenticate(deps),
    inputGuard(),
    openDataCache({
      totalBytes: 32 * 1024 * 1024,
      maxBytes: 512 * 1024,
      versionTtlMs: deps.openDataVersionTtlMs ?? 250,
    }),
  );

  // Open data may be read from any origin, without credentials; nothing else is cross-origin.
  const openData = cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    credentials: false,
    maxAge: 86400,
  });
  for (const path of [
    '/v1/catalog/potentials',
    '/v1/catalog/potentials/*',
    '/v1/catalog/partners',
    '/v1/catalog/regions/*',
    '/v1/catalog/export.*',
    '/v1/regions',
    '/v1/regions/*',
    '/v1/vocabularies',
    '/v1/vocabularies/*',
  ]) {
    app.on(['GET', 'HEAD', 'OPTIONS'], path, openData);
  }

  // The whole API: src/routes/index.ts lists every operation.
  registerRoutes(app);
  registerDocs(app, deps);
  registerWebPages(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A session token from /v1/auth/sign-in (`ses_….…`) or an API key (`key_….…`).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-sinergi_session',
    description:
      'Browsers: set by sign-in (HttpOnly, Secure, SameSite=Lax). Writes must come from the API’s own origin (CSRF check).',
  });

  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Sinergi API',
      version: '0.1.0',
      description:
        'Sinergi helps Indonesia’s 552 regional governments find, agree and carry out cooperation (Kerja Sama Daerah) ' +
        'with each other and with third parties. Errors are `application/problem+json`; messages follow `Accept-Language` ' +
        '(Indonesian by default, English with `Accept-Language: en`).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: new URL(c.req.url).origin, description: 'This server' }],
    tags: [
      { name: 'System', description: 'Health and documentation.' },
      {
        name: 'Regions',
        description:
          'The 38 provinces and 514 kabupaten/kota (Kemendagri codes); each is a tenant.',
      },
      {
        name: 'Vocabularies',
        description: 'Fixed vocabularies of the domain, in Indonesian and English.',
      },
      {
        name: 'Accounts',
        description: 'Sign-up, email confirmation, sign-in, sessions, password reset.',
      },
      {
        name: 'Tenants',
        description:
          'Regions (claimed through an invitation) and partner organisations (registered by themselves, verified by the platform).',
      },
      { name: 'Members', description: 'Who belongs to a tenant, with which role.' },
      { name: 'Invitations', description: 'Single-use, expiring email invitations into a tenant.' },
      {
        name: 'Agencies',
        description: 'A region’s agencies (OPD) and their liaison officers (PPKSD).',
      },
      { name: 'API keys', description: 'Keys for machine clients, owned by a tenant.' },
      { name: 'Audit', description: 'Every write, traceable.' },
      {
        name: 'Potentials',
        description:
          'A region’s cooperation potentials: the mapping form and its review lifecycle.',
      },
      {
        name: 'Mapping rounds',
        description: 'Pemetaan Potensi Kerja Sama Daerah rounds and their submissions per agency.',
      },
      { name: 'Profiles', description: 'What partners and regions say about themselves.' },
      {
        name: 'Catalogue',
        description: 'Public: published potentials, verified partners, open data export.',
      },
      {
        name: 'Interests',
        description: 'Expressions of interest in published potentials, and the owner’s decisions.',
      },
      {
        name: 'Matching',
        description: 'Explainable scores between potentials, regions and partners.',
      },
      {
        name: 'Facilitation',
        description: 'Provinces propose matches among their kabupaten/kota and with partners.',
      },
      {
        name: 'Agreements',
        description:
          'From Kesepakatan Bersama through Perjanjian Kerja Sama to implementation and evaluation.',
      },
      {
        name: 'Forums',
        description:
          'Forum Kerja Sama Daerah: periodic forums, sessions, delegations, minutes, follow-ups and calendars.',
      },
      {
        name: 'Forum meetings',
        description:
          'Bilateral meetings at a forum session: requests, suggestions, availability, the scheduler, agendas and outcomes.',
      },
      { name: 'Reports', description: 'Facilitators’ view of mapping in their regions.' },
      { name: 'Platform admin', description: 'Operations of the platform administrators.' },
    ],
  }));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
