import { normaliseRegionCode } from '../../regions/index.ts';
import { type ImportColumn, REQUIRED_COLUMNS } from '../import-format.ts';
import { formatDate, isCalendarDate } from '../nik.ts';
import { VOCABULARY, type VocabularyField } from '../vocabulary.ts';
import { type RejectReason, reason } from './reasons.ts';

/** A row that passed every row-level check, in the registry's own column names and types. */
export interface CheckedRow {
  family_id: string;
  kk: string;
  desa_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  desil: number;
  floor_type: string | null;
  wall_type: string | null;
  roof_type: string | null;
  drinking_water: string | null;
  sanitation: string | null;
  lighting: string | null;
  cooking_fuel: string | null;
  house_ownership: string | null;
  assets: string[];
  livestock: Record<string, number>;
  person_id: string;
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birth_place: string | null;
  birth_date: string;
  relationship: string;
  mother_name: string | null;
  marital_status: string | null;
  education: string | null;
  occupation: string | null;
  disability: string | null;
}

export interface CheckContext {
  /** Dotted desa/kelurahan codes of the deployment's kabupaten. */
  desaCodes: ReadonlySet<string>;
  /** 'YYYY-MM-DD': birth dates after it are in the future. */
  today: string;
}

export type CheckResult = { ok: true; row: CheckedRow } | { ok: false; reasons: RejectReason[] };

const CODED_COLUMNS: Record<string, VocabularyField> = {
  hubungan_keluarga: 'hubungan_keluarga',
  status_perkawinan: 'status_perkawinan',
  pendidikan: 'pendidikan',
  disabilitas: 'disabilitas',
  jenis_lantai: 'jenis_lantai',
  jenis_dinding: 'jenis_dinding',
  jenis_atap: 'jenis_atap',
  sumber_air_minum: 'sumber_air_minum',
  fasilitas_bab: 'fasilitas_bab',
  sumber_penerangan: 'sumber_penerangan',
  bahan_bakar_memasak: 'bahan_bakar_memasak',
  status_kepemilikan_rumah: 'status_kepemilikan_rumah',
};
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Checks one row on its own and reports every reason it fails, not only the first. */
export function checkRow(
  raw: Readonly<Record<string, string | undefined>>,
  context: CheckContext,
): CheckResult {
  const value = (column: ImportColumn) => (raw[column] ?? '').trim();
  const reasons: RejectReason[] = [];

  for (const column of REQUIRED_COLUMNS) {
    if (!value(column))
      reasons.push(reason(column, 'required', `${column} wajib diisi`, `${column} is required`));
  }
  for (const column of ['id_keluarga', 'id_individu'] as const) {
    const id = value(column);
    if (id && !ID_PATTERN.test(id)) {
      reasons.push(
        reason(
          column,
          'id_invalid',
          `${column} "${id}" hanya boleh huruf, angka, - dan _ (maks. 40)`,
          `${column} "${id}" may only hold letters, digits, - and _ (max 40)`,
        ),
      );
    }
  }
  for (const [column, code, label] of [
    ['nik', 'nik_format', 'NIK'],
    ['no_kk', 'kk_format', 'No. KK'],
  ] as const) {
    const id = value(column);
    if (id && !/^\d{16}$/.test(id)) {
      reasons.push(
        reason(column, code, `${label} "${id}" harus 16 digit angka`, `${label} "${id}" must be 16 digits`),
      );
    }
  }

  const birthDate = parseBirthDate(value('tanggal_lahir'), context.today, reasons);
  const desaCode = checkDesa(value('kode_desa'), context, reasons);
  const desil = checkDesil(value('desil'), reasons);
  const sex = value('jenis_kelamin').toUpperCase();
  if (value('jenis_kelamin') && sex !== 'L' && sex !== 'P') {
    reasons.push(
      reason(
        'jenis_kelamin',
        'sex_invalid',
        `Jenis kelamin "${value('jenis_kelamin')}" harus L atau P`,
        `Sex "${value('jenis_kelamin')}" must be L or P`,
      ),
    );
  }
  const codes: Record<string, string | null> = {};
  for (const [column, field] of Object.entries(CODED_COLUMNS)) {
    codes[column] = checkCode(column, field, value(column as ImportColumn), reasons);
  }
  for (const column of ['rt', 'rw'] as const) {
    if (value(column) && !/^\d{1,3}$/.test(value(column))) {
      reasons.push(
        reason(
          column,
          'rt_rw_invalid',
          `${column.toUpperCase()} "${value(column)}" harus 1-3 digit angka`,
          `${column.toUpperCase()} "${value(column)}" must be 1-3 digits`,
        ),
      );
    }
  }
  const assets = checkAssets(value('aset'), reasons);
  const livestock = checkLivestock(value('ternak'), reasons);

  if (reasons.length > 0) return { ok: false, reasons };
  const optional = (column: ImportColumn) => value(column) || null;
  return {
    ok: true,
    row: {
      family_id: value('id_keluarga'),
      kk: value('no_kk'),
      desa_code: desaCode as string,
      address: optional('alamat'),
      rt: optional('rt'),
      rw: optional('rw'),
      dusun: optional('dusun'),
      desil: desil as number,
      floor_type: codes.jenis_lantai ?? null,
      wall_type: codes.jenis_dinding ?? null,
      roof_type: codes.jenis_atap ?? null,
      drinking_water: codes.sumber_air_minum ?? null,
      sanitation: codes.fasilitas_bab ?? null,
      lighting: codes.sumber_penerangan ?? null,
      cooking_fuel: codes.bahan_bakar_memasak ?? null,
      house_ownership: codes.status_kepemilikan_rumah ?? null,
      assets,
      livestock,
      person_id: value('id_individu'),
      nik: value('nik'),
      name: value('nama').replace(/\s+/g, ' '),
      sex: sex as 'L' | 'P',
      birth_place: optional('tempat_lahir'),
      birth_date: birthDate as string,
      relationship: codes.hubungan_keluarga as string,
      mother_name: optional('nama_ibu_kandung'),
      marital_status: codes.status_perkawinan ?? null,
      education: codes.pendidikan ?? null,
      occupation: optional('pekerjaan'),
      disability: codes.disabilitas ?? null,
    },
  };
}

