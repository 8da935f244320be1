/**
 * A coarse sound key of one canonical name token, for blocking only: letters that Indonesian
 * sources write interchangeably are merged, and vowels and the soft letters H, W, Y after the first
 * letter are dropped, so that SUPARMI, SOEPARMI and SUPARMY share a key (SPRM).
 */
const DIGRAPHS: readonly [RegExp, string][] = [
  [/KH/g, 'H'],
  [/SY/g, 'S'],
  [/NY/g, 'N'],
  [/DH/g, 'D'],
  [/TH/g, 'T'],
  [/PH/g, 'P'],
  [/[FV]/g, 'P'],
  [/Q/g, 'K'],
  [/X/g, 'KS'],
  [/Z/g, 'J'],
];

export function phoneticToken(token: string): string {
  let text = token;
  for (const [pattern, replacement] of DIGRAPHS) text = text.replace(pattern, replacement);
  if (text === '') return '';
  const rest = text.slice(1).replace(/[AEIOUHWY]/g, '');
  let out = text[0] as string;
  for (const letter of rest) if (out[out.length - 1] !== letter) out += letter;
  return out;
}
