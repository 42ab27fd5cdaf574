/**
 * The short forms officials write for provinces ("Kalbar", "Jatim", "NTB"):
 * a potential's search text carries its region's and province's names and
 * these, so a search by place finds it.
 */
export const PROVINCE_SHORT_FORMS: Record<string, string[]> = {
  '11': ['NAD'],
  '12': ['Sumut'],
  '13': ['Sumbar'],
  '16': ['Sumsel'],
  '19': ['Babel', 'Bangka Belitung'],
  '21': ['Kepri'],
  '31': ['Jakarta'],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '34': ['DIY', 'Jogja', 'Yogya', 'Jogjakarta'],
  '35': ['Jatim'],
  '52': ['NTB'],
  '53': ['NTT'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '76': ['Sulbar'],
  '82': ['Malut'],
  '92': ['Pabar'],
  '93': ['Pasel'],
  '94': ['Papteng'],
  '95': ['Papeg'],
  '96': ['PBD'],
};

const COMPASS: [RegExp, string][] = [
  [/ Barat Daya$/, 'Southwest'],
  [/ Tenggara$/, 'Southeast'],
  [/ Utara$/, 'North'],
  [/ Selatan$/, 'South'],
  [/ Barat$/, 'West'],
  [/ Timur$/, 'East'],
  [/ Tengah$/, 'Central'],
];
const ISLANDS: Record<string, string> = { Jawa: 'Java', Sumatera: 'Sumatra' };

/** "Jawa Barat" → "West Java", "Sulawesi Tengah" → "Central Sulawesi"; names without a compass word stay as they are. */
export function englishPlaceName(name: string): string {
  let base = name.replace(/^Kepulauan /, '');
  const islands = base !== name ? ' Islands' : '';
  for (const [re, en] of COMPASS)
    if (re.test(base)) {
      base = base.replace(re, '');
      return `${en} ${ISLANDS[base] ?? base}${islands}`;
    }
  return `${ISLANDS[base] ?? base}${islands}`;
}
