/** Why a row was rejected: the field, a stable code, and messages in Bahasa Indonesia and English. */
export interface RejectReason {
  field: string;
  code: RejectCode;
  message: string;
  message_en: string;
}

export type RejectCode =
  | 'required'
  | 'nik_format'
  | 'kk_format'
  | 'date_invalid'
  | 'date_range'
  | 'desa_unknown'
  | 'desil_range'
  | 'sex_invalid'
  | 'code_invalid'
  | 'id_invalid'
  | 'rt_rw_invalid'
  | 'id_individu_duplicate'
  | 'household_conflict';

export function reason(field: string, code: RejectCode, message: string, message_en: string): RejectReason {
  return { field, code, message, message_en };
}
