import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedDocument } from '../../clients/typescript/generate';
import { resourceFolder } from '../../src/routes/resource-folder';

/**
 * A route file's name is its operation: `src/routes/<resource>/<operation-id>.ts`
 * exports `<operationId>Route` and `register<OperationId>`, and every operation
 * of the served document lives in exactly one such file.
 */
const ROUTES = join(process.cwd(), 'src/routes');
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const pascal = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

type RouteConfig = { operationId: string; path: string };
const isRoute = (v: unknown): v is RouteConfig =>
  typeof v === 'object' && v !== null && 'operationId' in v && 'path' in v && 'method' in v;

describe('route files', () => {
  it('are named as their operation, in the folder of their URL’s resource', async () => {
    const found = new Map<string, string>();
    const problems: string[] = [];
    for (const file of walk(ROUTES)) {
      const mod = (await import(file)) as Record<string, unknown>;
      const where = relative(ROUTES, file);
      for (const [name, value] of Object.entries(mod)) {
        if (!isRoute(value)) continue;
        const op = value.operationId;
        if (found.has(op)) problems.push(`${op} in ${where} and ${found.get(op)}`);
        found.set(op, where);
        if (basename(file) !== `${kebab(op)}.ts`)
          problems.push(`${where}: name it ${kebab(op)}.ts`);
        if (basename(dirname(file)) !== resourceFolder(value.path))
          problems.push(`${where}: ${value.path} belongs in ${resourceFolder(value.path)}/`);
        if (name !== `${op}Route`) problems.push(`${where}: export ${name} as ${op}Route`);
        if (typeof mod[`register${pascal(op)}`] !== 'function')
          problems.push(`${where}: export register${pascal(op)}`);
      }
    }
    expect(problems).toEqual([]);
    const doc = (await servedDocument()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((o) => o.operationId),
    );
    expect(operations.filter((op) => !found.has(op))).toEqual([]);
  }, 60_000);

  it('name each folder after a resource of the API', () => {
    expect(resourceFolder('/v1/tenants/{tenantId}/interests/{interestId}/decision')).toBe(
      'interests',
    );
    expect(resourceFolder('/v1/tenants/{tenantId}')).toBe('tenants');
    expect(resourceFolder('/v1/catalog/potentials/{potentialId}/interests')).toBe('catalog');
    expect(resourceFolder('/health')).toBe('system');
  });
});
