import type { Evaluation, PillarTarget } from './types.ts';

const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

/**
 * What a target's member or group achieved so far, from the quarter's evaluation; null when the
 * evaluation does not count it apart (a type's target in one desa: members are counted per kecamatan).
 */
export function achievedFor(target: PillarTarget, evaluation: Evaluation): number | null {
  const of = (metrics: { metric: string; achieved: number }[]) =>
    metrics.find((m) => m.metric === target.metric)?.achieved ?? 0;
  if (target.member_id !== null) {
    const member = evaluation.members.find((m) => m.member_id === target.member_id);
    return member ? of(member.metrics) : 0;
  }
  if (target.area_code === null) {
    const type = evaluation.pillar_types.find((row) => row.pillar_type === target.pillar_type);
    return type ? of(type.metrics) : 0;
  }
  if (!KECAMATAN_CODE.test(target.area_code)) return null;
  // As the evaluation counts a kecamatan: a member covering several counts, whole, in each.
  return evaluation.members
    .filter(
      (m) => m.pillar_type === target.pillar_type && m.kecamatan_codes.includes(target.area_code as string),
    )
    .reduce((sum, m) => sum + of(m.metrics), 0);
}
