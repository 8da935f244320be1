import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, passwordProblems } from './passwords.ts';

describe('password policy', () => {
  it('accepts a long password with letters and digits', () => {
    expect(passwordProblems('kopi-tubruk-1987', 'budi')).toEqual([]);
  });

  it.each([
    ['pendek1', 'at least 10 characters'],
    ['hanyahurufsaja', 'contains letters and digits'],
    ['1234567890123', 'contains letters and digits'],
    ['budi.santoso-2025', 'does not contain the username'],
    ['Password123', 'is not a commonly used password'],
    [`a1${'x'.repeat(200)}`, 'at most 128 characters'],
  ])('refuses %s: %s', (password, reason) => {
    expect(passwordProblems(password, 'budi.santoso').map((p) => p.en)).toContain(reason);
  });

  it('explains every problem in Bahasa Indonesia and English', () => {
    expect(() => checkPasswordPolicy('abc', 'budi')).toThrow(/Kata sandi harus: minimal 10 karakter/);
  });
});
