import { getDistricts, getProvinces, getRegencies } from 'idn-area-data';
import {
  displayName,
  type IslandGroup,
  islandGroupOf,
  searchForm,
  type TimeZone,
  timeZoneOf,
} from '../../src/reference/geography';

export type RegionRow = {
  code: string;
  name: string;
  officialName: string;
  kind: 'provinsi' | 'kabupaten' | 'kota';
  provinceCode: string | null;
  autonomous: boolean;
  timeZone: TimeZone;
  islandGroup: IslandGroup;
  searchName: string;
};

/** DKI Jakarta's kabupaten/kota (31.xx) are administrative: the province acts for them. */
const ADMINISTRATIVE_PROVINCES = new Set(['31']);

/** The 38 provinces and 514 kabupaten/kota from the `idn-area-data` package, in code order. */
export async function readRegions(): Promise<RegionRow[]> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const rows: RegionRow[] = [];
  for (const p of provinces) {
    const name = displayName(p.name);
    rows.push({
      code: p.code,
      name,
      officialName: p.name,
      kind: 'provinsi',
      provinceCode: null,
      autonomous: true,
      timeZone: timeZoneOf(p.code),
      islandGroup: islandGroupOf(p.code),
      searchName: searchForm(name),
    });
  }
  for (const r of regencies) {
    const kind = r.name.startsWith('KOTA ')
      ? 'kota'
      : r.name.startsWith('KABUPATEN ')
        ? 'kabupaten'
        : null;
    if (!kind) throw new Error(`cannot tell whether ${r.code} ${r.name} is a kabupaten or a kota`);
    const name = displayName(r.name);
    rows.push({
      code: r.code,
      name,
      officialName: r.name,
      kind,
      provinceCode: r.province_code,
      autonomous: !ADMINISTRATIVE_PROVINCES.has(r.province_code),
      timeZone: timeZoneOf(r.code),
      islandGroup: islandGroupOf(r.code),
      searchName: searchForm(name),
    });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

export type DistrictRow = { code: string; regionCode: string; name: string };

export async function readDistricts(): Promise<DistrictRow[]> {
  const rows = await getDistricts();
  return rows
    .map((d) => ({ code: d.code, regionCode: d.regency_code, name: d.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
