/**
 * Normalisation of free text that is not a person's name (birth place, address): upper case,
 * letters and digits only, and the administrative words that sources add or leave out removed
 * ("KAB. MADIUN" and "Madiun" are the same birth place).
 */
const NOISE_WORDS: ReadonlySet<string> = new Set([
  'KAB',
  'KABUPATEN',
  'KOTA',
  'KEC',
  'KECAMATAN',
  'DESA',
  'DS',
  'KEL',
  'KELURAHAN',
  'DUSUN',
  'DSN',
  'JL',
  'JLN',
  'JALAN',
  'GG',
  'GANG',
  'NO',
]);

export function normaliseTextTokens(raw: string): string[] {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['`\u2019]/g, '')
    .split(/[^A-Z0-9]+/)
    .filter((token) => token !== '' && !NOISE_WORDS.has(token));
}
