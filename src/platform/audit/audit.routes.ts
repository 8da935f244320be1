import type { FastifyInstance } from 'fastify';
import { sendCsv } from '../../server/send-csv.ts';
import type { Db } from '../db/index.ts';
import type { AuditFilter } from './audit.repository.ts';
import { auditCsv, searchAudit } from './audit.service.ts';

interface FilterQuery {
  action?: string;
  actor?: string;
  subject_type?: string;
  subject_id?: string;
  desa?: string;
  ip?: string;
  from?: string;
  to?: string;
}

const filterProperties = {
  action: { type: 'string', maxLength: 80 },
  actor: { type: 'string', maxLength: 120 },
  subject_type: { type: 'string', maxLength: 40 },
  subject_id: { type: 'string', maxLength: 80 },
  desa: { type: 'string', maxLength: 20 },
  ip: { type: 'string', maxLength: 64 },
  from: { type: 'string', format: 'date-time' },
  to: { type: 'string', format: 'date-time' },
} as const;

function filterOf(query: FilterQuery): AuditFilter {
  return {
    action: query.action,
    actor: query.actor,
    subjectType: query.subject_type,
    subjectId: query.subject_id,
    desa: query.desa,
    ip: query.ip,
    from: query.from,
    to: query.to,
  };
}

/** The audit log for auditors: search it, export it; nobody can change it. */
export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get<{ Querystring: FilterQuery & { before?: number; limit: number } }>(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first (keyset paginated by id)',
        querystring: {
          type: 'object',
          properties: {
            ...filterProperties,
            before: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
      },
    },
    (request) =>
      searchAudit(db, request.actor, filterOf(request.query), {
        before: request.query.before,
        limit: request.query.limit,
      }),
  );

  app.get<{ Querystring: FilterQuery }>(
    '/api/audit.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The selected audit rows as a CSV download',
        querystring: { type: 'object', properties: filterProperties },
      },
    },
    (request, reply) => sendCsv(reply, 'log-audit.csv', auditCsv(db, request.actor, filterOf(request.query))),
  );
}
