import { z } from '@hono/zod-openapi';
import type { Lang, Message } from './i18n';
import { t } from './i18n';
import { linkProblem } from './text';

/**
 * The one error module. A typed code, one code→status table from which both the
 * responses and the OpenAPI error components are generated, and one problem
 * body shape (RFC 9457 `application/problem+json`).
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

const TITLES: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: { id: 'Data tidak sesuai', en: 'Validation failed' },
  BAD_REQUEST: { id: 'Permintaan tidak valid', en: 'Bad request' },
  UNAUTHORIZED: { id: 'Perlu masuk', en: 'Authentication required' },
  FORBIDDEN: { id: 'Tidak diizinkan', en: 'Forbidden' },
  NOT_FOUND: { id: 'Tidak ditemukan', en: 'Not found' },
  REQUEST_TIMEOUT: { id: 'Permintaan tidak lengkap tepat waktu', en: 'Request timeout' },
  CONFLICT: { id: 'Tidak sesuai dengan keadaan data saat ini', en: 'Conflict' },
  GONE: { id: 'Sudah tidak berlaku', en: 'Gone' },
  PAYLOAD_TOO_LARGE: { id: 'Permintaan terlalu besar', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { id: 'Jenis konten tidak didukung', en: 'Unsupported media type' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  INTERNAL: { id: 'Kesalahan server', en: 'Internal server error' },
  SERVICE_UNAVAILABLE: { id: 'Layanan tidak tersedia', en: 'Service unavailable' },
};

export const problemType = (code: ErrorCode) => `urn:sinergi:problem:${code.toLowerCase()}`;

export type FieldError = { location: string; message: string };
/** A field error as domain code raises it: the message in one language, or in both. */
export type RaisedFieldError = { location: string; message: string | Record<Lang, string> };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: Message,
    readonly options: {
      errors?: RaisedFieldError[];
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(`${code}: ${detail.key}`, { cause: options.cause });
    this.name = 'ApiError';
  }
  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (detail: Message) => new ApiError('NOT_FOUND', detail);
/** Field-level problems are VALIDATION_FAILED; a request wrong as a whole is BAD_REQUEST. */
export const badRequest = (detail: Message, errors?: RaisedFieldError[]) =>
  new ApiError(errors?.length ? 'VALIDATION_FAILED' : 'BAD_REQUEST', detail, { errors });
export const conflict = (detail: Message) => new ApiError('CONFLICT', detail);

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:sinergi:problem:not_found' }),
    title: z.string().openapi({ example: 'Tidak ditemukan' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: 'Wilayah dengan kode 99.99 tidak ditemukan.' }),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    requestId: z.string().openapi({ example: 'req_01jd2x6v0m8kq3b7e5y4w9c1ta' }),
    errors: z
      .array(
        z.object({
          location: z.string().openapi({
            description: 'Where the problem is: `query.limit`, `body.email`, `path.code`.',
            example: 'query.limit',
          }),
          message: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'Present on validation failures: one entry per offending field.' }),
  })
  .openapi('Problem', {
    description:
      'An RFC 9457 problem. `title` and `detail` follow `Accept-Language` (Indonesian by default).',
  });

export type Problem = z.infer<typeof ProblemSchema>;

