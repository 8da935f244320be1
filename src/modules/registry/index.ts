import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import { importRoutes } from './import/imports.routes.ts';
import { registryRoutes as coreRoutes } from './registry.routes.ts';
import { summaryRoutes } from './summary.routes.ts';

export { CORRECTABLE_FIELDS, type CorrectableField, correctionProblem } from './correction.ts';
export { cleanUpInterrupted as cleanUpInterruptedImports } from './import/import.repository.ts';
export type { ImportSummary } from './import/import.service.ts';
export { getImport, listImports, rejectsCsv, startImportJob } from './import/imports.service.ts';
export { IMPORT_COLUMNS, type ImportRow, REQUIRED_COLUMNS } from './import-format.ts';
export { isNikFormat, nikDatePart, type ParsedNik, parseNik } from './nik.ts';
export { isPeriod } from './period.ts';
export { REGISTRY_PERMISSIONS } from './permissions.ts';
export * from './registry.service.ts';
export { RECORD_STATUSES, type RecordStatus, VOCABULARY } from './vocabulary.ts';

export async function registryRoutes(app: FastifyInstance, context: AppContext) {
  await coreRoutes(app, context);
  await importRoutes(app, context);
  await summaryRoutes(app, context);
}
