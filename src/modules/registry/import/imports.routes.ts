import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../server/app.ts';
import { badRequest } from '../../../server/errors.ts';
import { REGISTRY_PERMISSIONS } from '../permissions.ts';
import * as imports from './imports.service.ts';
import { detectFormat } from './read-rows.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export async function importRoutes(app: FastifyInstance, { db, jobs, config }: AppContext) {
  jobs.allowReading('import', REGISTRY_PERMISSIONS.import);
  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload a quarterly CSV/XLSX file (multipart: field "period", then "file"); returns the job',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      // Refuse before the upload, not after a large file has been written to disk.
      imports.checkCanImport(request.actor);
      const part = await request.file();
      if (!part) throw badRequest('Tidak ada berkas yang diunggah', 'No file was uploaded');
      detectFormat(part.filename);
      const periodField = part.fields.period as { value?: unknown } | undefined;
      const period = typeof periodField?.value === 'string' ? periodField.value.trim() : '';
      if (!period) {
        throw badRequest(
          'Isian "period" wajib dikirim sebelum berkas, misalnya 2025-Q3',
          'The "period" field must come before the file, e.g. 2025-Q3',
        );
      }
      // The upload goes to disk first: the import streams from the file and hashes it.
      const dir = await mkdtemp(join(tmpdir(), 'sinergi-upload-'));
      const path = join(dir, part.filename.replace(/[^\w.-]/g, '_'));
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) {
        await rm(dir, { recursive: true, force: true });
        throw badRequest('Berkas terlalu besar', 'The file is too large');
      }
      const removeUpload = () => rm(dir, { recursive: true, force: true });
      try {
        const { jobId } = await imports.startImportJob(
          db,
          jobs,
          request.actor,
          { path, fileName: part.filename, period, kabupatenCode: config.kabupatenCode },
          { afterwards: removeUpload },
        );
        return reply.status(202).send({ job_id: jobId });
      } catch (error) {
        await removeUpload();
        throw error;
      }
    },
  );

  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Imports, newest first',
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    (request) => imports.listImports(db, request.actor, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/imports/:id',
    { schema: { tags: ['imports'], summary: 'One import with its counts', params: idParams } },
    (request) => imports.getImport(db, request.actor, request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: { after: number; limit: number } }>(
    '/api/imports/:id/rejects',
    {
      schema: {
        tags: ['imports'],
        summary: 'Rejected rows with line number, raw content and every reason (keyset paginated by line)',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            after: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
      },
    },
    (request) =>
      imports.listRejects(db, request.actor, request.params.id, {
        afterLine: request.query.after,
        limit: request.query.limit,
      }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/imports/:id/rejects.csv',
    { schema: { tags: ['imports'], summary: 'Rejected rows as a CSV download', params: idParams } },
    async (request, reply) => {
      const body = imports.rejectsCsv(db, request.actor, request.params.id);
      // Pull the first chunk here so access and not-found errors become proper JSON responses.
      const iterator = body[Symbol.asyncIterator]();
      const first = await iterator.next();
      const rest = { [Symbol.asyncIterator]: () => iterator };
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="impor-${request.params.id}-ditolak.csv"`);
      return reply.send(Readable.from(prepend(first.done ? undefined : first.value, rest)));
    },
  );
}

async function* prepend(first: string | undefined, rest: AsyncIterable<string>): AsyncIterable<string> {
  if (first !== undefined) yield first;
  yield* rest;
}