export function problemBody(
  code: ErrorCode,
  detail: string,
  lang: Lang,
  requestId: string,
  errors?: FieldError[],
): Problem {
  return {
    type: problemType(code),
    title: TITLES[code][lang],
    status: ERROR_STATUS[code],
    detail,
    code,
    requestId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function renderApiError(err: ApiError, lang: Lang, requestId: string): Problem {
  return problemBody(
    err.code,
    t(lang, err.detail.key, err.detail.params),
    lang,
    requestId,
    err.options.errors?.map((e) => ({
      location: e.location,
      message: typeof e.message === 'string' ? e.message : e.message[lang],
    })),
  );
}

type ProblemResponse = {
  description: string;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
};

/**
 * OpenAPI response objects for the given statuses, all pointing at the Problem
 * schema, plus a `4XX` range: any other client error is a problem document too.
 */
export function problemResponses<const S extends readonly ErrorStatus[]>(...statuses: S) {
  const out: Record<string, ProblemResponse> = {};
  for (const s of statuses) {
    const codes = (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => ERROR_STATUS[c] === s);
    out[s] = {
      description: codes.map((c) => `${c}: ${TITLES[c].en}`).join('; '),
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  out['4XX'] = {
    description: 'Any other client error (e.g. 413, 429).',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
  out['5XX'] = {
    description:
      'SERVICE_UNAVAILABLE (503, with `Retry-After`): the database is unreachable or the server is at capacity; retry later. INTERNAL (500): an unexpected failure, logged with the request id.',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
  return out as { [K in S[number]]: ProblemResponse } & {
    '4XX': ProblemResponse;
    '5XX': ProblemResponse;
  };
}

// ---- validation issues → field errors, in the request's language ----

type Issue = z.core.$ZodIssue;

/** The schemas' pattern messages (written in English in the route files), in Indonesian. */
const PATTERN_MESSAGES: Record<string, string> = {
  'must be a time HH:mm': 'harus jam HH:mm',
  'must be an ISO 3166-1 alpha-2 code': 'harus kode negara ISO 3166-1 dua huruf',
  'must be a two-digit province code such as 31': 'harus kode provinsi dua angka, misalnya 31',
  'must be a two-digit province code': 'harus kode provinsi dua angka',
  'must be a Kemendagri region code such as 32 or 32.73':
    'harus kode wilayah Kemendagri, misalnya 32 atau 32.73',
  'must be a district code such as 52.01.01': 'harus kode kecamatan, misalnya 52.01.01',
  'must be a date YYYY-MM-DD': 'harus tanggal YYYY-MM-DD',
  'must be a local date and time YYYY-MM-DDTHH:mm':
    'harus tanggal dan jam setempat YYYY-MM-DDTHH:mm',
};

function describeIssue(issue: Issue, lang: Lang): string {
  const en = lang === 'en';
  switch (issue.code) {
    case 'invalid_type':
      // Inputs are not kept on finished issues; zod's own message still says what arrived.
      return /received undefined$/.test(issue.message)
        ? en
          ? 'is required'
          : 'wajib diisi'
        : en
          ? `must be of type ${issue.expected}`
          : `harus bertipe ${issue.expected}`;
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string')
        return en ? `must be at least ${n} characters` : `minimal ${n} karakter`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return en ? `must have at least ${n} items` : `minimal ${n} butir`;
      return en
        ? `must be ${issue.inclusive ? 'at least' : 'greater than'} ${n}`
        : `harus ${issue.inclusive ? 'paling sedikit' : 'lebih dari'} ${n}`;
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string')
        return en ? `must be at most ${n} characters` : `maksimal ${n} karakter`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return en ? `must have at most ${n} items` : `maksimal ${n} butir`;
      return en
        ? `must be ${issue.inclusive ? 'at most' : 'less than'} ${n}`
        : `harus ${issue.inclusive ? 'paling banyak' : 'kurang dari'} ${n}`;
    }
    case 'invalid_format':
      if (issue.format === 'email')
        return en ? 'must be a valid email address' : 'harus alamat email yang valid';
      if (issue.format === 'regex' && /^must be an id starting with \w+_$/.test(issue.message))
        return en
          ? issue.message
          : `harus berupa id yang diawali ${issue.message.split(' ').pop()}`;
      if (issue.format === 'regex')
        return issue.message && !issue.message.startsWith('Invalid')
          ? en
            ? issue.message
            : (PATTERN_MESSAGES[issue.message] ?? 'formatnya tidak sesuai')
          : en
            ? 'has an invalid format'
            : 'formatnya tidak sesuai';
      return en ? `must be a valid ${issue.format}` : `harus ${issue.format} yang valid`;
    case 'invalid_value':
      return en
        ? `must be one of: ${issue.values.map(String).join(', ')}`
        : `harus salah satu dari: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return en
        ? `unknown field(s): ${issue.keys.join(', ')}`
        : `kolom tidak dikenal: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return en
        ? 'does not match any allowed shape (check `action` or the type)'
        : 'tidak sesuai dengan bentuk yang diizinkan (periksa `action` atau jenisnya)';
    case 'not_multiple_of':
      return en
        ? `must be a multiple of ${String(issue.divisor)}`
        : `harus kelipatan ${String(issue.divisor)}`;
    default: {
      // Custom refinements carry `params: { id, en }` when they speak to users.
      const params = (issue as { params?: { id?: string; en?: string } }).params;
      return (en ? params?.en : params?.id) ?? issue.message;
    }
  }
}

export function fieldErrors(issues: readonly Issue[], target: string, lang: Lang): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path.push(issue.keys[0]!);
    return { location: [target, ...path].join('.'), message: describeIssue(issue, lang) };
  });
}

/** PostgreSQL's unique_violation (23505), as drizzle surfaces it from any driver. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export type DbFailure = 'unavailable' | 'bad_value' | 'still_referenced';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown (pg_terminate_backend, a fast stop)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
]);
const CONNECTION_MESSAGES =
  /connection terminated|connection (?:was )?closed|not queryable|timeout exceeded when trying to connect|socket hang up|websocket|terminating connection|PGlite is closed|the database system is (?:starting up|shutting down)|server closed the connection|Connection ended/i;
const BAD_VALUE_CODES = new Set([
  '22P02', // invalid_text_representation
  '22P05', // untranslatable_character (NUL)
  '22021', // character_not_in_repertoire
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22001', // string_data_right_truncation
  '2201B', // invalid_regular_expression
  '54000', // program_limit_exceeded (e.g. a tsvector or index row too large)
]);

/**
 * What a database error means for the caller, looking through drizzle's
 * wrapping (`cause`): the database is unreachable (503), a value it cannot take
 * (400), a row still referenced by another (409), or nothing we know (500).
 */
export function classifyDbError(err: unknown): DbFailure | null {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || code.startsWith('08')) return 'unavailable';
    if (BAD_VALUE_CODES.has(code)) return 'bad_value';
    if (code === '23503') return 'still_referenced';
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return 'unavailable';
    if (typeof e !== 'object') break;
  }
  return null;
}

/** Refuses a link that is not `https:` (or `http:` outside production), naming the field. */
export function checkLink(
  config: { APP_ENV: string },
  value: string | undefined | null,
  location: string,
): void {
  if (!value) return;
  const problem = linkProblem(value, config.APP_ENV === 'production');
  if (problem) throw badRequest({ key: 'request.invalid' }, [{ location, message: problem }]);
}
