import { describe, expect, it } from 'vitest';
import { PERSON_SETTINGS } from '../person-settings.ts';
import type { LinkageSettings } from '../settings.ts';
import { levelOf } from '../test/fixtures.ts';

describe('name levels', () => {
  it.each([
    ['Siti Aminah', 'SITI  AMINAH', 'exact'],
    ['Hj. Siti Aminah', 'Siti Aminah', 'exact'],
    ['Muhammad Yusuf', 'Moh. Jusuf', 'same up to spelling and order'],
    ['Aminah Siti', 'Siti Aminah', 'same up to spelling and order'],
    ['Soeharto', 'Suharto', 'same up to spelling and order'],
    ['B. Santoso', 'Budi Santoso', 'initials, nickname or shorter'],
    ['Yuni', 'Sri Wahyuni', 'initials, nickname or shorter'],
    ['Slamet', 'Slamet Riyadi', 'initials, nickname or shorter'],
    ['Suparmi Wati', 'Suparni Wati', 'similarity >= 0.92'],
    ['Sri Rahayu Ningsih', 'Sri Rahayu Nengsi', 'similarity >= 0.92'],
    ['Tukiman', 'Tukinem', 'similarity >= 0.80'],
    ['Bambang', 'Suparmi', 'different'],
    ['Bambang', '', 'missing'],
  ])('%s / %s: %s', (a, b, label) => {
    expect(levelOf('name', { name: a }, { name: b })).toBe(label);
  });
});

/** The default NIK field is exact or not (docs/linkage.md says why); all NIK kinds tested here. */
const NIK_LEVELS: LinkageSettings = {
  ...PERSON_SETTINGS,
  fields: PERSON_SETTINGS.fields.map((field) =>
    field.name !== 'nik'
      ? field
      : {
          ...field,
          levels: [
            { label: 'exact', kind: 'exact' },
            { label: 'one digit wrong', kind: 'one_digit_wrong' },
            { label: 'adjacent digits swapped', kind: 'adjacent_transposition' },
            { label: 'different', kind: 'else' },
          ],
        },
  ),
};

describe('NIK levels', () => {
  it.each([
    ['3519015708750001', '3519015708750001', 'exact'],
    ['3519015708750001', '3519015708750007', 'one digit wrong'],
    ['3519015708750001', '3519045708750001', 'one digit wrong'],
    ['3519015708750001', '3519015708750010', 'adjacent digits swapped'],
    ['3519015708750001', '3519105708750001', 'adjacent digits swapped'],
    ['3519015708750001', '3519015807750001', 'different'],
    ['3519015708750001', '123', 'missing'],
  ])('%s / %s: %s', (a, b, label) => {
    expect(levelOf('nik', { nik: a }, { nik: b }, NIK_LEVELS)).toBe(label);
  });

  it('is exact, a mistyped birth date or region part, or different in the default settings', () => {
    expect(levelOf('nik', { nik: '3519015708750001' }, { nik: '3519015708750007' })).toBe('different');
  });
});

