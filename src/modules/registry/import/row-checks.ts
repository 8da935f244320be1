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

const CODED_COLUMNS = [
  'hubungan_keluarga',
  'status_perkawinan',
  'pendidikan',
  'disabilitas',
  'jenis_lantai',
  'jenis_dinding',
  'jenis_atap',
  'sumber_air_minum',
  'fasilitas_bab',
  'sumber_penerangan',
  'bahan_bakar_memasak',
  'status_kepemilikan_rumah',
] as const satisfies readonly (ImportColumn & VocabularyField)[];
type CodedColumn = (typeof CODED_COLUMNS)[number];
const CODES = {} as Record<VocabularyField, ReadonlySet<string>>;
for (const field of Object.keys(VOCABULARY) as VocabularyField[]) CODES[field] = new Set(VOCABULARY[field]);
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** A field's checked value, and why it fails when it does. */
interface Checked<T> {
  value: T;
  reasons: readonly RejectReason[];
}
const NO_REASONS: readonly RejectReason[] = [];

/**
 * The members of a household sit on adjacent rows and repeat its columns, so a check of one
 * column's text keeps its last answer: most rows of a large file then skip the household checks.
 * The answer (an assets array, say) is then shared by those rows' results: they are read only.
 */
function rememberLast<T>(check: (text: string, context: CheckContext) => Checked<T>) {
  let lastText: string | undefined;
  let lastContext: CheckContext | undefined;
  let last: Checked<T> | undefined;
  return (text: string, context: CheckContext): Checked<T> => {
    if (text !== lastText || context !== lastContext || !last) {
      last = check(text, context);
      lastText = text;
      lastContext = context;
    }
    return last;
  };
}

const checkDesaText = rememberLast(checkDesa);
const checkDesilText = rememberLast(checkDesil);
const checkAssetsText = rememberLast(checkAssets);
const checkLivestockText = rememberLast(checkLivestock);
const checkRtText = rememberLast((text) => checkRtRw('rt', text));
const checkRwText = rememberLast((text) => checkRtRw('rw', text));
const checkCodeText = Object.fromEntries(
  CODED_COLUMNS.map((column) => [column, rememberLast((text) => checkCode(column, text))]),
) as Record<CodedColumn, (text: string, context: CheckContext) => Checked<string | null>>;

/** Checks one row on its own and reports every reason it fails, not only the first. */
export function checkRow(
  raw: Readonly<Record<string, string | undefined>>,
  context: CheckContext,
): CheckResult {
  const familyId = text(raw, 'id_keluarga');
  const personId = text(raw, 'id_individu');
  const nik = text(raw, 'nik');
  const kk = text(raw, 'no_kk');
  const sexText = text(raw, 'jenis_kelamin');
  const reasons: RejectReason[] = [];

  for (const column of REQUIRED_COLUMNS) {
    if (!text(raw, column))
      reasons.push(reason(column, 'required', `${column} wajib diisi`, `${column} is required`));
  }
  checkId('id_keluarga', familyId, reasons);
  checkId('id_individu', personId, reasons);
  checkDigits16('nik', 'nik_format', 'NIK', nik, reasons);
  checkDigits16('no_kk', 'kk_format', 'No. KK', kk, reasons);
  const birthDate = take(parseBirthDate(text(raw, 'tanggal_lahir'), context), reasons);
  const desaCode = take(checkDesaText(text(raw, 'kode_desa'), context), reasons);
  const desil = take(checkDesilText(text(raw, 'desil'), context), reasons);
  const sex = sexText.toUpperCase();
  if (sexText && sex !== 'L' && sex !== 'P') {
    reasons.push(
      reason(
        'jenis_kelamin',
        'sex_invalid',
        `Jenis kelamin "${sexText}" harus L atau P`,
        `Sex "${sexText}" must be L or P`,
      ),
    );
  }
  const relationship = code(raw, 'hubungan_keluarga', context, reasons);
  const maritalStatus = code(raw, 'status_perkawinan', context, reasons);
  const education = code(raw, 'pendidikan', context, reasons);
  const disability = code(raw, 'disabilitas', context, reasons);
  const floorType = code(raw, 'jenis_lantai', context, reasons);
  const wallType = code(raw, 'jenis_dinding', context, reasons);
  const roofType = code(raw, 'jenis_atap', context, reasons);
  const drinkingWater = code(raw, 'sumber_air_minum', context, reasons);
  const sanitation = code(raw, 'fasilitas_bab', context, reasons);
  const lighting = code(raw, 'sumber_penerangan', context, reasons);
  const cookingFuel = code(raw, 'bahan_bakar_memasak', context, reasons);
  const houseOwnership = code(raw, 'status_kepemilikan_rumah', context, reasons);
  const rt = take(checkRtText(text(raw, 'rt'), context), reasons);
  const rw = take(checkRwText(text(raw, 'rw'), context), reasons);
  const assets = take(checkAssetsText(text(raw, 'aset'), context), reasons);
  const livestock = take(checkLivestockText(text(raw, 'ternak'), context), reasons);

  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    row: {
      family_id: familyId,
      kk,
      desa_code: desaCode as string,
      address: text(raw, 'alamat') || null,
      rt,
      rw,
      dusun: text(raw, 'dusun') || null,
      desil: desil as number,
      floor_type: floorType,
      wall_type: wallType,
      roof_type: roofType,
      drinking_water: drinkingWater,
      sanitation,
      lighting,
      cooking_fuel: cookingFuel,
      house_ownership: houseOwnership,
      assets,
      livestock,
      person_id: personId,
      nik,
      name: text(raw, 'nama').replace(/\s+/g, ' '),
      sex: sex as 'L' | 'P',
      birth_place: text(raw, 'tempat_lahir') || null,
      birth_date: birthDate as string,
      relationship: relationship as string,
      mother_name: text(raw, 'nama_ibu_kandung') || null,
      marital_status: maritalStatus,
      education,
      occupation: text(raw, 'pekerjaan') || null,
      disability,
    },
  };
}

