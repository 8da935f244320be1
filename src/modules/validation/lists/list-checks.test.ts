import { describe, expect, it } from 'vitest';
import { checkAsnRow, checkDeathRow, type ListCheckContext } from './list-checks.ts';

const context = (): ListCheckContext => ({
  isKnownDesa: (code) => code === '35.19.01.2001' || code === '35.77.02.1009',
  today: '2025-10-01',
  seen: new Set(),
});

const death = {
  no_akta_kematian: '3519-KM-01022025-0001',
  nik: '3519014501400001',
  nama: 'Almh. Painem',
  jenis_kelamin: 'P',
  tempat_lahir: 'Madiun',
  tanggal_lahir: '1940-01-05',
  tanggal_kematian: '2025-01-20',
  kode_desa: '3577021009',
  nama_ibu_kandung: '',
};

const asn = {
  nip: '199006292019111001',
  nik: '3519012906900001',
  nama: 'Ganjaran Taufik, S.Pd.',
  tanggal_lahir: '29-06-1990',
  jenis_kelamin: 'l',
  jenis_aparatur: 'pns',
  instansi: 'Dinas Pendidikan',
  jabatan: 'Guru',
};

const codes = (result: { ok: boolean; reasons?: { field: string; code: string }[] }) =>
  result.ok ? [] : (result.reasons ?? []).map((r) => `${r.field}:${r.code}`);

describe('death register rows', () => {
  it('accepts a row, normalising the desa code and keeping an empty mother name empty', () => {
    const result = checkDeathRow(death, context());
    expect(result).toEqual({
      ok: true,
      entry: {
        certificate_no: '3519-KM-01022025-0001',
        nik: '3519014501400001',
        name: 'Almh. Painem',
        sex: 'P',
        birth_place: 'Madiun',
        birth_date: '1940-01-05',
        death_date: '2025-01-20',
        desa_code: '35.77.02.1009',
        mother_name: null,
      },
    });
  });

  it('accepts a row without NIK, sex, birth date or desa: registers often lack them', () => {
    const result = checkDeathRow(
      { ...death, nik: '', jenis_kelamin: '', tanggal_lahir: '', kode_desa: '', tempat_lahir: '' },
      context(),
    );
    expect(result.ok).toBe(true);
  });

  it('reports every reason of a bad row, each naming its field, in both languages', () => {
    const result = checkDeathRow(
      {
        no_akta_kematian: '',
        nik: '35190145',
        nama: ' ',
        jenis_kelamin: 'X',
        tanggal_lahir: '1940-02-30',
        tanggal_kematian: '2030-01-01',
        kode_desa: '35.19.99.9999',
      },
      context(),
    );
    expect(codes(result)).toEqual([
      'no_akta_kematian:required',
      'nama:required',
      'nik:nik_format',
      'jenis_kelamin:sex_invalid',
      'tanggal_lahir:date_invalid',
      'tanggal_kematian:date_range',
      'kode_desa:desa_unknown',
    ]);
    if (!result.ok) {
      for (const reason of result.reasons) {
        expect(reason.message).not.toBe('');
        expect(reason.message_en).not.toBe('');
      }
    }
  });

  it('rejects a death before the birth and a certificate seen on an earlier line', () => {
    const seen = context();
    expect(checkDeathRow(death, seen).ok).toBe(true);
    expect(codes(checkDeathRow({ ...death, tanggal_kematian: '1939-12-31' }, seen))).toEqual([
      'no_akta_kematian:duplicate',
      'tanggal_kematian:date_range',
    ]);
    expect(codes(checkDeathRow({ ...death, tanggal_kematian: 'kemarin' }, context()))).toEqual([
      'tanggal_kematian:date_invalid',
    ]);
  });
});

describe('ASN list rows', () => {
  it('accepts a row, reading codes case-insensitively and dates in DD-MM-YYYY', () => {
    const result = checkAsnRow(asn, context());
    expect(result).toEqual({
      ok: true,
      entry: {
        nip: '199006292019111001',
        nik: '3519012906900001',
        name: 'Ganjaran Taufik, S.Pd.',
        birth_date: '1990-06-29',
        sex: 'L',
        staff_kind: 'PNS',
        agency: 'Dinas Pendidikan',
        position: 'Guru',
      },
    });
  });

  it('takes an 8-digit NRP for TNI and Polri, and the same number once for each', () => {
    const seen = context();
    expect(checkAsnRow({ ...asn, nip: '82050001', jenis_aparatur: 'TNI' }, seen).ok).toBe(true);
    expect(checkAsnRow({ ...asn, nip: '82050001', jenis_aparatur: 'POLRI' }, seen).ok).toBe(true);
    expect(codes(checkAsnRow({ ...asn, nip: '82050001', jenis_aparatur: 'TNI' }, seen))).toEqual([
      'nip:duplicate',
    ]);
  });

  it('reports every reason of a bad row', () => {
    const result = checkAsnRow(
      {
        nip: '1990',
        nik: 'abc',
        nama: '',
        tanggal_lahir: '1850-01-01',
        jenis_kelamin: 'W',
        jenis_aparatur: 'PNS',
      },
      context(),
    );
    expect(codes(result)).toEqual([
      'nama:required',
      'nip:nip_format',
      'nik:nik_format',
      'jenis_kelamin:sex_invalid',
      'tanggal_lahir:date_range',
    ]);
    expect(codes(checkAsnRow({ ...asn, jenis_aparatur: 'Honorer' }, context()))).toEqual([
      'jenis_aparatur:code_invalid',
    ]);
    expect(codes(checkAsnRow({ ...asn, jenis_aparatur: '' }, context()))).toEqual([
      'jenis_aparatur:required',
    ]);
  });
});
