import { describe, expect, it } from 'vitest';
import { negotiateLang } from '../../src/platform/i18n';
import { displayName, islandGroupOf, searchForm, timeZoneOf } from '../../src/reference/geography';

describe('region names', () => {
  it.each([
    ['KOTA BANDUNG', 'Kota Bandung'],
    ['DKI JAKARTA', 'DKI Jakarta'],
    ['KABUPATEN PANGKAJENE DAN KEPULAUAN', 'Kabupaten Pangkajene dan Kepulauan'],
    ['KOTA ADMINISTRASI JAKARTA PUSAT', 'Kota Administrasi Jakarta Pusat'],
  ])('%s → %s', (official, expected) => expect(displayName(official)).toBe(expected));

  it('compares in a lower-case, accent-free form', () => {
    expect(searchForm('  Bándung   BARAT ')).toBe('bandung barat');
  });
});

describe('time zones and island groups', () => {
  it.each([
    ['11.71', 'WIB', 'sumatera'],
    ['21.71', 'WIB', 'sumatera'],
    ['36.71', 'WIB', 'jawa'],
    ['51.71', 'WITA', 'bali_nusa_tenggara'],
    ['62.71', 'WIB', 'kalimantan'],
    ['63.71', 'WITA', 'kalimantan'],
    ['76.01', 'WITA', 'sulawesi'],
    ['82.71', 'WIT', 'maluku'],
    ['96.71', 'WIT', 'papua'],
  ])('%s is %s, %s', (code, tz, group) => {
    expect(timeZoneOf(code)).toBe(tz);
    expect(islandGroupOf(code)).toBe(group);
  });
});

describe('language negotiation', () => {
  it.each([
    [undefined, 'id'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr', 'id'],
    ['en;q=0', 'id'],
  ])('%s → %s', (header, lang) => expect(negotiateLang(header)).toBe(lang));
});
