import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import { findingsRoutes } from './findings.routes.ts';
import { listRoutes } from './lists/lists.routes.ts';
import { pairDecisionRoutes } from './pairs/pair-decisions.routes.ts';
import { validationRoutes as runAndReportRoutes } from './validation.routes.ts';

export { visibleEvidence } from './evidence.ts';
export type { OpenFindingRow } from './findings.repository.ts';
export {
  assign as assignFinding,
  BULK_LIMIT,
  bulkDecide,
  comment as commentOnFinding,
  decide as decideFinding,
  type FindingFilter,
  getFinding,
  listFindings,
  listOpenFindings,
  setFindingTasks,
} from './findings.service.ts';
export type { ListKind } from './lists/list-checks.ts';
export type { ListImportSummary } from './lists/list-import.ts';
export {
  getList,
  listLists,
  listRejects as listListRejects,
  rejectsCsv as listRejectsCsv,
  startListImportJob,
} from './lists/lists.service.ts';
export { pairDecisions, recordPairDecision } from './pairs/pair-decisions.service.ts';
export { VALIDATION_PERMISSIONS } from './permissions.ts';
export { beritaAcara, desaFindingsXlsx, findingsSummary, ruleCatalogue } from './reports.service.ts';
export type {
  Bilingual,
  FindingCandidate,
  ProgramRule,
  Rule,
  RuleContext,
  RuleInfo,
  RunScope,
  Severity,
  SqlRule,
} from './rule.ts';
export { ALL_RULES, STRUCTURAL_RULES } from './rules/index.ts';
export {
  getRun,
  listRuns,
  type RunSummary,
  startRunAfterImport,
  startValidationRun,
} from './runs.service.ts';
export { FINDING_STATUSES, type FindingStatus, RESOLUTION_ACTIONS, type Resolution } from './workflow.ts';

export async function validationRoutes(app: FastifyInstance, context: AppContext) {
  await findingsRoutes(app, context);
  await runAndReportRoutes(app, context);
  await listRoutes(app, context);
  await pairDecisionRoutes(app, context);
}
