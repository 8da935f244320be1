export type { AuditFilter, AuditRow } from './audit.repository.ts';
export { auditRoutes } from './audit.routes.ts';
export { AUDIT_PERMISSIONS, auditCsv, searchAudit } from './audit.service.ts';
export { type AuditCaller, type AuditEvent, recordAudit } from './record.ts';
