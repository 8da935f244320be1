import { isQuarter } from './quarter.ts';
import type { TargetInput } from './targets.repository.ts';
import { METRIC_CODES } from './vocabulary.ts';

/** One target as typed (API body or a sheet row), before it is checked. */
export interface RawTarget {
  quarter?: unknown;
  metric?: unknown;
  member_id?: unknown;
  member_nik?: unknown;
  pillar_type?: unknown;
  area_code?: unknown;
  target?: unknown;
}

export interface TargetProblem {
  row?: number;
  field: string;
  reason: string;
  reason_en: string;
}

export interface Known {
  memberIds: ReadonlySet<number>;
  memberByNik: ReadonlyMap<string, number>;
  types: ReadonlySet<string>;
  areas: ReadonlySet<string>;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** Checks one target against the members, types and areas there are; every problem is named. */
export function checkTarget(
  raw: RawTarget,
  known: Known,
  row?: number,
): { target?: TargetInput; problems: TargetProblem[] } {
  const problems: TargetProblem[] = [];
  const problem = (field: string, reason: string, reason_en: string) =>
    problems.push({ ...(row === undefined ? {} : { row }), field, reason, reason_en });
  const quarter = text(raw.quarter);
  if (!isQuarter(quarter))
    problem(
      'quarter',
      `kuartal "${quarter}" harus berbentuk TTTT-Qn`,
      `quarter "${quarter}" must look like YYYY-Qn`,
    );
  const metric = text(raw.metric);
  if (!(METRIC_CODES as string[]).includes(metric))
    problem(
      'metric',
      `metrik "${metric}" tidak dikenal (${METRIC_CODES.join(', ')})`,
      `unknown metric "${metric}"`,
    );
  let memberId: number | null = null;
  const nik = text(raw.member_nik);
  if (text(raw.member_id)) {
    memberId = Number(text(raw.member_id));
    if (!known.memberIds.has(memberId))
      problem('member_id', `anggota #${text(raw.member_id)} tidak ada`, `no member #${text(raw.member_id)}`);
  } else if (nik) {
    memberId = known.memberByNik.get(nik) ?? null;
    if (memberId === null)
      problem('member_nik', 'tidak ada anggota dengan NIK ini', 'no member has this NIK');
  }
  const pillarType = text(raw.pillar_type) || null;
  const areaCode = text(raw.area_code) || null;
  if (memberId === null && !pillarType && problems.every((p) => !p.field.startsWith('member')))
    problem(
      'member_id',
      'isi anggota (id atau NIK) atau jenis pilar',
      'give a member (id or NIK) or a pillar type',
    );
  if ((memberId !== null || nik) && (pillarType || areaCode))
    problem(
      'pillar_type',
      'target anggota tidak diberi jenis pilar atau wilayah',
      'a member target has no pillar type or area',
    );
  if (pillarType && !known.types.has(pillarType))
    problem(
      'pillar_type',
      `jenis pilar "${pillarType}" tidak dikenal`,
      `unknown pillar type "${pillarType}"`,
    );
  if (areaCode && !known.areas.has(areaCode))
    problem(
      'area_code',
      `wilayah ${areaCode} bukan desa atau kecamatan kabupaten ini`,
      `area ${areaCode} is not a desa or kecamatan of this district`,
    );
  const value = Number(text(raw.target));
  if (text(raw.target) === '' || !Number.isInteger(value) || value < 0 || value > 1_000_000)
    problem('target', 'target harus bilangan bulat 0 atau lebih', 'target must be a whole number, 0 or more');
  if (problems.length > 0) return { problems };
  return {
    target: {
      quarter,
      metric,
      memberId,
      pillarType: memberId === null ? pillarType : null,
      areaCode,
      target: value,
    },
    problems,
  };
}
