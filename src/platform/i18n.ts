/**
 * Indonesian first, English available. Every user-facing sentence lives in the
 * catalogue below, keyed, with both languages side by side so neither drifts.
 * The language of a request comes from `Accept-Language` (default: `id`).
 */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);

export const messages = {
  'region.not_found': {
    id: (p) => `Wilayah dengan kode ${p.code} tidak ditemukan.`,
    en: (p) => `No region has the code ${p.code}.`,
  },
  'region.unknown_province': {
    id: (p) => `Provinsi dengan kode ${p.code} tidak ada.`,
    en: (p) => `There is no province with the code ${p.code}.`,
  },
  'vocabulary.not_found': {
    id: (p) => `Kosakata ${p.name} tidak ada.`,
    en: (p) => `There is no vocabulary named ${p.name}.`,
  },
  'route.not_found': {
    id: (p) => `Tidak ada sumber daya di ${p.method} ${p.path}.`,
    en: (p) => `Nothing is served at ${p.method} ${p.path}.`,
  },
  'request.invalid': {
    id: 'Permintaan tidak valid; lihat daftar kesalahan per kolom.',
    en: 'The request is invalid; see the list of errors by field.',
  },
  'request.malformed_json': {
    id: 'Badan permintaan bukan JSON yang valid.',
    en: 'The request body is not valid JSON.',
  },
  'request.too_large': {
    id: (p) => `Badan permintaan melebihi batas ${p.limit}.`,
    en: (p) => `The request body exceeds the ${p.limit} limit.`,
  },
  'request.unsupported_media_type': {
    id: 'Jenis konten tidak didukung; kirim application/json.',
    en: 'Unsupported content type; send application/json.',
  },
  'pagination.bad_cursor': {
    id: 'Kursor tidak valid atau berasal dari kueri lain.',
    en: 'The cursor is invalid or belongs to another query.',
  },
  'server.internal': {
    id: (p) => `Terjadi kesalahan pada server. Sebutkan kode permintaan ${p.requestId} saat melapor.`,
    en: (p) => `Something went wrong on our side. Quote request id ${p.requestId} when reporting it.`,
  },
  'server.database_unavailable': {
    id: 'Basis data tidak dapat dihubungi.',
    en: 'The database cannot be reached.',
  },
} satisfies Record<string, Record<Lang, Text>>;

export type MessageKey = keyof typeof messages;
export type Message = { key: MessageKey; params?: Params };

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text: Text = messages[key][lang];
  return typeof text === 'function' ? text(params) : text;
}

/** Picks `en` only when the client prefers English over Indonesian. */
export function negotiateLang(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return 'id';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
    const qParam = rest.find((r) => r.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.split('-')[0];
    const lang: Lang | null = primary === 'en' ? 'en' : primary === 'id' || primary === 'in' ? 'id' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'id';
}
