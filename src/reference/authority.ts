/**
 * Authority by level of government (pure; lint-enforced). The object of a
 * cooperation must be an affair within the region's own authority (seed 002:
 * "obyek kerjasama … merupakan urusan pemerintahan yang menjadi Kewenangan
 * Daerah"); the annex of UU 23/2014 divides each concurrent affair between the
 * centre, the provinces and the kabupaten/kota. Most affairs are shared, each
 * level holding its own sub-affairs. A few are the province's, with a narrow
 * part left to the kabupaten/kota: a kabupaten/kota naming one of them is
 * warned, with the rule and the part that is its own.
 */

export type Level = 'province' | 'regency';

/** Affairs whose substance UU 23/2014's annex gives to the province, with the kabupaten/kota's part named. */
export const PROVINCIAL_AFFAIRS: Record<string, { id: string; en: string }> = {
  kehutanan: {
    id: 'urusan kehutanan adalah kewenangan pemerintah provinsi (UU 23/2014, lampiran huruf BB); kabupaten/kota hanya berwenang mengelola taman hutan raya (tahura) kabupaten/kota',
    en: 'forestry is a provincial affair (UU 23/2014, annex BB); a kabupaten/kota holds only the management of its own grand forest park (tahura)',
  },
  energi_sumber_daya_mineral: {
    id: 'urusan energi dan sumber daya mineral adalah kewenangan pemerintah provinsi (UU 23/2014, lampiran huruf CC); kabupaten/kota hanya berwenang atas izin pemanfaatan langsung panas bumi di wilayahnya',
    en: 'energy and mineral resources are a provincial affair (UU 23/2014, annex CC); a kabupaten/kota holds only permits for the direct use of geothermal heat in its territory',
  },
  kelautan_perikanan: {
    id: 'pengelolaan ruang laut sampai 12 mil dari garis pantai adalah kewenangan pemerintah provinsi (UU 23/2014 pasal 27 dan lampiran huruf Y); kabupaten/kota berwenang atas pemberdayaan nelayan kecil, tempat pelelangan ikan, dan pembudidayaan ikan',
    en: 'the sea up to 12 miles from the coast is the province’s (UU 23/2014 art. 27, annex Y); a kabupaten/kota holds small-scale fishers, fish auctions and fish farming',
  },
};

/** The level of a region from its code: a province's code has no dot ("52"), a kabupaten/kota's has one ("52.02"). */
export const levelOf = (regionCode: string): Level =>
  regionCode.includes('.') ? 'regency' : 'province';

export type AuthorityWarning = {
  affair: string;
  message: { id: string; en: string };
  source: string;
};

/**
 * The warnings for a region naming these affairs: none for a province (it
 * holds every part a region can), one per provincial affair for a kabupaten/kota.
 */
export function authorityWarnings(
  regionCode: string,
  affairs: readonly string[],
): AuthorityWarning[] {
  if (levelOf(regionCode) === 'province') return [];
  return affairs.flatMap((affair) => {
    const held = PROVINCIAL_AFFAIRS[affair];
    return held
      ? [{ affair, message: { id: held.id, en: held.en }, source: 'UU 23/2014, lampiran' }]
      : [];
  });
}

/** A potential as the region reads it: with the warnings on its affairs. */
export const withAuthority = <T extends { regionCode: string; affairs: string[] }>(row: T) => ({
  ...row,
  authorityWarnings: authorityWarnings(row.regionCode, row.affairs),
});
