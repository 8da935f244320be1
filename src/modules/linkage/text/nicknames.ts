/**
 * Nicknames (nama panggilan) and the given names they stand for, where the nickname is not simply
 * a part of the name (parts such as YANTO for SURYANTO are recognised by rule, see isNamePart).
 * Entries are in canonical spelling.
 */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  MAMAT: ['MUHAMMAD', 'RAHMAT', 'AHMAD'],
  MEMET: ['SLAMET', 'AHMAD', 'MUHAMMAD'],
  AMAT: ['AHMAD', 'RAHMAT', 'MUHAMMAD'],
  WAWAN: ['SETIAWAN', 'KURNIAWAN', 'IRAWAN', 'GUNAWAN', 'HERMAWAN'],
  YAYAN: ['SURYANA', 'HERYANA', 'YANA'],
  NUNUNG: ['NURHAYATI', 'NURAINI'],
  YAYUK: ['RAHAYU', 'SRI'],
  TUTIK: ['UTAMI', 'SRI'],
  TITIN: ['SUTINI', 'KARTINI', 'MARTINI'],
  NINING: ['NINGSIH', 'NINGRUM'],
  IIN: ['INDAH', 'INDRIANI', 'AINI'],
};

const RELATED: ReadonlyMap<string, ReadonlySet<string>> = buildRelations();

function buildRelations(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const [nick, names] of Object.entries(NICKNAMES)) {
    for (const name of names) {
      link(nick, name);
      link(name, nick);
    }
  }
  return map;
}

/** True when the token appears in the nickname table at all (most do not). */
export function hasListedNickname(token: string): boolean {
  return RELATED.has(token);
}

/** True when one canonical token is a listed nickname of the other. */
export function isListedNickname(a: string, b: string): boolean {
  return RELATED.get(a)?.has(b) === true;
}

/**
 * True when the shorter token (at least 3 letters) begins or ends the longer one that is at least
 * two letters longer: Javanese nicknames are mostly a syllable pair of the full name (BUDI for
 * BUDIONO, YANTO for SURYANTO, TINI for SUTINI).
 */
export function isNamePart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || long.length < short.length + 2) return false;
  return long.startsWith(short) || long.endsWith(short);
}
