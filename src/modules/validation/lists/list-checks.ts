/**
 * Row checks of the external lists. Like the registry import, a row is checked on its own and every
 * reason it fails is reported, not only the first; a rejected row is kept, never silently dropped.
 */
export type ListKind = 'death' | 'asn';
export const LIST_KINDS: readonly ListKind[] = ['death', 'asn'];

export type ListRejectCode =
  | 'required'
  | 'nik_format'
  | 'nip_format'
  | 'date_invalid'
  | 'date_range'
  | 'sex_invalid'
  | 'desa_unknown'
  | 'code_invalid'
  | 'duplicate';

export interface ListRejectReason {
  field: string;
  code: ListRejectCode;
  message: string;
  message_en: string;
}

export const DEATH_COLUMNS = [
  'no_akta_kematian',
  'nik',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'tanggal_kematian',
  'kode_desa',
  'nama_ibu_kandung',
] as const;
export const ASN_COLUMNS = [
  'nip',
  'nik',
  'nama',
  'tanggal_lahir',
  'jenis_kelamin',
  'jenis_aparatur',
  'instansi',
  'jabatan',
] as const;

/** The columns a file must have in its header; the others may be absent. */
export const REQUIRED_LIST_COLUMNS: Record<ListKind, readonly string[]> = {
  death: ['no_akta_kematian', 'nama', 'tanggal_kematian'],
  asn: ['nip', 'nama', 'jenis_aparatur'],
};
export const LIST_COLUMNS: Record<ListKind, readonly string[]> = { death: DEATH_COLUMNS, asn: ASN_COLUMNS };

export interface DeathEntry {
  certificate_no: string;
  nik: string | null;
  name: string;
  sex: 'L' | 'P' | null;
  birth_place: string | null;
  birth_date: string | null;
  death_date: string;
  desa_code: string | null;
  mother_name: string | null;
}

