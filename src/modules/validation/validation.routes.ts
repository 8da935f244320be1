import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import * as reports from './reports.service.ts';
import * as runs from './runs.service.ts';

const desaParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' } },
} as const;

export async function validationRoutes(app: FastifyInstance, { db, jobs, config }: AppContext) {
  jobs.allowReading('validation', 'validation.run');

  app.get(
    '/api/validation/rules',
    {
      schema: {
        tags: ['validation'],
        summary: 'The validation rules: id, severity, subject, title and description',
      },
    },
    (request) => reports.ruleCatalogue(request.actor),
  );

  app.get<{ Querystring: { area?: string } }>(
    '/api/validation/summary',
    {
      schema: {
        tags: ['validation'],
        summary: 'Findings by rule, severity and kecamatan/desa, per status, within your area (counts only)',
        querystring: {
          type: 'object',
          properties: {
            area: {
              type: 'string',
              pattern: '^\\d{2}\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?$',
              description: 'A kabupaten, kecamatan or desa code; the whole kabupaten when absent',
            },
          },
        },
      },
    },
    (request) => reports.findingsSummary(db, request.actor, config.kabupatenCode, request.query.area),
  );

  app.post<{ Body: { desa_code?: string } }>(
    '/api/validation/runs',
    {
      schema: {
        tags: ['validation'],
        summary: 'Start a validation run over the district or one desa; follow it at /api/jobs/{job_id}',
        body: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { desa_code: desaParams.properties.code },
        },
      },
    },
    async (request, reply) => {
      const { jobId, runId } = await runs.startValidationRun(db, jobs, request.actor, config.kabupatenCode, {
        desaCode: request.body?.desa_code,
      });
      return reply.status(202).send({ job_id: jobId, run_id: runId });
    },
  );

  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/validation/runs',
    {
      schema: {
        tags: ['validation'],
        summary: 'Validation runs, newest first, with per-rule counts and times',
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    (request) => runs.listRuns(db, request.actor, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/validation/runs/:id',
    {
      schema: {
        tags: ['validation'],
        summary: 'One validation run',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      },
    },
    (request) => runs.getRun(db, request.actor, request.params.id),
  );

  app.get<{ Params: { code: string } }>(
    '/api/validation/desa/:code/findings.xlsx',
    {
      schema: {
        tags: ['validation'],
        summary: "A desa's unresolved findings as XLSX for the musdes (audited)",
        params: desaParams,
      },
    },
    async (request, reply) => {
      const { fileName, buffer } = await reports.desaFindingsXlsx(
        db,
        request.actor,
        config.kabupatenCode,
        request.params.code,
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(buffer);
    },
  );

  app.get<{ Params: { code: string }; Querystring: { period: string } }>(
    '/api/validation/desa/:code/berita-acara',
    {
      schema: {
        tags: ['validation'],
        summary:
          "Printable Berita Acara (HTML) of a desa's registry changes decided through findings in a quarter",
        params: desaParams,
        querystring: {
          type: 'object',
          required: ['period'],
          properties: { period: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } },
        },
      },
    },
    async (request, reply) => {
      const html = await reports.beritaAcara(
        db,
        request.actor,
        config.kabupatenCode,
        request.params.code,
        request.query.period,
      );
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
