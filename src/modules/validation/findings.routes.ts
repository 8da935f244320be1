import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import * as findings from './findings.service.ts';
import { FINDING_STATUSES, RESOLUTION_ACTIONS, type Resolution, type Transition } from './workflow.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;
const reason = { type: 'string', minLength: 1, maxLength: 1000 } as const;
const areaCode = {
  type: 'string',
  pattern: '^\\d{2}\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?$',
  description: 'A kabupaten, kecamatan or desa code',
} as const;
const resolutionSchema = {
  type: 'object',
  required: ['action'],
  additionalProperties: false,
  description:
    'What resolving does to the registry: a status (meninggal, ganda with related_id, pindah, tidak_layak, tidak_ditemukan), correct (field and value), or no_change',
  properties: {
    action: { type: 'string', enum: [...RESOLUTION_ACTIONS] },
    related_id: {
      type: 'integer',
      minimum: 1,
      description: "ganda: the surviving record (default: the finding's surviving_id)",
    },
    field: { type: 'string', description: "correct: one of the registry's correctable fields" },
    value: { type: 'string', maxLength: 200 },
  },
} as const;
const filterProperties = {
  rule_id: { type: 'string' },
  area: areaCode,
  status: { type: 'string', enum: [...FINDING_STATUSES] },
  severity: { type: 'string', enum: ['tinggi', 'sedang', 'rendah'] },
  subject_type: { type: 'string', enum: ['person', 'household'] },
} as const;

interface FilterQuery {
  rule_id?: string;
  area?: string;
  status?: (typeof FINDING_STATUSES)[number];
  severity?: string;
  subject_type?: 'person' | 'household';
  assignee_user_id?: number;
  unresolved?: boolean;
}

const toFilter = (q: FilterQuery): findings.FindingFilter => ({
  ruleId: q.rule_id,
  area: q.area,
  status: q.status,
  severity: q.severity,
  subjectType: q.subject_type,
  assigneeUserId: q.assignee_user_id,
  unresolved: q.unresolved,
});

const TRANSITIONS: Transition[] = ['confirm', 'dismiss', 'resolve', 'reopen'];

export async function findingsRoutes(app: FastifyInstance, { db }: AppContext) {
  app.get<{ Querystring: FilterQuery & { limit: number; offset: number } }>(
    '/api/findings',
    {
      schema: {
        tags: ['validation'],
        summary: 'Findings in your area, most severe first (without evidence; paginated)',
        querystring: {
          type: 'object',
          properties: {
            ...filterProperties,
            assignee_user_id: { type: 'integer', minimum: 1 },
            unresolved: { type: 'boolean', description: 'Only open and confirmed findings' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
          },
        },
      },
    },
    (request) => findings.listFindings(db, request.actor, toFilter(request.query), request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/findings/:id',
    {
      schema: {
        tags: ['validation'],
        summary:
          'One finding with its evidence (NIK/KK masked without registry.read_identity; records outside your area hidden) and its history; a full read is audited',
        params: idParams,
      },
    },
    (request) => findings.getFinding(db, request.actor, request.params.id),
  );

  for (const transition of TRANSITIONS) {
    app.post<{ Params: { id: number }; Body: { reason: string; resolution?: Resolution } }>(
      `/api/findings/:id/${transition}`,
      {
        schema: {
          tags: ['validation'],
          summary: `${transition[0]?.toUpperCase()}${transition.slice(1)} a finding, with a reason${
            transition === 'resolve'
              ? '; the resolution is applied to the registry in the same transaction'
              : ''
          }`,
          params: idParams,
          body: {
            type: 'object',
            required: transition === 'resolve' ? ['reason', 'resolution'] : ['reason'],
            additionalProperties: false,
            properties: {
              reason,
              ...(transition === 'resolve' ? { resolution: resolutionSchema } : {}),
            },
          },
        },
      },
      (request) =>
        findings.decide(db, request.actor, request.params.id, {
          transition,
          reason: request.body.reason,
          resolution: request.body.resolution,
        }),
    );
  }

  app.post<{ Params: { id: number }; Body: { text: string } }>(
    '/api/findings/:id/comments',
    {
      schema: {
        tags: ['validation'],
        summary: 'Comment on a finding; answers with its history',
        params: idParams,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } },
        },
      },
    },
    (request) => findings.comment(db, request.actor, request.params.id, request.body.text),
  );

  app.put<{ Params: { id: number }; Body: { user_id: number | null } }>(
    '/api/findings/:id/assignee',
    {
      schema: {
        tags: ['validation'],
        summary: 'Assign a finding to a user covering its desa, or unassign it (null)',
        params: idParams,
        body: {
          type: 'object',
          required: ['user_id'],
          additionalProperties: false,
          properties: { user_id: { type: ['integer', 'null'], minimum: 1 } },
        },
      },
    },
    (request) => findings.assign(db, request.actor, request.params.id, request.body.user_id),
  );

  app.post<{
    Body: {
      filter: FilterQuery & { rule_id: string; evidence?: Record<string, unknown> };
      transition: Transition;
      reason: string;
      resolution?: Resolution;
    };
  }>(
    '/api/findings/bulk',
    {
      schema: {
        tags: ['validation'],
        summary: `One decision on every finding of a rule matching a filter, in one transaction (at most ${findings.BULK_LIMIT})`,
        body: {
          type: 'object',
          required: ['filter', 'transition', 'reason'],
          additionalProperties: false,
          properties: {
            filter: {
              type: 'object',
              required: ['rule_id'],
              additionalProperties: false,
              properties: {
                ...filterProperties,
                evidence: {
                  type: 'object',
                  description: 'Evidence containing these values, e.g. {"match": "exact_nik_name"}',
                },
              },
            },
            transition: { type: 'string', enum: TRANSITIONS },
            reason,
            resolution: resolutionSchema,
          },
        },
      },
    },
    (request) =>
      findings.bulkDecide(db, request.actor, {
        filter: {
          ...toFilter(request.body.filter),
          ruleId: request.body.filter.rule_id,
          evidence: request.body.filter.evidence,
        },
        transition: request.body.transition,
        reason: request.body.reason,
        resolution: request.body.resolution,
      }),
  );
}