export const STAFF_KINDS = ['PNS', 'PPPK', 'TNI', 'POLRI'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

export interface AsnEntry {
  nip: string;
  nik: string | null;
  name: string;
  birth_date: string | null;
  sex: 'L' | 'P' | null;
  staff_kind: StaffKind;
  agency: string | null;
  position: string | null;
}

export interface ListCheckContext {
  /** Every known desa/kelurahan code (dotted): a death is often registered outside the kabupaten. */
  isKnownDesa(code: string): boolean;
  /** 'YYYY-MM-DD': dates after it are in the future. */
  today: string;
  /** Keys (certificate number; staff kind and NIP) of the rows accepted so far in this file. */
  seen: Set<string>;
}

export type ListCheckResult<T> = { ok: true; entry: T } | { ok: false; reasons: ListRejectReason[] };

const reason = (
  field: string,
  code: ListRejectCode,
  message: string,
  message_en: string,
): ListRejectReason => ({ field, code, message, message_en });

type Raw = Readonly<Record<string, string | undefined>>;

export function checkDeathRow(raw: Raw, context: ListCheckContext): ListCheckResult<DeathEntry> {
  const value = (column: string) => (raw[column] ?? '').trim();
  const reasons: ListRejectReason[] = [];
  required(value, REQUIRED_LIST_COLUMNS.death, reasons);
  const certificate = value('no_akta_kematian');
  duplicateKey('no_akta_kematian', certificate, certificate, context, reasons);
  const nik = checkNik(value('nik'), reasons);
  const sex = checkSex(value('jenis_kelamin'), reasons);
  const birthDate = checkDate(
    'tanggal_lahir',
    'Tanggal lahir',
    'Birth date',
    value('tanggal_lahir'),
    context,
    reasons,
  );
  const deathDate = checkDate(
    'tanggal_kematian',
    'Tanggal kematian',
    'Death date',
    value('tanggal_kematian'),
    context,
    reasons,
  );
  if (birthDate && deathDate && deathDate < birthDate) {
    reasons.push(
      reason(
        'tanggal_kematian',
        'date_range',
        `Tanggal kematian ${deathDate} sebelum tanggal lahir ${birthDate}`,
        `Death date ${deathDate} is before the birth date ${birthDate}`,
      ),
    );
  }
  const desa = checkDesa(value('kode_desa'), context, reasons);
  if (reasons.length > 0) return { ok: false, reasons };
  context.seen.add(certificate);
  return {
    ok: true,
    entry: {
      certificate_no: certificate,
      nik,
      name: value('nama').replace(/\s+/g, ' '),
      sex,
      birth_place: value('tempat_lahir') || null,
      birth_date: birthDate,
      death_date: deathDate as string,
      desa_code: desa,
      mother_name: value('nama_ibu_kandung') || null,
    },
  };
}

export function checkAsnRow(raw: Raw, context: ListCheckContext): ListCheckResult<AsnEntry> {
  const value = (column: string) => (raw[column] ?? '').trim();
  const reasons: ListRejectReason[] = [];
  required(value, REQUIRED_LIST_COLUMNS.asn, reasons);
  const kindText = value('jenis_aparatur').toUpperCase();
  const kind = STAFF_KINDS.find((k) => k === kindText);
  if (kindText && !kind) {
    reasons.push(
      reason(
        'jenis_aparatur',
        'code_invalid',
        `Jenis aparatur "${value('jenis_aparatur')}" harus salah satu dari ${STAFF_KINDS.join(', ')}`,
        `Staff kind "${value('jenis_aparatur')}" must be one of ${STAFF_KINDS.join(', ')}`,
      ),
    );
  }
  const nip = value('nip');
  // NIP of PNS and PPPK: 18 digits. NRP of TNI and Polri: 8 digits for most, shorter for older officers.
  const nipPattern = kind === 'TNI' || kind === 'POLRI' ? /^\d{5,18}$/ : /^\d{18}$/;
  if (nip && !nipPattern.test(nip)) {
    const [id, en] =
      kind === 'TNI' || kind === 'POLRI'
        ? ['NRP harus 5-18 digit angka', 'NRP must be 5-18 digits']
        : ['NIP harus 18 digit angka', 'NIP must be 18 digits'];
    reasons.push(reason('nip', 'nip_format', `${id}: "${nip}"`, `${en}: "${nip}"`));
  }
  // TNI and Polri number their people separately (as PNS and PPPK do): the kind is part of the key.
  const key = kind ? `${kind}:${nip}` : '';
  duplicateKey('nip', key, nip, context, reasons);
  const nik = checkNik(value('nik'), reasons);
  const sex = checkSex(value('jenis_kelamin'), reasons);
  const birthDate = checkDate(
    'tanggal_lahir',
    'Tanggal lahir',
    'Birth date',
    value('tanggal_lahir'),
    context,
    reasons,
  );
  if (reasons.length > 0) return { ok: false, reasons };
  context.seen.add(key);
  return {
    ok: true,
    entry: {
      nip,
      nik,
      name: value('nama').replace(/\s+/g, ' '),
      birth_date: birthDate,
      sex,
      staff_kind: kind as StaffKind,
      agency: value('instansi') || null,
      position: value('jabatan') || null,
    },
  };
}

function required(
  value: (column: string) => string,
  columns: readonly string[],
  reasons: ListRejectReason[],
) {
  for (const column of columns) {
    if (!value(column))
      reasons.push(reason(column, 'required', `${column} wajib diisi`, `${column} is required`));
  }
}

function duplicateKey(
  column: string,
  key: string,
  shown: string,
  context: ListCheckContext,
  reasons: ListRejectReason[],
) {
  if (key && context.seen.has(key)) {
    reasons.push(
      reason(
        column,
        'duplicate',
        `${column} "${shown}" sudah ada pada baris sebelumnya`,
        `${column} "${shown}" already appeared on an earlier line`,
      ),
    );
  }
}

/** The NIK may be empty (registers often lack it); when given it must be 16 digits. */
function checkNik(nik: string, reasons: ListRejectReason[]): string | null {
  if (!nik) return null;
  if (/^\d{16}$/.test(nik)) return nik;
  reasons.push(
    reason('nik', 'nik_format', `NIK "${nik}" harus 16 digit angka`, `NIK "${nik}" must be 16 digits`),
  );
  return null;
}

function checkSex(text: string, reasons: ListRejectReason[]): 'L' | 'P' | null {
  if (!text) return null;
  const sex = text.toUpperCase();
  if (sex === 'L' || sex === 'P') return sex;
  reasons.push(
    reason(
      'jenis_kelamin',
      'sex_invalid',
      `Jenis kelamin "${text}" harus L atau P`,
      `Sex "${text}" must be L or P`,
    ),
  );
  return null;
}

const EARLIEST_DATE = '1900-01-01';

/** YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY; a real calendar date from 1900 up to today. */
function checkDate(
  column: string,
  label: string,
  labelEn: string,
  text: string,
  context: ListCheckContext,
  reasons: ListRejectReason[],
): string | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year === 0 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    reasons.push(
      reason(
        column,
        'date_invalid',
        `${label} "${text}" bukan tanggal yang valid (format YYYY-MM-DD atau DD-MM-YYYY)`,
        `${labelEn} "${text}" is not a valid date (YYYY-MM-DD or DD-MM-YYYY)`,
      ),
    );
    return null;
  }
  const iso10 = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (iso10 > context.today || iso10 < EARLIEST_DATE) {
    reasons.push(
      reason(
        column,
        'date_range',
        `${label} ${iso10} di masa depan atau sebelum 1900`,
        `${labelEn} ${iso10} is in the future or before 1900`,
      ),
    );
    return null;
  }
  return iso10;
}

function checkDesa(text: string, context: ListCheckContext, reasons: ListRejectReason[]): string | null {
  if (!text) return null;
  const digits = text.replace(/\./g, '');
  const code = /^\d{10}$/.test(digits)
    ? `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`
    : null;
  if (code && context.isKnownDesa(code)) return code;
  reasons.push(
    reason(
      'kode_desa',
      'desa_unknown',
      `Kode desa "${text}" bukan kode desa/kelurahan Kemendagri yang dikenal`,
      `Desa code "${text}" is not a known Kemendagri desa/kelurahan code`,
    ),
  );
  return null;
}
