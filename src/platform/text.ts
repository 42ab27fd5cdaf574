/**
 * What text may contain. PostgreSQL refuses NUL (U+0000) in text, and lone
 * UTF-16 surrogates cannot be encoded as UTF-8; C0 control characters in a
 * single-line value end up in email headers and logs. So: no NUL, no lone
 * surrogate, anywhere; single-line values take no C0 control at all; multi-line
 * values take only `\n` and `\t`.
 */

// eslint-disable-next-line no-control-regex -- control characters are the point of these patterns
const C0_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const ANY_C0 = /[\u0000-\u001f\u007f]/;

export type TextProblem = 'nul' | 'surrogate' | 'control';

/** The problem with a multi-line value (any string the API receives), or null. */
export function multiLineProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul';
  if (!value.isWellFormed()) return 'surrogate';
  if (C0_EXCEPT_NEWLINE_TAB.test(value)) return 'control';
  return null;
}

/** The problem with a single-line value (names, titles, codes), or null. */
export function singleLineProblem(value: string): TextProblem | null {
  return multiLineProblem(value) ?? (ANY_C0.test(value) ? 'control' : null);
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, { id: string; en: string }> = {
  nul: { id: 'tidak boleh memuat karakter NUL', en: 'must not contain a NUL character' },
  surrogate: {
    id: 'memuat karakter Unicode yang tidak utuh',
    en: 'contains an incomplete Unicode character',
  },
  control: {
    id: 'tidak boleh memuat karakter kontrol',
    en: 'must not contain control characters',
  },
};

/**
 * The first string in a parsed JSON value (keys included) that breaks the
 * multi-line rule, with its path, or null.
 */
export function findBadString(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { path: string[]; problem: TextProblem } | null {
  if (depth > 64) return null;
  if (typeof value === 'string') {
    const problem = multiLineProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadString(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = multiLineProblem(k);
      if (keyProblem)
        return { path: [...path, k.replace(/[^\x20-\x7e]/g, '?')], problem: keyProblem };
      const found = findBadString(v, [...path, k], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** In production only `https:` links are stored; `http:` is accepted for local development. */
export function linkProblem(value: string, production: boolean): { id: string; en: string } | null {
  const scheme = value.slice(0, value.indexOf(':')).toLowerCase();
  if (scheme === 'https' || (scheme === 'http' && !production)) return null;
  return { id: 'harus tautan yang diawali https://', en: 'must be a link starting with https://' };
}

/** Text made safe inside HTML (element content and quoted attributes): the emails and the small pages. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The locale each language writes numbers and dates in. */
const localeOf = (lang: 'id' | 'en') => (lang === 'en' ? 'en-GB' : 'id-ID');

/** A formatter made once for its key: making an `Intl` formatter costs far more than using it (a page formats dozens). */
function made<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
}

/** One number format per language and options. */
export const numberFormat = (lang: 'id' | 'en', options: Intl.NumberFormatOptions = {}) =>
  made(
    `n ${lang} ${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(localeOf(lang), options),
  );

/** One date format per language and options. */
export const dateFormat = (lang: 'id' | 'en', options: Intl.DateTimeFormatOptions) =>
  made(
    `d ${lang} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(localeOf(lang), options),
  );

/** A number as each language writes it: `74,9` and `1.200` in Indonesian, `74.9` and `1,200` in English. */
export const spokenNumber = (n: number, lang: 'id' | 'en') =>
  numberFormat(lang, { maximumFractionDigits: 1 }).format(n);
