import { describe, expect, it } from 'vitest';
import { checkRow } from './row-checks.ts';
import { importRow } from './test-fixtures.ts';

const context = { desaCodes: new Set(['35.19.01.2001', '35.19.01.2002']), today: '2025-09-30' };
const codesOf = (overrides: Record<string, string>) => {
  const result = checkRow(importRow(overrides), context);
  return result.ok ? [] : result.reasons.map((r) => `${r.field}:${r.code}`);
};

describe('checkRow', () => {
  it('accepts a valid row and normalises it', () => {
    const result = checkRow(
      importRow({ kode_desa: '3519012002', jenis_kelamin: 'p', tanggal_lahir: '12/08/1985' }),
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toMatchObject({
      desa_code: '35.19.01.2002',
      sex: 'P',
      birth_date: '1985-08-12',
      desil: 2,
      assets: ['sepeda', 'televisi'],
      livestock: { unggas: 5 },
    });
  });

  it('names every empty required field', () => {
    expect(codesOf({ nik: '', nama: ' ', desil: '', hubungan_keluarga: '' })).toEqual([
      'desil:required',
      'nik:required',
      'nama:required',
      'hubungan_keluarga:required',
    ]);
  });

  it.each([
    ['nik', '351901120885000', 'nik:nik_format'],
    ['nik', '35190112088500O3', 'nik:nik_format'],
    ['no_kk', '35190101012000011', 'no_kk:kk_format'],
    ['tanggal_lahir', '1985-02-30', 'tanggal_lahir:date_invalid'],
    ['tanggal_lahir', 'kemarin', 'tanggal_lahir:date_invalid'],
    ['tanggal_lahir', '2030-01-01', 'tanggal_lahir:date_range'],
    ['tanggal_lahir', '1850-01-01', 'tanggal_lahir:date_range'],
    ['kode_desa', '35.19.01.9999', 'kode_desa:desa_unknown'],
    ['kode_desa', '35.20.01.2001', 'kode_desa:desa_unknown'],
    ['kode_desa', 'desa', 'kode_desa:desa_unknown'],
    ['desil', '0', 'desil:desil_range'],
    ['desil', '11', 'desil:desil_range'],
    ['desil', '2.5', 'desil:desil_range'],
    ['jenis_kelamin', 'X', 'jenis_kelamin:sex_invalid'],
    ['jenis_lantai', 'emas', 'jenis_lantai:code_invalid'],
    ['hubungan_keluarga', 'tetangga', 'hubungan_keluarga:code_invalid'],
    ['aset', 'kulkas;roket', 'aset:code_invalid'],
    ['ternak', 'sapi:dua', 'ternak:code_invalid'],
    ['ternak', 'naga:1', 'ternak:code_invalid'],
    ['id_keluarga', 'KEL 01', 'id_keluarga:id_invalid'],
    ['id_individu', 'x'.repeat(41), 'id_individu:id_invalid'],
    ['rt', '1000', 'rt:rt_rw_invalid'],
    ['rw', 'a', 'rw:rt_rw_invalid'],
  ])('rejects %s = %j with %s', (field, value, expected) => {
    expect(codesOf({ [field]: value })).toEqual([expected]);
  });

  it('reports every reason of a row at once, with messages in both languages', () => {
    const result = checkRow(importRow({ nik: '123', desil: '0', jenis_kelamin: 'Q' }), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[0]?.message).toContain('16 digit');
    expect(result.reasons[0]?.message_en).toContain('16 digits');
  });
});
