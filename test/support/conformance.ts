import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PAGE_PATTERNS } from '../../src/web/site';

/**
 * Response conformance: every answer the test suite sees is checked against the
 * served OpenAPI document — the status is declared, the content type is one the
 * operation declares, and a JSON body is valid against the declared schema.
 * Objects are closed: a property the document does not declare is an error
 * (zod strips unknown keys on the way in, so the document is the whole answer).
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };
type OpenApiDoc = {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, Json> }>>;
  components?: { schemas?: Record<string, Schema> };
  webhooks?: Record<
    string,
    { post?: { requestBody?: { content?: Record<string, { schema?: Json }> } } }
  >;
};

const BASE = 'https://sinergi.invalid/components';
const JSON_TYPES = new Set(['application/json', 'application/problem+json']);
/** Served outside the API document on purpose: the reference page and its script. */
// the API reference and the public web pages (src/web/site.tsx): pages, not operations
const UNDOCUMENTED = [/^\/docs$/, /^\/scalar\.js$/, /^\/openapi\.json$/, ...PAGE_PATTERNS];

export class ConformanceError extends Error {
  override name = 'ConformanceError';
}

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `#/components/schemas/X` → an absolute reference into the one registered component schema. */
function rewriteRefs(v: Json): Json {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (!isObj(v)) return v;
  const out: Schema = {};
  for (const [k, val] of Object.entries(v)) {
    out[k] =
      k === '$ref' && typeof val === 'string'
        ? val.replace('#/components/schemas/', `${BASE}#/$defs/`)
        : rewriteRefs(val);
  }
  return out;
}

/**
 * Closes objects for validation: an `allOf` of objects becomes one object (its
 * members' properties and requirements merged, references resolved), and every
 * object with declared properties and no `additionalProperties` of its own gets
 * `additionalProperties: false`.
 */
