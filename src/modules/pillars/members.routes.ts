import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../platform/clock.ts';
import type { AppContext } from '../../server/app.ts';
import { badRequest } from '../../server/errors.ts';
import * as evaluation from './evaluation.service.ts';
import type { PillarType } from './members.repository.ts';
import * as members from './members.service.ts';
import { areaCode, date, idParams, page, quarter } from './schemas.ts';
import type { RawTarget } from './targets.check.ts';
import * as targets from './targets.service.ts';

const memberProperties = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  nik: { type: ['string', 'null'], pattern: '^\\d{16}$' },
  phone: { type: ['string', 'null'], maxLength: 30 },
  pillar_type: { type: 'string', maxLength: 40 },
  organisation: { type: ['string', 'null'], maxLength: 200 },
  active_from: date,
  active_until: { type: ['string', 'null'], format: 'date' },
  areas: { type: 'array', minItems: 1, maxItems: 200, items: areaCode },
  user_id: { type: 'integer', minimum: 1 },
} as const;

/** Pillar types, members, targets and the quarterly evaluation. */
export async function memberRoutes(app: FastifyInstance, { db, config, clock = systemClock }: AppContext) {
  const context = { kabupatenCode: config.kabupatenCode, clock };

  app.get(
    '/api/pillars/types',
    { schema: { tags: ['pillars'], summary: 'Pillar types (data; a district may add its own)' } },
    (request) => members.listTypes(db, request.actor),
  );

  app.post<{ Body: PillarType }>(
    '/api/pillars/types',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Add a pillar type',
        body: {
          type: 'object',
          required: ['code', 'label', 'label_en'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,39}$' },
            label: { type: 'string', minLength: 1, maxLength: 100 },
            label_en: { type: 'string', minLength: 1, maxLength: 100 },
            has_organisation: { type: 'boolean', default: false },
            sort_order: { type: 'integer', default: 100 },
          },
        },
      },
    },
    async (request, reply) => reply.status(201).send(await members.addType(db, request.actor, request.body)),
  );

  app.get<{
    Querystring: {
      type?: string;
      area?: string;
      q?: string;
      active_on?: string;
      limit: number;
      offset: number;
    };
  }>(
    '/api/pillars/members',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Pillar members with their areas and login (NIK masked unless the caller sees identities)',
        querystring: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            area: areaCode,
            q: { type: 'string', maxLength: 100 },
            active_on: date,
            ...page,
          },
        },
      },
    },
    (request) => {
      const { active_on, ...rest } = request.query;
      return members.listMembers(db, request.actor, {
        ...rest,
        ...(active_on ? { activeOn: active_on } : {}),
      });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/pillars/members/:id',
    { schema: { tags: ['pillars'], summary: 'One pillar member', params: idParams } },
    (request) => members.getMember(db, request.actor, request.params.id),
  );

  app.post<{ Body: members.MemberInput }>(
    '/api/pillars/members',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Add a member; with `login` their pilar user is created too (needs access.manage_users)',
        body: {
          type: 'object',
          required: ['name', 'pillar_type', 'active_from', 'areas'],
          additionalProperties: false,
          properties: {
            ...memberProperties,
            login: {
              type: 'object',
              required: ['username', 'password'],
              additionalProperties: false,
              properties: {
                username: { type: 'string', maxLength: 40 },
                password: { type: 'string', maxLength: 128 },
              },
            },
          },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await members.createMember(db, request.actor, request.body, context)),
  );

  app.patch<{ Params: { id: number }; Body: members.MemberChange }>(
    '/api/pillars/members/:id',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Change a member; their login follows the areas and type; an ended period deactivates it',
        params: idParams,
        body: { type: 'object', additionalProperties: false, properties: memberProperties },
      },
    },
    (request) => members.updateMember(db, request.actor, request.params.id, request.body, context),
  );

  app.get(
    '/api/pillars/metrics',
    { schema: { tags: ['pillars'], summary: 'Target metrics and what each is counted from' } },
    () => targets.listMetrics(),
  );

  app.get<{ Querystring: { quarter: string; member_id?: number; pillar_type?: string } }>(
    '/api/pillars/targets',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Targets of a quarter',
        querystring: {
          type: 'object',
          required: ['quarter'],
          properties: {
            quarter,
            member_id: { type: 'integer', minimum: 1 },
            pillar_type: { type: 'string' },
          },
        },
      },
    },
    (request) => targets.listTargets(db, request.actor, request.query),
  );

  app.put<{ Body: { targets: RawTarget[] } }>(
    '/api/pillars/targets',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Set targets (per member, or per pillar type and area); all or none',
        body: {
          type: 'object',
          required: ['targets'],
          properties: {
            targets: { type: 'array', minItems: 1, maxItems: 10_000, items: { type: 'object' } },
          },
        },
      },
    },
    (request) => targets.setTargets(db, request.actor, request.body.targets, config.kabupatenCode),
  );

  app.post(
    '/api/pillars/targets/import',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Targets from an XLSX sheet (multipart "file"): kuartal, metrik, anggota_id or nik_anggota, jenis_pilar, wilayah, target',
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const part = await request.file({ limits: { fileSize: 10 * 1024 * 1024 } });
      if (!part) throw badRequest('Tidak ada berkas yang diunggah', 'No file was uploaded');
      const data = await part.toBuffer();
      return targets.importTargets(db, request.actor, data, config.kabupatenCode);
    },
  );

  app.get<{ Querystring: { quarter: string } }>(
    '/api/pillars/evaluation',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Quarterly evaluation per member, pillar type and kecamatan (for the Kepala Dinas page)',
        querystring: { type: 'object', required: ['quarter'], properties: { quarter } },
      },
    },
    (request) => evaluation.evaluate(db, request.actor, request.query.quarter),
  );

  app.get<{ Querystring: { quarter: string } }>(
    '/api/pillars/evaluation.xlsx',
    {
      schema: {
        tags: ['pillars'],
        summary: 'The quarterly evaluation as an XLSX workbook',
        querystring: { type: 'object', required: ['quarter'], properties: { quarter } },
      },
    },
    async (request, reply) => {
      const data = await evaluation.evaluationWorkbook(db, request.actor, request.query.quarter);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="evaluasi-pilar-${request.query.quarter}.xlsx"`)
        .send(data);
    },
  );

  app.get<{ Querystring: { quarter: string } }>(
    '/api/pillars/my/evaluation',
    {
      schema: {
        tags: ['pillars'],
        summary: "The logged-in pilar's own targets and achievement",
        querystring: { type: 'object', required: ['quarter'], properties: { quarter } },
      },
    },
    (request) => evaluation.myEvaluation(db, request.actor, request.query.quarter),
  );

  app.get(
    '/api/pillars/me',
    { schema: { tags: ['pillars'], summary: "The logged-in pilar's member record" } },
    (request) => members.myMember(db, request.actor),
  );
}
