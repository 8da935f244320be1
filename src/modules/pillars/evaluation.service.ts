import { type Actor, requirePermission } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import * as repo from './evaluation.repository.ts';
import { myMember } from './members.service.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';
import { quarterRange } from './quarter.ts';
import { METRIC_CODES, METRICS, type Metric } from './vocabulary.ts';
import { writeWorkbook } from './xlsx.ts';

type Work = repo.MemberWork;
type Target = Awaited<ReturnType<typeof repo.quarterTargets>>[number];

export interface MetricResult {
  metric: Metric;
  target: number | null;
  /** 'member': the member's own target; 'group': set for the pillar type or area; 'members': the sum of member targets. */
  target_source: 'member' | 'group' | 'members' | null;
  achieved: number;
  percent: number | null;
}

const QUALITY_KEYS = [
  'visits',
  'without_gps',
  'without_photo',
  'far_from_desa',
  'implausibly_fast',
  'findings_visited',
  'changes_approved',
  'changes_rejected',
  'changes_pending',
] as const;
type Quality = Record<(typeof QUALITY_KEYS)[number], number>;

const achievedOf = (work: Work, metric: Metric): number =>
  metric in work ? Number((work as unknown as Record<string, number>)[metric]) : 0;

function result(
  metric: Metric,
  achieved: number,
  target: number | null,
  source: MetricResult['target_source'],
): MetricResult {
  return {
    metric,
    target,
    target_source: target === null ? null : source,
    achieved,
    percent: target ? Math.round((achieved / target) * 1000) / 10 : null,
  };
}

