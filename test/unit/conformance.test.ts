import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { ConformanceError, conformingApp } from '../support/conformance';

/**
 * The response-conformance check of the HTTP harness, on a small app whose
 * handlers disagree with their own document in the ways a real drift does.
 */
async function appAnswering(body: unknown, status = 200, contentType = 'application/json') {
  const Thing = z
    .object({
      id: z.string(),
      signedOn: z.string().openapi({ format: 'date' }),
      endsOn: z.string().nullable().openapi({ format: 'date' }),
    })
    .openapi('Thing');
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/things/{id}',
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'A thing', content: { 'application/json': { schema: Thing } } },
        404: { description: 'Not found' },
      },
    }),
    // The handler deliberately answers whatever the test hands it.
    (() =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': contentType },
      })) as never,
  );
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 't', version: '1' } });
  return conformingApp(app);
}

const good = { id: 'a', signedOn: '2026-01-02', endsOn: null };

describe('response conformance against the served document', () => {
  it('accepts an answer that matches its schema', async () => {
    const app = await appAnswering(good);
    expect((await app.request('/things/a')).status).toBe(200);
  });

  it('fails on a property the document does not declare', async () => {
    const app = await appAnswering({ ...good, secret: 'x' });
    await expect(app.request('/things/a')).rejects.toThrow(ConformanceError);
    await expect(app.request('/things/a')).rejects.toThrow(
      /must NOT have additional properties \(secret\)/,
    );
  });

  it('fails on null where the document declares a plain string', async () => {
    const app = await appAnswering({ ...good, signedOn: null });
    await expect(app.request('/things/a')).rejects.toThrow(/\/signedOn must be string/);
  });

  it('fails on a format the value does not have', async () => {
    const app = await appAnswering({ ...good, endsOn: '31/12/2026' });
    await expect(app.request('/things/a')).rejects.toThrow(/\/endsOn must match format "date"/);
  });

  it('fails on a status the operation does not declare', async () => {
    const app = await appAnswering(good, 201);
    await expect(app.request('/things/a')).rejects.toThrow(/status not declared/);
  });

  it('fails on a content type the operation does not declare', async () => {
    const app = await appAnswering(good, 200, 'text/plain');
    await expect(app.request('/things/a')).rejects.toThrow(
      /content type "text\/plain" not declared/,
    );
  });

  it('fails on a body where the document declares none', async () => {
    const app = await appAnswering({ x: 1 }, 404);
    await expect(app.request('/things/a')).rejects.toThrow(/a body where none is declared/);
  });
});
