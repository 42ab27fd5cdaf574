import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scalarScriptFromNodeModules } from '../../src/node/assets';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ scalarScript: scalarScriptFromNodeModules() });
});
afterAll(async () => {
  await h.close();
});

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId?: string; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown> };
};

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 generated from the routes, with the problem schema and security on every operation', async () => {
    const { status, body } = await h.json<OpenApi>('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of [
      '/health',
      '/v1/regions',
      '/v1/regions/lookup',
      '/v1/regions/{code}',
      '/v1/vocabularies',
      '/v1/vocabularies/{name}',
      '/v1/auth/sign-in',
      '/v1/tenants/{tenantId}/members',
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(body.components.schemas.Problem).toBeDefined();
    for (const [path, ops] of Object.entries(body.paths)) {
      for (const op of Object.values(ops) as { operationId?: string; security?: unknown[] }[]) {
        expect(op.operationId).toBeTruthy();
        expect(Array.isArray(op.security)).toBe(true);
        if (
          path.startsWith('/v1/tenants/') ||
          path.startsWith('/v1/admin/') ||
          path.startsWith('/v1/me')
        )
          expect(op.security!.length).toBeGreaterThan(0);
      }
    }
  });

  it('passes `redocly lint` (recommended + a description on every operation and parameter): no error, no warning but the localhost server', async () => {
    const { body } = await h.json<OpenApi>('/openapi.json');
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(body));
    let output = '';
    try {
      output = execFileSync(
        join(process.cwd(), 'node_modules/.bin/redocly'),
        ['lint', file, '--format=stylish', `--config=${join(process.cwd(), 'redocly.yaml')}`],
        {
          encoding: 'utf8',
          stdio: 'pipe',
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      );
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`redocly lint failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    }
    expect(output + '').not.toMatch(/\berror\b/i);
    const warnings = (output.match(/\bwarning\b.*$/gm) ?? []).filter(
      (w) => !w.includes('no-server-example.com'),
    );
    expect(warnings).toEqual([]);
  }, 60_000);
});

describe('GET /docs', () => {
  it('renders the Scalar reference from this server’s own script, so it works offline', async () => {
    const res = await h.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/scalar.js');
    expect(html).toContain('/openapi.json');
    expect(html).not.toMatch(/cdn\.jsdelivr|unpkg\.com/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await h.request('/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });
});
