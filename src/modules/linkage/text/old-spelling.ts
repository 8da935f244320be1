/**
 * Pre-1972 (Van Ophuijsen / Soewandi) spellings rewritten in today's EYD spelling, token by token:
 * OE->U, DJ->J, TJ->C, NJ->NY, SJ->SY, CH->KH. The old J (today's Y) cannot be told from today's J
 * on its own, so J->Y is applied only in a token that shows another old spelling (SOEJONO -> SUYONO,
 * but JOKO stays JOKO).
 */
const OLD_MARKERS = /OE|DJ|TJ|NJ|SJ/;

export function modernSpelling(token: string): string {
  const old = OLD_MARKERS.test(token);
  let out = token.replace(/OE/g, 'U').replace(/CH/g, 'KH');
  if (!old) return out;
  // Temporarily protect the J of DJ (today's J) so that the old-J rule does not turn it into Y.
  out = out
    .replace(/DJ/g, '#')
    .replace(/TJ/g, 'C')
    .replace(/NJ/g, 'NY')
    .replace(/SJ/g, 'SY')
    .replace(/J/g, 'Y')
    .replace(/#/g, 'J');
  return out;
}