/** Module-level helpers rather than closures: checkRow runs for millions of rows. */
function text(raw: Readonly<Record<string, string | undefined>>, column: ImportColumn): string {
  return (raw[column] ?? '').trim();
}

function code(
  raw: Readonly<Record<string, string | undefined>>,
  column: CodedColumn,
  context: CheckContext,
  reasons: RejectReason[],
): string | null {
  return take(checkCodeText[column](text(raw, column), context), reasons);
}

function take<T>(checked: Checked<T>, reasons: RejectReason[]): T {
  if (checked.reasons.length > 0) reasons.push(...checked.reasons);
  return checked.value;
}

const ok = <T>(value: T): Checked<T> => ({ value, reasons: NO_REASONS });
const failed = <T>(value: T, ...reasons: RejectReason[]): Checked<T> => ({ value, reasons });

function checkId(column: 'id_keluarga' | 'id_individu', id: string, reasons: RejectReason[]): void {
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

function checkDigits16(
  column: 'nik' | 'no_kk',
  code: 'nik_format' | 'kk_format',
  label: string,
  id: string,
  reasons: RejectReason[],
): void {
  if (id && !/^\d{16}$/.test(id)) {
    reasons.push(
      reason(column, code, `${label} "${id}" harus 16 digit angka`, `${label} "${id}" must be 16 digits`),
    );
  }
}

function parseBirthDate(text: string, context: CheckContext): Checked<string | null> {
  if (!text) return ok(null);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = iso ? null : /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const parts = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : null;
  if (!parts || !isCalendarDate(parts[0] as number, parts[1] as number, parts[2] as number)) {
    return failed(
      null,
      reason(
        'tanggal_lahir',
        'date_invalid',
        `Tanggal lahir "${text}" bukan tanggal yang valid (format YYYY-MM-DD atau DD-MM-YYYY)`,
        `Birth date "${text}" is not a valid date (YYYY-MM-DD or DD-MM-YYYY)`,
      ),
    );
  }
  const date = formatDate(parts[0] as number, parts[1] as number, parts[2] as number);
  if (date > context.today || date < EARLIEST_BIRTH_DATE) {
    return failed(
      null,
      reason(
        'tanggal_lahir',
        'date_range',
        `Tanggal lahir ${date} di masa depan atau sebelum 1900`,
        `Birth date ${date} is in the future or before 1900`,
      ),
    );
  }
  return ok(date);
}

function checkDesa(text: string, context: CheckContext): Checked<string | null> {
  if (!text) return ok(null);
  const code = normaliseRegionCode(text);
  if (!code || !context.desaCodes.has(code)) {
    return failed(
      null,
      reason(
        'kode_desa',
        'desa_unknown',
        `Kode desa "${text}" tidak dikenal di kabupaten ini`,
        `Desa code "${text}" is not a desa of this kabupaten`,
      ),
    );
  }
  return ok(code);
}

function checkDesil(text: string): Checked<number | null> {
  if (!text) return ok(null);
  const desil = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!(desil >= 1 && desil <= 10)) {
    return failed(
      null,
      reason(
        'desil',
        'desil_range',
        `Desil "${text}" harus angka 1 sampai 10`,
        `Desil "${text}" must be 1 to 10`,
      ),
    );
  }
  return ok(desil);
}

function checkCode(column: CodedColumn, text: string): Checked<string | null> {
  if (!text) return ok(null);
  const code = text.toLowerCase();
  if (!CODES[column].has(code)) {
    return failed(
      null,
      reason(
        column,
        'code_invalid',
        `${column} "${text}" tidak ada dalam daftar kode`,
        `${column} "${text}" is not in the code list`,
      ),
    );
  }
  return ok(code);
}

function checkRtRw(column: 'rt' | 'rw', text: string): Checked<string | null> {
  if (!text) return ok(null);
  if (!/^\d{1,3}$/.test(text)) {
    return failed(
      null,
      reason(
        column,
        'rt_rw_invalid',
        `${column.toUpperCase()} "${text}" harus 1-3 digit angka`,
        `${column.toUpperCase()} "${text}" must be 1-3 digits`,
      ),
    );
  }
  return ok(text);
}

function checkAssets(text: string): Checked<string[]> {
  if (!text) return ok([]);
  const items = text
    .split(';')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const assets = [...new Set(items)].sort();
  const unknown = items.filter((item) => !CODES.aset.has(item));
  if (unknown.length === 0) return ok(assets);
  return failed(
    assets,
    reason(
      'aset',
      'code_invalid',
      `aset tidak dikenal: ${unknown.join(', ')}`,
      `unknown assets: ${unknown.join(', ')}`,
    ),
  );
}

function checkLivestock(text: string): Checked<Record<string, number>> {
  const livestock: Record<string, number> = {};
  const reasons: RejectReason[] = [];
  for (const item of text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*:\s*(\d{1,6})$/i.exec(item);
    const kind = match?.[1]?.toLowerCase();
    if (!match || !kind || !CODES.ternak.has(kind)) {
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
  return { value: livestock, reasons };
}
