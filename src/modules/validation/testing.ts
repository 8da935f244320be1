import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { runImport } from '../registry/import/import.service.ts';
import { importRow, writeCsv } from '../registry/import/test-fixtures.ts';
import { type ImportRow, nikDatePart } from '../registry/index.ts';
import type { Rule, RunScope } from './rule.ts';
import { STRUCTURAL_RULES } from './rules/index.ts';
import * as runs from './run.repository.ts';
import { executeRun } from './run-engine.ts';

/** Test data for the validation module: people whose NIK agrees with them unless a test says otherwise. */

export interface Member {
  id: string;
  name: string;
  sex?: 'L' | 'P';
  birth?: string;
  rel?: string;
  /** A NIK of the test's choosing; otherwise one that agrees with the birth date and sex. */
  nik?: string;
}

let serial = 0;

/** A NIK first registered in kecamatan 35.19.01 that agrees with the birth date and sex. */
export function nikFor(birth: string, sex: 'L' | 'P'): string {
  serial++;
  return `351901${nikDatePart(birth, sex)}${String(serial).padStart(4, '0')}`;
}

/** A valid KK of kecamatan 35.19.01 issued 1 May 2010. */
export function kkFor(n: number): string {
  return `351901010510${String(n).padStart(4, '0')}`;
}

/** One household's import rows: the family id is `KLG-<n>`, each member's id `ART-<member.id>`. */
export function household(
  n: number,
  desa: string,
  members: Member[],
  overrides: Partial<ImportRow> = {},
): ImportRow[] {
  return members.map((m) => {
    const sex = m.sex ?? 'L';
    const birth = m.birth ?? '1980-06-15';
    return importRow({
      id_keluarga: `KLG-${n}`,
      no_kk: kkFor(n),
      kode_desa: desa,
      id_individu: `ART-${m.id}`,
      nik: m.nik ?? nikFor(birth, sex),
      nama: m.name,
      jenis_kelamin: sex,
      tanggal_lahir: birth,
      hubungan_keluarga: m.rel ?? 'kepala_keluarga',
      ...overrides,
    });
  });
}

/** A head and a wife that pass every rule. */
export function couple(n: number, desa: string, name: string): ImportRow[] {
  return household(n, desa, [
    { id: `${n}-1`, name: `${name} Suami`, birth: '1975-04-02' },
    { id: `${n}-2`, name: `${name} Istri`, sex: 'P', birth: '1978-09-20', rel: 'istri_suami' },
  ]);
}

/** Imports each period's rows through the registry's importer, in order. */
export async function importPeriods(db: Db, periods: Record<string, ImportRow[]>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-validation-test-'));
  for (const [period, rows] of Object.entries(periods)) {
    const path = writeCsv(join(dir, `${period}.csv`), rows);
    const summary = await runImport(db, {
      path,
      fileName: `${period}.csv`,
      period,
      createdBy: 'test',
      kabupatenCode: '35.19',
    });
    if (summary.rowsRejected > 0) throw new Error(`test data rejected in ${period}: ${summary.message}`);
  }
}

/** Runs rules (the structural ones by default) straight through the engine, as a job would, and returns the stats. */
export async function validate(
  db: Db,
  scope: RunScope = { desaCodes: null },
  rules: readonly Rule[] = STRUCTURAL_RULES,
) {
  const runId = await runs.insertRun(db, { scope, trigger: 'manual', importId: null, by: 'test' });
  const stats = await executeRun(db, { runId, rules, scope, kabupatenCode: '35.19' });
  await runs.finishRun(db, runId, stats, null);
  return { runId, stats };
}

export interface FoundRow {
  id: number;
  rule_id: string;
  subject: string;
  key: string;
  severity: string;
  status: string;
  evidence: Record<string, unknown>;
}

/** Findings with their subject named by DTSEN id (ART-... / KLG-...), for readable assertions. */
export async function findingsOf(db: Db, ruleId?: string): Promise<FoundRow[]> {
  return db.query<FoundRow>(
    `SELECT f.id, f.rule_id, coalesce(p.person_id, h.family_id) AS subject, f.key, f.severity, f.status, f.evidence
     FROM findings f
     LEFT JOIN persons p ON f.subject_type = 'person' AND p.id = f.subject_id
     LEFT JOIN households h ON f.subject_type = 'household' AND h.id = f.subject_id
     WHERE $1::text IS NULL OR f.rule_id = $1 ORDER BY f.id`,
    [ruleId ?? null],
  );
}

/** An actor of the district office with every permission. */
export const districtOperator = () =>
  consoleActor('operator', [
    'validation.read',
    'validation.resolve',
    'validation.bulk',
    'validation.run',
    'validation.aggregates',
    'registry.read',
    'registry.read_identity',
    'registry.change_status',
    'registry.correct',
  ]);
