import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../server/app.ts';
import { badRequest } from '../../../server/errors.ts';
import { VALIDATION_PERMISSIONS } from '../permissions.ts';
import * as lists from './lists.service.ts';
import { listFileFormat } from './read-list-rows.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

/** External lists (death register, ASN list): upload, history, rejected rows. */
export async function listRoutes(app: FastifyInstance, { db, jobs }: AppContext) {
  // Whoever may import lists may follow any list import's job.
  jobs.allowReading('list_import', VALIDATION_PERMISSIONS.importLists);
  app.post(
    '/api/validation/lists',
    {
      schema: {
        tags: ['validation'],
        summary:
          'Upload a death register or ASN list, CSV/XLSX (multipart: field "kind" = death|asn, then "file"); returns the job',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      lists.checkCanImportLists(request.actor);
      const part = await request.file();
      if (!part) throw badRequest('Tidak ada berkas yang diunggah', 'No file was uploaded');
      listFileFormat(part.filename);
      const kindField = part.fields.kind as { value?: unknown } | undefined;
      const kind = typeof kindField?.value === 'string' ? kindField.value.trim() : '';
      if (!kind) {
        throw badRequest(
          'Isian "kind" (death atau asn) wajib dikirim sebelum berkas',
          'The "kind" field (death or asn) must come before the file',
        );
      }
      lists.parseListKind(kind);
      const dir = await mkdtemp(join(tmpdir(), 'sinergi-list-'));
      const path = join(dir, part.filename.replace(/[^\w.-]/g, '_'));
      const removeUpload = () => rm(dir, { recursive: true, force: true });
      try {
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) throw badRequest('Berkas terlalu besar', 'The file is too large');
        const { jobId } = await lists.startListImportJob(
          db,
          jobs,
          request.actor,
          { kind, path, fileName: part.filename },
          { afterwards: removeUpload },
        );
        return reply.status(202).send({ job_id: jobId });
      } catch (error) {
        await removeUpload();
        throw error;
      }
    },
  );

  app.get<{ Querystring: { kind?: string; limit: number; offset: number } }>(
    '/api/validation/lists',
    {
      schema: {
        tags: ['validation'],
        summary: 'Imported lists, newest first; `current` marks the list of each kind the rules use',
        querystring: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['death', 'asn'] },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    (request) => lists.listLists(db, request.actor, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/validation/lists/:id',
    { schema: { tags: ['validation'], summary: 'One imported list with its counts', params: idParams } },
    (request) => lists.getList(db, request.actor, request.params.id),
  );

  app.get<{ Params: { id: number }; Querystring: { after: number; limit: number } }>(
    '/api/validation/lists/:id/rejects',
    {
      schema: {
        tags: ['validation'],
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
      lists.listRejects(db, request.actor, request.params.id, {
        afterLine: request.query.after,
        limit: request.query.limit,
      }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/validation/lists/:id/rejects.csv',
    { schema: { tags: ['validation'], summary: 'Rejected rows as a CSV download', params: idParams } },
    async (request, reply) => {
      const body = lists.rejectsCsv(db, request.actor, request.params.id);
      // Pull the first chunk here so access and not-found errors become proper JSON responses.
      const iterator = body[Symbol.asyncIterator]();
      const first = await iterator.next();
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="daftar-${request.params.id}-ditolak.csv"`);
      return reply.send(Readable.from(prepend(first.done ? undefined : first.value, iterator)));
    },
  );
}

async function* prepend(first: string | undefined, rest: AsyncIterator<string>): AsyncIterable<string> {
  if (first !== undefined) yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