describe('NIK birth date part mistyped', () => {
  const MISTYPED = 'birth date part mistyped';
  const man = { birth_date: '1975-08-17', sex: 'L' };
  const woman = { birth_date: '1975-08-17', sex: 'P' };

  it.each([
    ['a digit of the day', man, '3519011708750001', man, '3519011808750001'],
    ['a digit of the month, either record', man, '3519011709750001', man, '3519011708750001'],
    ['a digit of the year', woman, '3519015708750001', woman, '3519015708760001'],
    ['the day that marks a woman', woman, '3519015708750001', woman, '3519011708750001'],
    ['two digits swapped', man, '3519011708750001', man, '3519017108750001'],
    ['two digits swapped across the serial', man, '3519011708750001', man, '3519011708705001'],
  ])('%s', (_, a, nikA, b, nikB) => {
    expect(levelOf('nik', { ...a, nik: nikA }, { ...b, nik: nikB })).toBe(MISTYPED);
  });

  it.each([
    // Different people: each NIK encodes its own holder's birth date.
    [
      'a neighbour born a day later',
      man,
      '3519011708750001',
      { ...man, birth_date: '1975-08-18' },
      '3519011808750001',
    ],
    ['a digit of the serial', man, '3519011708750001', man, '3519011708750002'],
    ['a digit of the kecamatan', man, '3519011708750001', man, '3519021708750001'],
    [
      'the records disagree on the date',
      man,
      '3519011708750001',
      { ...man, birth_date: '1975-03-05' },
      '3519011808750001',
    ],
    [
      'the other record has a 1 January placeholder',
      man,
      '3519011708750001',
      { ...man, birth_date: '1975-01-01' },
      '3519011808750001',
    ],
    ['the records disagree on sex', man, '3519011708750001', woman, '3519011808750001'],
    [
      'a shared 1 January',
      { ...man, birth_date: '1975-01-01' },
      '3519010101750001',
      { ...man, birth_date: '1975-01-01' },
      '3519010201750001',
    ],
    [
      'no sex recorded',
      { birth_date: '1975-08-17' },
      '3519011708750001',
      { birth_date: '1975-08-17' },
      '3519011808750001',
    ],
    ['two digits wrong', man, '3519011708750001', man, '3519011809750001'],
  ])('not when %s', (_, a, nikA, b, nikB) => {
    expect(levelOf('nik', { ...a, nik: nikA }, { ...b, nik: nikB })).toBe('different');
  });
});

describe('NIK region part mistyped', () => {
  const MISTYPED = 'region part mistyped';
  const here = { birth_date: '1975-08-17', sex: 'L', area_code: '35.19.01.2001' };
  const nextDesa = { ...here, area_code: '35.19.01.2005' };

  it.each([
    ['a digit of the kecamatan', here, '3519011708750001', nextDesa, '3519021708750001'],
    ['a digit of the province', here, '3619011708750001', here, '3519011708750001'],
    ['two digits swapped', here, '3519011708750001', here, '3519101708750001'],
    [
      'two digits swapped across the birth date',
      { ...here, sex: 'P' },
      '3519015708750001',
      { ...here, sex: 'P' },
      '3519051708750001',
    ],
  ])('%s', (_, a, nikA, b, nikB) => {
    expect(levelOf('nik', { ...a, nik: nikA }, { ...b, nik: nikB })).toBe(MISTYPED);
  });

  it.each([
    // Registered in kecamatan 02 and living there: a same-day neighbour's NIK, not a typo.
    [
      'the other lives where its NIK says',
      here,
      '3519011708750001',
      { ...here, area_code: '35.19.02.2001' },
      '3519021708750001',
    ],
    [
      'one record moved to another kecamatan',
      here,
      '3519011708750001',
      { ...here, area_code: '35.19.03.2001' },
      '3519021708750001',
    ],
    ['neither NIK is of the kecamatan', here, '3519031708750001', here, '3519021708750001'],
    [
      'the records disagree on the date',
      here,
      '3519011708750001',
      { ...here, birth_date: '1975-08-18' },
      '3519021708750001',
    ],
    [
      'a shared 1 January',
      { ...here, birth_date: '1975-01-01' },
      '3519010101750001',
      { ...here, birth_date: '1975-01-01' },
      '3519020101750001',
    ],
    ['no area recorded', { ...here, area_code: '' }, '3519011708750001', here, '3519021708750001'],
  ])('not when %s', (_, a, nikA, b, nikB) => {
    expect(levelOf('nik', { ...a, nik: nikA }, { ...b, nik: nikB })).toBe('different');
  });
});

