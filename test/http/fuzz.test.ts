import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, newUser, platformAdmin, post, regionTenantId } from '../support/actors';
import { createHarness, type Harness } from '../support/harness';
import { potentialBody } from '../support/potentials';

/**
 * Malformed requests generated from the served OpenAPI document, for every
 * operation, anonymous and signed in (region admin, partner admin, platform
 * admin, API key). Whatever arrives, the answer is never a 5xx, and every 4xx
 * is `application/problem+json`. Deterministic: one seed, the same requests.
 */
type Operation = {
  method: string;
  path: string;
  parameters: { name: string; in: string; schema?: { type?: string } }[];
  hasBody: boolean;
  bodyProps: string[];
};

const REQUESTS_PER_OPERATION = 36;

/** English words that must not appear as prose in an Indonesian answer (codes and field names aside). */
const ENGLISH_PROSE =
  /\b(required|unknown|invalid|tenant|must|should|expected|received|not found|already|cannot|only|allowed|forbidden|conflict)\b/i;
const english = new Set<string>();

let h: Harness;
let operations: Operation[] = [];
const identities: { label: string; token?: string }[] = [{ label: 'anonymous' }];
const realIds: Record<string, string[]> = {};

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261127);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Nasty values: the ones fuzzing found and their relatives. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\udfff',
  '\ud800x',
  '\r\nBcc: x@y.z',
  '\u0007\u001b[2J',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '%00',
  '../../etc/passwd',
  'javascript:alert(1)',
  'data:text/html,x',
  '😀'.repeat(50),
  'Infinity',
  '-1',
  'NaN',
  '1e309',
  'ten_',
  'ten_01jd2x6v0m8kq3b7e5y4w9c1ta',
  'pot_00000000000000000000000000',
  '2026-02-30',
  '9999-99-99',
  'null',
];
const NASTY_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  -(2 ** 63),
  1e308,
  [],
  [null],
  {},
  { $ne: null },
  { __proto__: { admin: true } },
  [[[[[[[[['deep']]]]]]]]],
  ...NASTY_STRINGS,
];
const NASTY_QUERY = [
  '',
  '%00',
  'a%00b',
  '%ED%BF%BF',
  '%FF%FE',
  '-1',
  '0',
  '99999999999999999999',
  'Infinity',
  'NaN',
  '1e309',
  'true',
  '%27%20or%201%3D1',
  'x'.repeat(3000),
  '%0D%0AX-Injected:%201',
  'ten_01jd2x6v0m8kq3b7e5y4w9c1ta',
  'AAAA.BBBB',
  'eyJhIjpbIkluZmluaXR5Il19.AAAA',
];

function pathValue(name: string): string {
  const real = realIds[name];
  const roll = rand();
  if (real && roll < 0.45) return encodeURIComponent(pick(real));
  if (roll < 0.6) return encodeURIComponent('ten_01jd2x6v0m8kq3b7e5y4w9c1ta');
  return pick(NASTY_QUERY);
}

