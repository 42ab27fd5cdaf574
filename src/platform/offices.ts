/**
 * Regions named as offices, the way officials write to each other (pure; no
 * I/O): "Pemerintah Provinsi Bali mengusulkan agar Kabupaten Badung …", "Yth.
 * Bupati Badung", "Yth. Sekretariat TKKSD Kabupaten Badung". A province's
 * name is stored bare ("Bali"); a kabupaten/kota's carries its kind
 * ("Kabupaten Badung", "Kota Denpasar").
 */
export type OfficeTenant = { type: string; name: string; regionCode: string | null };

const isProvince = (t: OfficeTenant) =>
  t.type === 'region' && !!t.regionCode && !t.regionCode.includes('.');

/** The region as prose names it: "Provinsi Bali", "Kabupaten Badung"; a partner by its name. */
export function placeOf(t: OfficeTenant): string {
  return isProvince(t) ? `Provinsi ${t.name}` : t.name;
}

/** The government that acts: "Pemerintah Provinsi Bali", "Pemerintah Kabupaten Badung"; a partner by its name. */
export function governmentOf(t: OfficeTenant, lang: 'id' | 'en' = 'id'): string {
  if (t.type !== 'region') return t.name;
  if (lang === 'en') return `the Government of ${placeOf(t)}`;
  return `Pemerintah ${placeOf(t)}`;
}

/** The head's office: "Gubernur Bali", "Bupati Badung", "Wali Kota Denpasar". */
export function headOf(t: OfficeTenant): string {
  if (isProvince(t)) return `Gubernur ${t.name}`;
  if (t.name.startsWith('Kabupaten ')) return `Bupati ${t.name.slice('Kabupaten '.length)}`;
  if (t.name.startsWith('Kota ')) return `Wali Kota ${t.name.slice('Kota '.length)}`;
  return `Kepala Daerah ${t.name}`;
}

/**
 * Whom an email to a member addresses, by the office the member holds there:
 * a region's admins are its TKKSD secretariat, its head the head's office.
 * Null when the member holds no office an official letter names (then the
 * person is addressed by name).
 */
export function officeOf(t: OfficeTenant, role: string, lang: 'id' | 'en'): string | null {
  if (t.type !== 'region') return null;
  if (role === 'admin')
    return lang === 'en'
      ? `the TKKSD Secretariat of ${placeOf(t)}`
      : `Sekretariat TKKSD ${placeOf(t)}`;
  if (role === 'head') return headOf(t);
  return null;
}
