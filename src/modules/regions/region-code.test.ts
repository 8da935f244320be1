import { describe, expect, it } from 'vitest';
import { kecamatanOf, normaliseRegionCode, parentCode, regionLevel } from './region-code.ts';

describe('region codes', () => {
  it('accepts dotted and plain codes', () => {
    expect(normaliseRegionCode('35.19.01.2001')).toBe('35.19.01.2001');
    expect(normaliseRegionCode(' 3519012001 ')).toBe('35.19.01.2001');
    expect(normaliseRegionCode('3519')).toBe('35.19');
    expect(normaliseRegionCode('35')).toBe('35');
  });

  it('rejects malformed codes', () => {
    for (const bad of ['', '351901200', '35.19.1', '35-19', 'abc', '35.19.01.201']) {
      expect(normaliseRegionCode(bad)).toBeNull();
    }
  });

  it('knows level and parent', () => {
    expect(regionLevel('35.19.01.2001')).toBe('desa_kelurahan');
    expect(regionLevel('35.19')).toBe('kabupaten_kota');
    expect(parentCode('35.19.01.2001')).toBe('35.19.01');
    expect(parentCode('35')).toBeNull();
    expect(kecamatanOf('35.19.01.2001')).toBe('35.19.01');
  });
});
