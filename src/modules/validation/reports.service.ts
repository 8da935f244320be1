import ExcelJS from 'exceljs';
import { type Actor, requirePermission } from '../../platform/actor.ts';
import type { AreaScope } from '../../platform/area-scope.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { maskIdentifier } from '../../platform/masking.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import { findRegion, type Region, searchRegions } from '../regions/index.ts';
import { isPeriod, REGISTRY_PERMISSIONS } from '../registry/index.ts';
import { beritaAcaraHtml } from './berita-acara.ts';
import { VALIDATION_PERMISSIONS as P } from './permissions.ts';
import * as repo from './reports.repository.ts';
import type { Bilingual, RuleInfo } from './rule.ts';
import { ALL_RULES } from './rules/index.ts';
import { FINDING_STATUSES, type FindingStatus, STATUS_LABELS } from './workflow.ts';

/** What every rule is, for the dashboard and the findings pages (no personal data). */
export function ruleCatalogue(actor: Actor): RuleInfo[] {
  requirePermission(actor, P.aggregates);
  return ALL_RULES.map(({ id, severity, subject, title, description }) => ({
    id,
    severity,
    subject,
    title,
    description,
  }));
}

type StatusCounts = Record<FindingStatus, number>;

const CHILD_LEVEL: Record<string, string | undefined> = {
  kabupaten_kota: 'kecamatan',
  kecamatan: 'desa_kelurahan',
};

/**
 * Findings counted by rule and by the area's kecamatan (or desa), per status, within the caller's
 * area: Beranda's "open findings by rule". Counts only, no personal rows.
 */
export async function findingsSummary(db: Db, actor: Actor, kabupatenCode: string, areaCode = kabupatenCode) {
  requirePermission(actor, P.aggregates);
  const area = areaCode.startsWith(kabupatenCode) ? await findRegion(db, areaCode) : undefined;
  if (!area) throw notFound(`Wilayah ${areaCode} tidak ditemukan`, `Region ${areaCode} not found`);
  const rows = await repo.counts(db, actor.scope, area.code);
  const childLevel = CHILD_LEVEL[area.level];
  const children = childLevel
    ? (await searchRegions(db, { parent: area.code, level: childLevel, limit: 1000 })).filter((child) =>
        reaches(actor.scope, child),
      )
    : [];
  return {
    area: { code: area.code, name: area.name, level: area.level },
    totals: statusCounts(rows),
    by_rule: ALL_RULES.map((rule) => ({
      rule_id: rule.id,
      title: rule.title,
      severity: rule.severity,
      subject: rule.subject,
      ...statusCounts(rows.filter((row) => row.rule_id === rule.id)),
    })),
    by_severity: (['tinggi', 'sedang', 'rendah'] as const).map((severity) => ({
      severity,
      ...statusCounts(rows.filter((row) => row.severity === severity)),
    })),
    children: children.map((child) => ({
      code: child.code,
      name: child.name,
      ...statusCounts(rows.filter((row) => row.desa_code.startsWith(child.code))),
    })),
  };
}

function statusCounts(rows: repo.CountRow[]): StatusCounts {
  const counts = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status as FindingStatus] += row.n;
  return counts;
}

function reaches(scope: AreaScope, region: Region): boolean {
  return (
    scope.all || scope.desaCodes.some((code) => code === region.code || code.startsWith(`${region.code}.`))
  );
}

/** A desa of the deployment's kabupaten inside the caller's area, or 404. */
async function desaInArea(db: Db, actor: Actor, kabupatenCode: string, code: string): Promise<Region> {
  const region = code.startsWith(`${kabupatenCode}.`) ? await findRegion(db, code) : undefined;
  if (region?.level !== 'desa_kelurahan' || !(actor.scope.all || actor.scope.desaCodes.includes(code))) {
    throw notFound(`Desa ${code} tidak ditemukan`, `Desa ${code} not found`);
  }
  return region;
}

const ruleTitle = (id: string): Bilingual =>
  ALL_RULES.find((rule) => rule.id === id)?.title ?? { id, en: id };

