import { describe, expect, it } from 'vitest';
import { isIdentityField, maskIdentifier, maskIdentities } from './masking.ts';

describe('masking', () => {
  it('keeps the first four and last two digits of a NIK or KK', () => {
    expect(maskIdentifier('3519011208850003')).toBe('3519**********03');
  });

  it('recognises identity fields by name', () => {
    expect(['nik', 'kk', 'no_kk', 'head_nik', 'other_kk'].every(isIdentityField)).toBe(true);
    expect(['name', 'nikah', 'kkey', 'desa_code'].some(isIdentityField)).toBe(false);
  });

  it('masks at any depth and leaves the input and the parts without identities untouched', () => {
    const region = { code: '35.19', coordinates: [[1, 2]] };
    const input = {
      items: [{ nik: '3519011208850003', name: 'Sukirman', household: { kk: '3519010101200001' } }],
      region,
      at: new Date(0),
    };
    const masked = maskIdentities(input);
    expect(masked.items[0]).toEqual({
      nik: '3519**********03',
      name: 'Sukirman',
      household: { kk: '3519**********01' },
    });
    expect(input.items[0]?.nik).toBe('3519011208850003');
    expect(masked.region).toBe(region);
    expect(masked.at).toBe(input.at);
  });
});
