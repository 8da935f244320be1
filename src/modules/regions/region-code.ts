/** Kemendagri region codes: '35' provinsi, '35.19' kabupaten/kota, '35.19.01' kecamatan, '35.19.01.2001' desa. */
export type RegionLevel = 'provinsi' | 'kabupaten_kota' | 'kecamatan' | 'desa_kelurahan';

const LEVEL_BY_PARTS: Record<number, RegionLevel> = {
  1: 'provinsi',
  2: 'kabupaten_kota',
  3: 'kecamatan',
  4: 'desa_kelurahan',
};
const PLAIN_LENGTHS = [2, 4, 6, 10];

/** Accepts a dotted or a plain digit code ('3519012001') and returns the dotted form, or null. */
export function normaliseRegionCode(input: string): string | null {
  const text = input.trim();
  if (/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(text)) return text;
  if (!/^\d+$/.test(text) || !PLAIN_LENGTHS.includes(text.length)) return null;
  const parts = [text.slice(0, 2), text.slice(2, 4), text.slice(4, 6), text.slice(6, 10)].filter(Boolean);
  return parts.join('.');
}

export function regionLevel(code: string): RegionLevel {
  const level = LEVEL_BY_PARTS[code.split('.').length];
  if (!level) throw new Error(`Not a region code: ${code}`);
  return level;
}

export function parentCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut === -1 ? null : code.slice(0, cut);
}

/** The kecamatan of a desa code ('35.19.01.2001' -> '35.19.01'). */
export function kecamatanOf(desaCode: string): string {
  return desaCode.split('.').slice(0, 3).join('.');
}