function nastyBody(op: Operation): { body: string; type: string } {
  const roll = rand();
  if (roll < 0.08) return { body: '{"unterminated": ', type: 'application/json' };
  if (roll < 0.12) return { body: '', type: 'application/json' };
  if (roll < 0.16) return { body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' };
  if (roll < 0.2) return { body: JSON.stringify(pick(NASTY_VALUES)), type: 'application/json' };
  if (roll < 0.24) return { body: '{"a":1}', type: 'text/plain' };
  // an object with the operation's own fields, each set to something wrong
  const obj: Record<string, unknown> = {};
  for (const prop of op.bodyProps) if (rand() < 0.7) obj[prop] = pick(NASTY_VALUES);
  if (rand() < 0.3)
    obj[pick(['extra', 'isPlatformAdmin', 'tenantId', 'status', '\u0000'])] = pick(NASTY_VALUES);
  if (op.path.endsWith('/potentials') && rand() < 0.3)
    Object.assign(obj, potentialBody(), { [pick(op.bodyProps)]: pick(NASTY_VALUES) });
  return { body: JSON.stringify(obj), type: 'application/json' };
}

beforeAll(async () => {
  h = await createHarness();
  const platform = await platformAdmin(h);
  const palu = await regionTenantId(h, '72.71');
  const admin = await addMember(h, platform.token, palu, 'admin');
  const partnerFounder = await newUser(h, 'fuzz-mitra');
  const partner = (await (
    await post(h, '/v1/partners', { name: 'PT Fuzz', kind: 'company' }, partnerFounder.token)
  ).json()) as { id: string };
  const key = (await (
    await post(
      h,
      `/v1/tenants/${palu}/api-keys`,
      { name: 'Fuzz', scopes: ['read', 'write'] },
      admin.token,
    )
  ).json()) as { token: string };
  const potential = (await (
    await post(h, `/v1/tenants/${palu}/potentials`, potentialBody(), admin.token)
  ).json()) as { id: string };
  identities.push(
    { label: 'region admin', token: admin.token },
    { label: 'partner admin', token: partnerFounder.token },
    { label: 'platform admin', token: platform.token },
    { label: 'api key', token: key.token },
  );
  realIds.tenantId = [palu, partner.id];
  realIds.potentialId = [potential.id];
  realIds.code = ['72.71', '51', '99.99'];

  const doc = (await (await h.request('/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Operation['parameters'];
          requestBody?: {
            content: Record<
              string,
              { schema: { properties?: Record<string, unknown>; $ref?: string } }
            >;
          };
        }
      >
    >;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content['application/json']?.schema;
      const resolved = schema?.$ref
        ? doc.components.schemas[schema.$ref.split('/').pop()!]
        : schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        hasBody: !!op.requestBody,
        bodyProps: Object.keys(resolved?.properties ?? {}),
      });
    }
  }
  // sign-out is left out, so the sessions the run signs in with stay valid throughout
  operations = operations.filter((o) => !o.path.includes('sign-out'));
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('fuzzing every operation of the served OpenAPI document', () => {
  it('never answers 5xx, and every 4xx is application/problem+json', async () => {
    expect(operations.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (let i = 0; i < REQUESTS_PER_OPERATION; i++) {
        const who = identities[i % identities.length]!;
        let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValue(name));
        const query = op.parameters
          .filter((p) => p.in === 'query')
          .filter(() => rand() < 0.6)
          .map((p) => `${p.name}=${rand() < 0.7 ? pick(NASTY_QUERY) : '1'}`);
        if (rand() < 0.15) query.push(`${pick(['%00', 'x%00', 'limit[]', '__proto__'])}=1`);
        if (query.length) url += `?${query.join('&')}`;
        const headers: Record<string, string> = {};
        if (who.token) headers.authorization = `Bearer ${who.token}`;
        if (rand() < 0.05) headers['accept-language'] = pick(['en', 'xx', '*;q=abc', '']);
        const init: RequestInit = { method: op.method, headers };
        if (op.hasBody || (op.method !== 'GET' && rand() < 0.1)) {
          const { body, type } = nastyBody(op);
          headers['content-type'] = type;
          init.body = body;
        }
        let res: Response;
        try {
          res = await h.request(url, init);
        } catch (err) {
          failures.push(`${op.method} ${url} (${who.label}): threw ${String(err)}`);
          continue;
        }
        sent++;
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 500)
          failures.push(
            `${op.method} ${url} (${who.label}): ${res.status} ${(await res.text()).slice(0, 200)}`,
          );
        else if (res.status >= 400 && !type.includes('application/problem+json'))
          failures.push(`${op.method} ${url} (${who.label}): ${res.status} as ${type}`);
        else if (res.status >= 400 && !headers['accept-language']) {
          // an Indonesian answer speaks Indonesian: no English used as prose
          const problem = (await res.json()) as {
            title: string;
            detail: string;
            errors?: { message: string }[];
          };
          // a list of allowed codes is not prose
          for (const text of [
            problem.title,
            problem.detail,
            ...(problem.errors ?? []).map((e) => e.message),
          ])
            if (ENGLISH_PROSE.test(text.replace(/salah satu dari: .*$/, ''))) english.add(text);
        } else await res.arrayBuffer();
      }
    }
    console.log(`fuzz: ${sent} malformed requests over ${operations.length} operations`);
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...english].sort()).toEqual([]);
  }, 600_000);
});