function parseBirthDate(text: string, today: string, reasons: RejectReason[]): string | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const parts = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : null;
  if (!parts || !isCalendarDate(parts[0] as number, parts[1] as number, parts[2] as number)) {
    reasons.push(
      reason(
        'tanggal_lahir',
        'date_invalid',
        `Tanggal lahir "${text}" bukan tanggal yang valid (format YYYY-MM-DD atau DD-MM-YYYY)`,
        `Birth date "${text}" is not a valid date (YYYY-MM-DD or DD-MM-YYYY)`,
      ),
    );
    return null;
  }
  const date = formatDate(parts[0] as number, parts[1] as number, parts[2] as number);
  if (date > today || date < EARLIEST_BIRTH_DATE) {
    reasons.push(
      reason(
        'tanggal_lahir',
        'date_range',
        `Tanggal lahir ${date} di masa depan atau sebelum 1900`,
        `Birth date ${date} is in the future or before 1900`,
      ),
    );
    return null;
  }
  return date;
}

function checkDesa(text: string, context: CheckContext, reasons: RejectReason[]): string | null {
  if (!text) return null;
  const code = normaliseRegionCode(text);
  if (!code || !context.desaCodes.has(code)) {
    reasons.push(
      reason(
        'kode_desa',
        'desa_unknown',
        `Kode desa "${text}" tidak dikenal di kabupaten ini`,
        `Desa code "${text}" is not a desa of this kabupaten`,
      ),
    );
    return null;
  }
  return code;
}

function checkDesil(text: string, reasons: RejectReason[]): number | null {
  if (!text) return null;
  const desil = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!(desil >= 1 && desil <= 10)) {
    reasons.push(
      reason(
        'desil',
        'desil_range',
        `Desil "${text}" harus angka 1 sampai 10`,
        `Desil "${text}" must be 1 to 10`,
      ),
    );
    return null;
  }
  return desil;
}

function checkCode(
  column: string,
  field: VocabularyField,
  text: string,
  reasons: RejectReason[],
): string | null {
  if (!text) return null;
  const code = text.toLowerCase();
  if (!(VOCABULARY[field] as readonly string[]).includes(code)) {
    reasons.push(
      reason(
        column,
        'code_invalid',
        `${column} "${text}" tidak ada dalam daftar kode`,
        `${column} "${text}" is not in the code list`,
      ),
    );
    return null;
  }
  return code;
}

function checkAssets(text: string, reasons: RejectReason[]): string[] {
  if (!text) return [];
  const items = text
    .split(';')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const unknown = items.filter((item) => !(VOCABULARY.aset as readonly string[]).includes(item));
  if (unknown.length > 0) {
    reasons.push(
      reason(
        'aset',
        'code_invalid',
        `aset tidak dikenal: ${unknown.join(', ')}`,
        `unknown assets: ${unknown.join(', ')}`,
      ),
    );
  }
  return [...new Set(items)].sort();
}

function checkLivestock(text: string, reasons: RejectReason[]): Record<string, number> {
  const livestock: Record<string, number> = {};
  if (!text) return livestock;
  for (const item of text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*:\s*(\d{1,6})$/i.exec(item);
    const kind = match?.[1]?.toLowerCase();
    if (!match || !kind || !(VOCABULARY.ternak as readonly string[]).includes(kind)) {
      reasons.push(
        reason(
          'ternak',
          'code_invalid',
          `ternak "${item}" harus berbentuk jenis:jumlah dengan jenis yang dikenal`,
          `livestock "${item}" must be kind:count with a known kind`,
        ),
      );
      continue;
    }
    livestock[kind] = (livestock[kind] ?? 0) + Number(match[2]);
  }
  return livestock;
}
