import { describe, expect, it } from 'vitest';
import { correctionProblem } from './correction.ts';

describe('correctionProblem', () => {
  it('accepts valid values of correctable fields', () => {
    expect(correctionProblem('person', 'birth_date', '1961-02-29')).toMatch(/calendar/);
    expect(correctionProblem('person', 'birth_date', '1960-02-29')).toBeNull();
    expect(correctionProblem('person', 'nik', '3519014506600001')).toBeNull();
    expect(correctionProblem('household', 'desil', '10')).toBeNull();
    expect(correctionProblem('household', 'floor_type', 'keramik')).toBeNull();
  });

  it('names the field and the reason of a bad value', () => {
    expect(correctionProblem('person', 'nik', '35190145066')).toBe('nik must be 16 digits');
    expect(correctionProblem('person', 'sex', 'X')).toBe('sex must be one of L, P');
    expect(correctionProblem('household', 'desil', '0')).toBe('desil must be a whole number 1-10');
    expect(correctionProblem('person', 'name', '  ')).toBe('name must not be empty');
    expect(correctionProblem('person', 'birth_date', '12-03-1960')).toBe(
      'birth_date must be a date YYYY-MM-DD',
    );
  });

  it('refuses keys, desa, status and fields of the other kind of record', () => {
    expect(correctionProblem('person', 'person_id', 'ART1')).toMatch(/cannot be corrected/);
    expect(correctionProblem('household', 'desa_code', '35.19.01.2001')).toMatch(/cannot be corrected/);
    expect(correctionProblem('person', 'status', 'meninggal')).toMatch(/cannot be corrected/);
    expect(correctionProblem('person', 'desil', '3')).toMatch(/cannot be corrected/);
    expect(correctionProblem('person', 'toString', 'x')).toMatch(/cannot be corrected/);
  });
});
