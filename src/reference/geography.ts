/**
 * Facts derivable from a Kemendagri region code alone (pure, no I/O): the time
 * zone a region's local time follows (its province's), and the island group.
 */
export type TimeZone = 'WIB' | 'WITA' | 'WIT';
export type IslandGroup =
  | 'sumatera'
  | 'jawa'
  | 'bali_nusa_tenggara'
  | 'kalimantan'
  | 'sulawesi'
  | 'maluku'
  | 'papua';

export const provinceOf = (code: string): string => code.slice(0, 2);

/** Sumatra, Java, West and Central Kalimantan: WIB; Bali, Nusa Tenggara, the rest of Kalimantan, Sulawesi: WITA; Maluku and Papua: WIT. */
export function timeZoneOf(code: string): TimeZone {
  const p = Number(provinceOf(code));
  if (p >= 81) return 'WIT';
  if (p >= 51 && p <= 53) return 'WITA';
  if (p === 61 || p === 62) return 'WIB';
  if (p >= 63) return 'WITA';
  return 'WIB';
}

export function islandGroupOf(code: string): IslandGroup {
  const first = provinceOf(code)[0];
  switch (first) {
    case '1':
    case '2':
      return 'sumatera';
    case '3':
      return 'jawa';
    case '5':
      return 'bali_nusa_tenggara';
    case '6':
      return 'kalimantan';
    case '7':
      return 'sulawesi';
    case '8':
      return 'maluku';
    case '9':
      return 'papua';
    default:
      throw new Error(`no island group for region code ${code}`);
  }
}

/** Lower-case, accent-free, single-spaced: the form both stored names and queries are compared in. */
export function searchForm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const KEEP_UPPER = new Set(['DKI', 'DI']);
const KEEP_LOWER = new Set(['DAN']);

/** "KABUPATEN PANGKAJENE DAN KEPULAUAN" → "Kabupaten Pangkajene dan Kepulauan"; "DKI JAKARTA" → "DKI Jakarta". */
export function displayName(official: string): string {
  return official
    .trim()
    .split(/\s+/)
    .map((word, i) => {
      if (KEEP_UPPER.has(word)) return word;
      if (i > 0 && KEEP_LOWER.has(word)) return word.toLowerCase();
      return word
        .toLowerCase()
        .split('-')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join('-');
    })
    .join(' ');
}
