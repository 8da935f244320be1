import { describe, expect, it } from 'vitest';
import { canonicalToken, normaliseName } from './normalise-name.ts';
import { modernSpelling } from './old-spelling.ts';

describe('normaliseName', () => {
  it.each([
    ['  siti   aminah ', 'SITI AMINAH'],
    ['H. Ahmad Dahlan', 'AHMAD DAHLAN'],
    ['Hj. Siti Aminah, S.Pd.', 'SITI AMINAH'],
    ['Ny. Sri Wahyuni', 'SRI WAHYUNI'],
    ['Bpk. Slamet', 'SLAMET'],
    ['Drs. H. Mulyono, M.M.', 'MULYONO'],
    ["Ma'ruf Amin", 'MARUF AMIN'],
    ['M.Yusuf', 'M YUSUF'],
    ['Moh. Yusuf', 'MOH YUSUF'],
    ['Nur-Aini', 'NUR AINI'],
    ['Sitì Ámínah', 'SITI AMINAH'],
    ['Haji', 'HAJI'],
  ])('%s -> %s', (raw, clean) => {
    expect(normaliseName(raw).clean).toBe(clean);
  });

  it('keeps Alm./Almh. as a death hint and strips it', () => {
    expect(normaliseName('Alm. Slamet Riyadi')).toMatchObject({ clean: 'SLAMET RIYADI', deathHint: true });
    expect(normaliseName('Almh. Hj. Siti Aminah')).toMatchObject({ clean: 'SITI AMINAH', deathHint: true });
    expect(normaliseName('Slamet (Alm)')).toMatchObject({ clean: 'SLAMET', deathHint: true });
    expect(normaliseName('Slamet').deathHint).toBe(false);
  });

  it('splits off the patronym after bin/binti', () => {
    expect(normaliseName('Ahmad bin Yusuf')).toMatchObject({ clean: 'AHMAD', patronym: 'YUSUF' });
    expect(normaliseName('Siti Aminah binti Abdul Rahman')).toMatchObject({
      clean: 'SITI AMINAH',
      patronym: 'ABDUL RAHMAN',
    });
  });

  it('does not strip degrees that are not marked as such', () => {
    expect(normaliseName('Budi SE').clean).toBe('BUDI SE');
    expect(normaliseName('Budi, SE').clean).toBe('BUDI');
  });

  it('gives the same key for spelling variants, old spelling and token order', () => {
    const key = normaliseName('Muhammad Yusuf').key;
    for (const variant of ['Moh. Yusuf', 'Mochammad Jusuf', 'M. Yusuf', 'Yusuf Muhammad', 'MUHAMAD YUSUP']) {
      expect(normaliseName(variant).key).toBe(key);
    }
    expect(normaliseName('Soeharto').key).toBe(normaliseName('Suharto').key);
    expect(normaliseName('Achmad Soejono').key).toBe(normaliseName('Ahmad Suyono').key);
  });
});

describe('old spelling and variants', () => {
  it.each([
    ['SOEHARTO', 'SUHARTO'],
    ['DJOKO', 'JOKO'],
    ['TJAHJO', 'CAHYO'],
    ['SOEJONO', 'SUYONO'],
    ['NJOMAN', 'NYOMAN'],
    ['SJAHRIR', 'SYAHRIR'],
    ['ACHMAD', 'AKHMAD'],
    ['JOKO', 'JOKO'],
    ['YUSUF', 'YUSUF'],
  ])('%s -> %s', (old, modern) => {
    expect(modernSpelling(old)).toBe(modern);
  });

  it.each([
    ['MOCH', 'MUHAMMAD'],
    ['M', 'MUHAMMAD'],
    ['ACHMAD', 'AHMAD'],
    ['ABDOEL', 'ABDUL'],
    ['NOER', 'NUR'],
    ['OEMAR', 'UMAR'],
    ['SELAMET', 'SLAMET'],
    ['BUDI', 'BUDI'],
  ])('%s -> %s', (token, canonical) => {
    expect(canonicalToken(token)).toBe(canonical);
  });
});
