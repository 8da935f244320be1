import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, badRequest } from '../../server/errors.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';
import { quarterRange } from './quarter.ts';
import { checkTarget, type RawTarget, type TargetProblem } from './targets.check.ts';
import * as repo from './targets.repository.ts';
import { METRICS } from './vocabulary.ts';
import { readSheet } from './xlsx.ts';

/** Column names a target sheet may use, Indonesian or English. */
const SHEET_COLUMNS: Record<string, string> = {
  kuartal: 'quarter',
  metrik: 'metric',
  anggota_id: 'member_id',
  id_anggota: 'member_id',
  nik_anggota: 'member_nik',
  jenis_pilar: 'pillar_type',
  wilayah: 'area_code',
  kode_wilayah: 'area_code',
};

export function listMetrics() {
  return Object.entries(METRICS).map(([code, m]) => ({ code, ...m }));
}

export async function listTargets(
  db: Db,
  actor: Actor,
  filter: { quarter: string; member_id?: number; pillar_type?: string },
) {
  requirePermission(actor, P.read);
  quarterRange(filter.quarter);
  return repo.listTargets(db, {
    quarter: filter.quarter,
    memberId: filter.member_id,
    pillarType: filter.pillar_type,
  });
}

/** Sets targets typed by the Dinas; all or none: any problem refuses the whole list, naming each. */
export async function setTargets(db: Db, actor: Actor, raws: RawTarget[], kabupatenCode: string) {
  requirePermission(actor, P.manage);
  const known = await repo.lookups(db, kabupatenCode);
  const checked = raws.map((raw, i) => ({ row: i + 1, ...checkTarget(raw, known, i + 1) }));
  return save(db, actor, checked, 'api');
}

/** Bulk targets from an XLSX sheet: columns kuartal, metrik, anggota_id or nik_anggota, jenis_pilar, wilayah, target. */
export async function importTargets(db: Db, actor: Actor, data: Buffer, kabupatenCode: string) {
  requirePermission(actor, P.manage);
  const rows = await readSheet(data, SHEET_COLUMNS);
  if (rows.length === 0) throw badRequest('Lembar target kosong', 'The target sheet has no rows');
  const known = await repo.lookups(db, kabupatenCode);
  const checked = rows.map(({ row, values }) => ({ row, ...checkTarget(values, known, row) }));
  return save(db, actor, checked, 'xlsx');
}

async function save(
  db: Db,
  actor: Actor,
  checked: { row: number; target?: repo.TargetInput; problems: TargetProblem[] }[],
  from: 'api' | 'xlsx',
) {
  const problems = checked.flatMap((c) => c.problems);
  const seen = new Map<string, number>();
  for (const { row, target: t } of checked) {
    if (!t) continue;
    const key = [t.quarter, t.metric, t.memberId, t.pillarType, t.areaCode].join('|');
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        row,
        field: 'target',
        reason: `target yang sama sudah ada di baris ${first}`,
        reason_en: `the same target is already on row ${first}`,
      });
    else seen.set(key, row);
  }
  if (problems.length > 0) {
    throw new AppError(
      400,
      'invalid_targets',
      `${problems.length} masalah pada target; tidak ada yang disimpan`,
      `${problems.length} problems in the targets; nothing was saved`,
      { problems },
    );
  }
  const targets = checked.map((c) => c.target as repo.TargetInput);
  await db.transaction(async (tx) => {
    await repo.upsertTargets(tx, targets, actor.id);
    await recordAudit(tx, actor, {
      action: 'pillar.targets_set',
      subjectType: 'pillar_targets',
      details: { from, count: targets.length },
    });
  });
  return { saved: targets.length };
}
