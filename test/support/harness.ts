import type { PGlite } from '@electric-sql/pglite';
import type { Db } from '../../db/client';
import { openPglite } from '../../db/connect/pglite';
import { migrate } from '../../db/migrate';
import { seedReferenceData } from '../../db/seed/reference';
import { createApp } from '../../src/app';
import type { EmailMessage } from '../../src/email/client';
import type { AppDeps } from '../../src/platform/context';
import { type Origins, targetOfLink } from '../../src/platform/links';
import { createLogger } from '../../src/platform/logger';
import { conformingApp } from './conformance';

export const testConfig = {
  APP_ENV: 'test',
  LOG_LEVEL: 'info',
  APP_ORIGIN: 'http://localhost:8787',
} as const;

/**
 * The links of an email that are Sinergi's (every `href`, and every URL on one
 * of its origins in the text) and that the link table does not produce.
 */
export function linksNotFromTable(config: Origins, m: EmailMessage): string[] {
  const unescape = (u: string) => u.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  const hrefs = [...(m.html ?? '').matchAll(/href="([^"]*)"/g)].map((x) => unescape(x[1]!));
  const origins = [config.APP_ORIGIN, config.APP_WEB_ORIGIN].filter((o): o is string => !!o);
  const inText = [...(m.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)]
    .map((x) => x[0])
    .filter((u) => origins.some((o) => u.startsWith(o)));
  return [...new Set([...hrefs, ...inText])].filter((u) => targetOfLink(config, u) === null);
}

/**
 * A real app on a real (embedded) PostgreSQL: migrated and seeded with the
 * reference data, speaking HTTP through app.request. One per test file.
 */
export async function createHarness(overrides: Partial<AppDeps> = {}) {
  const handle = await openPglite();
  await migrate(handle);
  await seedReferenceData(handle.db);
  const logs: string[] = [];
  const sent: (EmailMessage & { id: string })[] = [];
  /** the batch calls made (each with its idempotency key and size), as Resend's batch endpoint would receive them */
  const batches: { key: string; size: number }[] = [];
  let offsetMs = 0;
  /** links in sent emails that the link table does not produce: any fails the file at close */
  const badLinks: string[] = [];
  const config = overrides.config ?? testConfig;
  const check = (m: EmailMessage) => {
    for (const url of linksNotFromTable(config, m)) badLinks.push(`${m.subject}: ${url}`);
  };
  const deps: AppDeps = {
    config: testConfig,
    logger: createLogger('info', (line) => logs.push(line)),
    openDb: () => ({ db: handle.db }),
    // A recording email client: what a real provider would have delivered.
    email: {
      name: 'recording',
      send: async (m) => {
        check(m);
        const id = `eml_test_${sent.length + 1}`;
        sent.push({ ...m, id });
        return { id };
      },
      sendBatch: async (messages, key) => {
        batches.push({ key, size: messages.length });
        const ids = messages.map((m) => {
          check(m);
          const id = `eml_test_${sent.length + 1}`;
          sent.push({ ...m, id });
          return id;
        });
        return { ids };
      },
    },
    // Tests choose their client address, as a proxy would report it.
    clientAddress: (c) => c.req.header('x-test-client') ?? '203.0.113.10',
    clock: () => new Date(Date.now() + offsetMs),
    // tests write open data straight into the database too: ask its version on every read
    openDataVersionTtlMs: 0,
    ...overrides,
  };
  // Every answer any test sees is checked against the served OpenAPI document.
  const app = await conformingApp(createApp(deps));
  return {
    app,
    db: handle.db as Db,
    client: handle.client as PGlite,
    logs,
    sent,
    batches,
    /** the recording email client, for jobs run in a test */
    emailClient: deps.email ?? null,
    /** moves the app's clock forward (expiry tests) */
    advance: (ms: number) => {
      offsetMs += ms;
    },
    request: (path: string, init?: RequestInit) => app.request(path, init),
    json: async <T = unknown>(path: string, init?: RequestInit) => {
      const res = await app.request(path, init);
      return { res, status: res.status, body: (await res.json()) as T };
    },
    close: async () => {
      await handle.close();
      if (badLinks.length)
        throw new Error(`emails with links not from the link table:\n${badLinks.join('\n')}`);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { location: string; message: string }[];
};