describe('birth date levels', () => {
  it.each([
    ['1975-08-17', '17-08-1975', 'exact'],
    ['1975-01-01', '1975-01-01', '1 January placeholder, same year'],
    ['1975-01-01', '1975-08-17', '1 January placeholder, same year'],
    ['1975-03-04', '1975-04-03', 'day and month swapped'],
    ['1975-02-28', '1975-03-01', 'one day off'],
    ['1975-08-17', '1976-08-17', 'one year off'],
    ['1975-08-17', '1975-08-02', 'same month and year'],
    ['1975-08-17', '1957-08-17', 'different'],
    ['1975-01-01', '1976-08-17', 'different'],
    ['1975-08-17', 'unknown', 'missing'],
  ])('%s / %s: %s', (a, b, label) => {
    expect(levelOf('birth_date', { birth_date: a }, { birth_date: b })).toBe(label);
  });

  it('reads the birth date and sex from the NIKs when the recorded dates disagree', () => {
    const a = { birth_date: '1975-08-17', nik: '3519015708750001' };
    expect(levelOf('birth_date', a, { birth_date: '1975-01-01', nik: '3519045708750002' })).toBe(
      'NIKs encode the same birth date and sex',
    );
    expect(levelOf('birth_date', a, { birth_date: '1975-01-01', nik: '3519041708750002' })).toBe(
      '1 January placeholder, same year',
    );
  });

  it('takes two NIKs issued for a 1 January placeholder as the placeholder, not as a shared birth date', () => {
    const woman = { birth_date: '1956-01-01', nik: '3519034101560007' };
    expect(levelOf('birth_date', woman, { birth_date: '1956-01-01', nik: '3519014101560033' })).toBe(
      '1 January placeholder, same year',
    );
    const man = { birth_date: '1956-01-01', nik: '3519030101560007' };
    expect(levelOf('birth_date', man, { birth_date: '1956-03-01', nik: '3519010101560033' })).toBe(
      '1 January placeholder, same year',
    );
  });
});

describe('other fields', () => {
  it('sex', () => {
    expect(levelOf('sex', { sex: 'L' }, { sex: 'laki-laki' })).toBe('same');
    expect(levelOf('sex', { sex: 'P' }, { sex: 'L' })).toBe('different');
    expect(levelOf('sex', { sex: 'P' }, { sex: '?' })).toBe('missing');
  });

  it('mother name', () => {
    expect(levelOf('mother_name', { mother_name: 'Siti Fatimah' }, { mother_name: 'Fatmah Siti' })).toBe(
      'same up to spelling and order',
    );
    expect(levelOf('mother_name', { mother_name: 'Sitti Fatimah' }, { mother_name: 'Fatimah' })).toBe(
      'initials, nickname or shorter',
    );
    expect(levelOf('mother_name', { mother_name: 'Painem' }, { mother_name: 'Paimen' })).toBe(
      'similarity >= 0.88',
    );
    expect(levelOf('mother_name', { mother_name: 'Painem' }, { mother_name: 'Tumini' })).toBe('different');
  });

  it('birth place', () => {
    expect(levelOf('birth_place', { birth_place: 'Kab. Madiun' }, { birth_place: 'MADIUN' })).toBe('exact');
    expect(levelOf('birth_place', { birth_place: 'Magetan' }, { birth_place: 'Magetan Kota' })).toBe('exact');
    expect(levelOf('birth_place', { birth_place: 'Ponorogo' }, { birth_place: 'Ponorgo' })).toBe(
      'similarity >= 0.88',
    );
    expect(levelOf('birth_place', { birth_place: 'Ngawi' }, { birth_place: 'Surabaya' })).toBe('different');
  });

  it('area', () => {
    expect(levelOf('area', { area_code: '35.19.01.2001' }, { area_code: '3519012001' })).toBe('same desa');
    expect(levelOf('area', { area_code: '35.19.01.2001' }, { area_code: '35.19.01.2002' })).toBe(
      'same kecamatan',
    );
    expect(levelOf('area', { area_code: '35.19.01.2001' }, { area_code: '35.19.02' })).toBe('same kabupaten');
    expect(levelOf('area', { area_code: '35.19.01.2001' }, { area_code: '35.20.01.2001' })).toBe('different');
  });

  it('kk', () => {
    expect(levelOf('kk', { kk: '3519010101010001' }, { kk: '3519010101010001' })).toBe('exact');
    expect(levelOf('kk', { kk: '3519010101010001' }, { kk: '3519010101010002' })).toBe('one digit wrong');
    expect(levelOf('kk', { kk: '3519010101010001' }, { kk: '3519010101019999' })).toBe('different');
  });
});