function closeSchema(v: Json, defs: Record<string, Schema>, seen = new Set<string>()): Json {
  if (Array.isArray(v)) return v.map((x) => closeSchema(x, defs, seen));
  if (!isObj(v)) return v;
  if (Array.isArray(v.allOf)) {
    const members = v.allOf.map((m) => resolve(m, defs));
    if (members.every((m) => isObj(m) && (m.type === 'object' || isObj(m.properties)))) {
      const { allOf: _allOf, ...rest } = v;
      const merged: Schema = { ...rest, type: 'object', properties: {}, required: [] };
      for (const m of members as Schema[]) {
        Object.assign(merged.properties as Schema, m.properties ?? {});
        (merged.required as Json[]).push(...((m.required as Json[]) ?? []));
        if (m.additionalProperties !== undefined)
          merged.additionalProperties = m.additionalProperties;
        if (Array.isArray(m.type)) merged.type = m.type;
      }
      return closeSchema(merged, defs, seen);
    }
  }
  const out: Schema = {};
  for (const [k, val] of Object.entries(v)) out[k] = closeSchema(val, defs, seen);
  const isObject =
    out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'));
  if (isObject && isObj(out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

function resolve(v: Json, defs: Record<string, Schema>): Json {
  if (isObj(v) && typeof v.$ref === 'string' && v.$ref.startsWith('#/components/schemas/')) {
    const target = defs[v.$ref.slice('#/components/schemas/'.length)];
    return target ? resolve(target, defs) : v;
  }
  return v;
}

type Operation = {
  method: string;
  template: string;
  pattern: RegExp;
  literals: number;
  segments: string[];
  responses: Record<string, Json>;
};

export function createConformance(doc: OpenApiDoc) {
  const defs = doc.components?.schemas ?? {};
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const closedDefs: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(defs)) {
    closedDefs[name] = rewriteRefs(closeSchema(schema, defs));
  }
  ajv.addSchema({ $id: BASE, $defs: closedDefs });

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const segments = template.split('/');
    const pattern = new RegExp(
      `^${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
    );
    const literals = segments.filter((s) => s && !s.startsWith('{')).length;
    for (const [method, op] of Object.entries(item)) {
      operations.push({
        method,
        template,
        pattern,
        literals,
        segments,
        responses: op.responses ?? {},
      });
    }
  }
  operations.sort((a, b) => b.literals - a.literals);

  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: Json) => {
    let v = validators.get(key);
    if (!v) {
      v = ajv.compile(rewriteRefs(closeSchema(schema, defs)) as Schema);
      validators.set(key, v);
    }
    return v;
  };

  const findOperation = (method: string, path: string) => {
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    return operations.find((o) => o.method === m && o.pattern.test(path));
  };

  const checkProblem = async (where: string, res: Response) => {
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (type !== 'application/problem+json') {
      throw new ConformanceError(`${where}: an error that is not application/problem+json`);
    }
    const validate = validatorFor('Problem', { $ref: '#/components/schemas/Problem' });
    const parsed: unknown = JSON.parse(await res.clone().text());
    if (!validate(parsed)) {
      throw new ConformanceError(
        `${where}: not a Problem:\n${describe(validate.errors ?? [], parsed)}`,
      );
    }
  };

  /** A created resource answers with its `Location`: declared, present, and a URL of this API. */
  const checkLocation = (where: string, declared: Schema, res: Response) => {
    const headers = isObj(declared.headers) ? declared.headers : {};
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'location'))
      throw new ConformanceError(`${where}: 201 without a Location header in the document`);
    const location = res.headers.get('location');
    if (!location) throw new ConformanceError(`${where}: 201 without a Location header`);
    const path = new URL(location, 'http://localhost').pathname;
    // the resource itself, or an item whose own operations live below it
    const parts = path.split('/');
    const known = operations.some(
      (o) =>
        parts.length <= o.segments.length &&
        parts.every((part, i) => o.segments[i] === part || o.segments[i]!.startsWith('{')),
    );
    if (!known) throw new ConformanceError(`${where}: Location ${location} is no URL of this API`);
  };

  /** Checks one answer; throws a ConformanceError naming what disagrees. */
  async function check(method: string, url: string, res: Response) {
    const path = new URL(url, 'http://localhost').pathname;
    if (method.toUpperCase() === 'OPTIONS') return;
    const op = findOperation(method, path);
    const where = `${method.toUpperCase()} ${path} → ${res.status}`;
    if (!op) {
      if (UNDOCUMENTED.some((p) => p.test(path))) return;
      // A path no operation serves (unknown, or refused before routing) answers a problem document.
      if (res.status >= 400) return checkProblem(where, res);
      throw new ConformanceError(`${where}: no operation of the document serves this path`);
    }
    const status = String(res.status);
    const declared =
      op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default ?? null;
    if (!isObj(declared)) {
      throw new ConformanceError(
        `${where}: status not declared for ${op.method.toUpperCase()} ${op.template} (declares ${Object.keys(op.responses).join(', ')})`,
      );
    }
    if (status === '201') checkLocation(where, declared, res);
    const content = isObj(declared.content) ? declared.content : null;
    const body = method.toUpperCase() === 'HEAD' ? '' : await res.clone().text();
    if (!content || Object.keys(content).length === 0) {
      if (body.length > 0) throw new ConformanceError(`${where}: a body where none is declared`);
      return;
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const media = content[type];
    if (!isObj(media)) {
      throw new ConformanceError(
        `${where}: content type "${type}" not declared (declares ${Object.keys(content).join(', ')})`,
      );
    }
    if (!JSON_TYPES.has(type) || body.length === 0 || !isObj(media.schema)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new ConformanceError(`${where}: body is not JSON`);
    }
    const validate = validatorFor(`${op.method} ${op.template} ${status} ${type}`, media.schema);
    if (!validate(parsed)) {
      throw new ConformanceError(
        `${where}: body does not match ${op.method.toUpperCase()} ${op.template}'s ${status} schema:\n${describe(validate.errors ?? [], parsed)}`,
      );
    }
  }
  /** A webhook body against the document's `webhooks` entry for its type: problems, or none. */
  function checkWebhook(type: string, body: unknown): string[] {
    const schema = doc.webhooks?.[type]?.post?.requestBody?.content?.['application/json']?.schema;
    if (!schema) return [`webhook ${type} is not in the document`];
    const validate = validatorFor(`webhook ${type}`, schema);
    return validate(body) ? [] : [describe(validate.errors ?? [], body)];
  }
  return { check, findOperation, checkWebhook };
}

function describe(errors: ErrorObject[], body: unknown) {
  return errors
    .slice(0, 8)
    .map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
          : '';
      const at = e.instancePath || '/';
      return `  ${at} ${e.message ?? e.keyword}${extra}; value: ${JSON.stringify(pointer(body, at))?.slice(0, 120)}`;
    })
    .join('\n');
}

function pointer(v: unknown, at: string): unknown {
  let cur = v;
  for (const part of at.split('/').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

type Requestable = {
  request: (input: string | Request | URL, init?: RequestInit) => Response | Promise<Response>;
};

/**
 * Wraps an app so that every answer to `request` is checked against the
 * document the app itself serves at /openapi.json (read once, before any
 * other request, so that an overloaded or failing app cannot hide it).
 */
export async function conformingApp<A extends Requestable>(app: A): Promise<A> {
  const served = await app.request('/openapi.json');
  if (served.status !== 200) throw new Error(`/openapi.json answered ${served.status}`);
  const conformance = createConformance((await served.json()) as OpenApiDoc);
  const request = async (input: string | Request | URL, init?: RequestInit) => {
    const res = await app.request(input, init);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    await conformance.check(method, url, res);
    return res;
  };
  return new Proxy(app, {
    get(target, prop, receiver) {
      if (prop === 'request') return request;
      return Reflect.get(target, prop, receiver);
    },
  });
}