const sumQuality = (rows: Work[]): Quality =>
  Object.fromEntries(QUALITY_KEYS.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Quality;

/** Targets against achievement per member, per pillar type and per kecamatan, with visit quality signals. */
export async function evaluate(db: Db, actor: Actor, quarter: string) {
  requirePermission(actor, P.evaluation);
  const range = quarterRange(quarter);
  const [work, targets] = await Promise.all([
    repo.memberWork(db, range, null),
    repo.quarterTargets(db, quarter),
  ]);
  const memberTargets = new Map<string, number>();
  for (const t of targets)
    if (t.member_id !== null) memberTargets.set(`${t.member_id}:${t.metric}`, t.target);
  const memberTarget = (id: number, metric: Metric) => memberTargets.get(`${id}:${metric}`) ?? null;

  const members = work.map((w) => ({
    member_id: w.member_id,
    name: w.name,
    pillar_type: w.pillar_type,
    organisation: w.organisation,
    kecamatan_codes: w.kecamatan_codes,
    metrics: METRIC_CODES.map((m) => result(m, achievedOf(w, m), memberTarget(w.member_id, m), 'member')),
    quality: Object.fromEntries(QUALITY_KEYS.map((k) => [k, w[k]])) as Quality,
  }));

  const group = (rows: Work[], groupTargets: Target[]) =>
    METRIC_CODES.map((m) => {
      const set = groupTargets.filter((t) => t.metric === m);
      const achieved = rows.reduce((s, r) => s + achievedOf(r, m), 0);
      if (set.length > 0)
        return result(
          m,
          achieved,
          set.reduce((s, t) => s + t.target, 0),
          'group',
        );
      const own = rows.map((r) => memberTarget(r.member_id, m)).filter((t): t is number => t !== null);
      return result(m, achieved, own.length ? own.reduce((s, t) => s + t, 0) : null, 'members');
    });

  const types = [...new Set(work.map((w) => w.pillar_type))].sort().map((type) => {
    const rows = work.filter((w) => w.pillar_type === type);
    return {
      pillar_type: type,
      members: rows.length,
      metrics: group(
        rows,
        targets.filter((t) => t.pillar_type === type),
      ),
      quality: sumQuality(rows),
    };
  });

  const kecamatanCodes = [...new Set(work.flatMap((w) => w.kecamatan_codes))].sort();
  const names = await repo.kecamatanNames(db, kecamatanCodes);
  const kecamatan = kecamatanCodes.map((code) => {
    // A member assigned to several kecamatan counts, whole, in each of them.
    const rows = work.filter((w) => w.kecamatan_codes.includes(code));
    const inArea = targets.filter((t) => t.pillar_type && t.area_code?.startsWith(code));
    return {
      kecamatan_code: code,
      kecamatan_name: names.get(code) ?? code,
      members: rows.length,
      metrics: group(rows, inArea),
      quality: sumQuality(rows),
    };
  });

  return {
    quarter,
    metrics: METRIC_CODES.map((code) => ({ code, ...METRICS[code] })),
    thresholds: repo.QUALITY_THRESHOLDS,
    members,
    pillar_types: types,
    kecamatan,
  };
}

/** A pilar's own quarter: their targets, what they achieved, their visit quality. */
export async function myEvaluation(db: Db, actor: Actor, quarter: string) {
  const me = await myMember(db, actor);
  const range = quarterRange(quarter);
  const [work] = await repo.memberWork(db, range, me.id);
  const targets = (await repo.quarterTargets(db, quarter)).filter((t) => t.member_id === me.id);
  const targetOf = (m: Metric) => targets.find((t) => t.metric === m)?.target ?? null;
  return {
    quarter,
    member_id: me.id,
    metrics: METRIC_CODES.map((m) => result(m, work ? achievedOf(work, m) : 0, targetOf(m), 'member')),
    quality: work ? (Object.fromEntries(QUALITY_KEYS.map((k) => [k, work[k]])) as Quality) : null,
  };
}

/** The evaluation as a workbook: one sheet per member, pillar type and kecamatan. */
export async function evaluationWorkbook(db: Db, actor: Actor, quarter: string): Promise<Buffer> {
  const evaluation = await evaluate(db, actor, quarter);
  const metricColumns = METRIC_CODES.flatMap((m) => [
    { header: `${METRICS[m].label} (target)`, key: `${m}_target` },
    { header: `${METRICS[m].label} (capaian)`, key: `${m}_achieved` },
    { header: `${METRICS[m].label} (%)`, key: `${m}_percent` },
  ]);
  const qualityColumns = [
    { header: 'Kunjungan', key: 'visits' },
    { header: 'Tanpa GPS', key: 'without_gps' },
    { header: 'Tanpa foto', key: 'without_photo' },
    { header: `> ${repo.QUALITY_THRESHOLDS.farFromDesaKm} km dari desa`, key: 'far_from_desa' },
    { header: 'Terlalu cepat', key: 'implausibly_fast' },
    { header: 'Temuan dikunjungi', key: 'findings_visited' },
    { header: 'Perubahan disetujui', key: 'changes_approved' },
    { header: 'Perubahan ditolak', key: 'changes_rejected' },
  ];
  const flat = (row: { metrics: MetricResult[]; quality: Quality }) => ({
    ...Object.fromEntries(
      row.metrics.flatMap((r) => [
        [`${r.metric}_target`, r.target],
        [`${r.metric}_achieved`, r.achieved],
        [`${r.metric}_percent`, r.percent],
      ]),
    ),
    ...row.quality,
  });
  return writeWorkbook([
    {
      name: 'Per anggota',
      columns: [
        { header: 'Nama', key: 'name', width: 28 },
        { header: 'Jenis pilar', key: 'pillar_type' },
        { header: 'Organisasi', key: 'organisation' },
        { header: 'Kecamatan', key: 'kecamatan' },
        ...metricColumns,
        ...qualityColumns,
      ],
      rows: evaluation.members.map((m) => ({
        ...flat(m),
        name: m.name,
        pillar_type: m.pillar_type,
        organisation: m.organisation,
        kecamatan: m.kecamatan_codes.join(', '),
      })),
    },
    {
      name: 'Per jenis pilar',
      columns: [
        { header: 'Jenis pilar', key: 'pillar_type' },
        { header: 'Anggota', key: 'members' },
        ...metricColumns,
        ...qualityColumns,
      ],
      rows: evaluation.pillar_types.map((t) => ({
        ...flat(t),
        pillar_type: t.pillar_type,
        members: t.members,
      })),
    },
    {
      name: 'Per kecamatan',
      columns: [
        { header: 'Kecamatan', key: 'kecamatan', width: 24 },
        { header: 'Anggota', key: 'members' },
        ...metricColumns,
        ...qualityColumns,
      ],
      rows: evaluation.kecamatan.map((k) => ({
        ...flat(k),
        kecamatan: `${k.kecamatan_name} (${k.kecamatan_code})`,
        members: k.members,
      })),
    },
  ]);
}
