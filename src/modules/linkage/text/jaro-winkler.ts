/**
 * Jaro and Jaro-Winkler similarity (Winkler 1990) over letters stored as bytes: `codes` holds
 * many strings, each given by its start and length. The prefix bonus (scale 0.1, at most 4
 * letters) applies only when the Jaro similarity exceeds 0.7, as in Winkler's original.
 */

// Scratch marks reused across calls (this runs millions of times per run): a position is
// matched when its stamp equals the current call's stamp, so nothing needs clearing.
let stampsA = new Int32Array(64);
let stampsB = new Int32Array(64);
let stamp = 0;

export function jaroCodes(codes: Uint8Array, a: number, la: number, b: number, lb: number): number {
  if (la === 0 || lb === 0) return 0;
  if (la > stampsA.length || lb > stampsB.length) {
    stampsA = new Int32Array(Math.max(la, lb) * 2);
    stampsB = new Int32Array(Math.max(la, lb) * 2);
    stamp = 0;
  }
  if (++stamp === 0x40000000) {
    stampsA.fill(0);
    stampsB.fill(0);
    stamp = 1;
  }
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0;
    const to = Math.min(lb - 1, i + window);
    const code = codes[a + i];
    for (let j = from; j <= to; j++) {
      if (stampsB[j] !== stamp && codes[b + j] === code) {
        stampsA[i] = stamp;
        stampsB[j] = stamp;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (stampsA[i] !== stamp) continue;
    while (stampsB[k] !== stamp) k++;
    if (codes[a + i] !== codes[b + k]) transpositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

export function jaroWinklerCodes(codes: Uint8Array, a: number, la: number, b: number, lb: number): number {
  const j = jaroCodes(codes, a, la, b, lb);
  if (j <= 0.7) return j;
  const limit = Math.min(4, la, lb);
  let prefix = 0;
  while (prefix < limit && codes[a + prefix] === codes[b + prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