/**
 * A desa's unresolved findings as an XLSX sheet for the musdes, with empty columns for the meeting's
 * decision. NIK and KK are masked without the identity permission; the export is audited.
 */
export async function desaFindingsXlsx(db: Db, actor: Actor, kabupatenCode: string, code: string) {
  requirePermission(actor, P.read);
  const desa = await desaInArea(db, actor, kabupatenCode, code);
  const rows = await repo.unresolvedOfDesa(db, desa.code);
  const full = actor.permissions.has(REGISTRY_PERMISSIONS.readIdentity);
  const id = (value: string | null) => (value && !full ? maskIdentifier(value) : (value ?? ''));
  await recordAudit(db, actor, {
    action: 'export.findings',
    subjectType: 'desa',
    subjectId: desa.code,
    desaCode: desa.code,
    details: { rows: rows.length, identity: full },
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet('Temuan');
  sheet.columns = [
    { header: 'No. temuan', key: 'id', width: 11 },
    { header: 'Dusun', key: 'dusun', width: 14 },
    { header: 'RT/RW', key: 'rtrw', width: 9 },
    { header: 'ID keluarga', key: 'family', width: 14 },
    { header: 'Nama', key: 'name', width: 28 },
    { header: 'NIK', key: 'nik', width: 19 },
    { header: 'No. KK', key: 'kk', width: 19 },
    { header: 'Temuan', key: 'rule', width: 40 },
    { header: 'Tingkat', key: 'severity', width: 9 },
    { header: 'Status', key: 'status', width: 13 },
    { header: 'Keputusan musdes', key: 'decision', width: 24 },
    { header: 'Catatan', key: 'note', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow({
      id: row.id,
      dusun: row.dusun ?? '',
      rtrw: [row.rt, row.rw].filter(Boolean).join('/'),
      family: row.family_id ?? '',
      name: row.name ?? '',
      nik: id(row.nik),
      kk: id(row.kk),
      rule: ruleTitle(row.rule_id).id,
      severity: row.severity,
      status: STATUS_LABELS[row.status as FindingStatus]?.id ?? row.status,
    });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `temuan-${desa.code}-${desa.name.replace(/[^\w-]+/g, '_')}.xlsx`, buffer };
}

/** The first and last day of a quarter ('2025-Q3' -> 2025-07-01 .. 2025-09-30). */
export function quarterDates(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  const first = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const last = new Date(Date.UTC(year, quarter * 3, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * The Berita Acara of a desa for a quarter: every registry change decided through a finding in that
 * quarter, as a printable HTML page in Bahasa Indonesia with places to sign.
 */
export async function beritaAcara(db: Db, actor: Actor, kabupatenCode: string, code: string, period: string) {
  requirePermission(actor, P.read);
  if (!isPeriod(period)) {
    throw badRequest(
      `Periode "${period}" harus berbentuk TTTT-Qn`,
      `Period "${period}" must look like YYYY-Qn`,
      {
        field: 'period',
      },
    );
  }
  const desa = await desaInArea(db, actor, kabupatenCode, code);
  const kecamatan = desa.parent_code ? await findRegion(db, desa.parent_code) : undefined;
  const { from, to } = quarterDates(period);
  const rows = await repo.resolvedOfDesa(db, desa.code, from, to);
  const full = actor.permissions.has(REGISTRY_PERMISSIONS.readIdentity);
  await recordAudit(db, actor, {
    action: 'export.berita_acara',
    subjectType: 'desa',
    subjectId: desa.code,
    desaCode: desa.code,
    details: { period, rows: rows.length },
  });
  return beritaAcaraHtml({
    desa: desa.name,
    desaCode: desa.code,
    kecamatan: kecamatan?.name ?? '',
    period,
    from,
    to,
    rows: rows.map((row) => ({
      ...row,
      nik: row.nik && !full ? maskIdentifier(row.nik) : row.nik,
      rule: ruleTitle(row.rule_id).id,
    })),
  });
}
