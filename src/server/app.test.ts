import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdRows, importRow, writeCsv } from '../modules/registry/import/test-fixtures.ts';
import { REGISTRY_PERMISSIONS } from '../modules/registry/index.ts';
import { consoleActor } from '../platform/actor.ts';
import { loadConfig } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { openTestDb } from '../platform/db/testing.ts';
import { JobRunner } from '../platform/jobs/index.ts';
import { buildApp } from './app.ts';

let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openTestDb();
  const actor = consoleActor('api-test', Object.values(REGISTRY_PERMISSIONS));
  app = await buildApp({
    db,
    config: loadConfig({}),
    jobs: new JobRunner(db),
    authenticate: async () => actor,
  });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----sinergi-test';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('') + head),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('HTTP API', () => {
  it('answers the health check and serves its OpenAPI description', async () => {
    const health = await app.inject('/api/health');
    expect(health.json()).toMatchObject({ status: 'ok', kabupaten: '35.19' });
    const spec = (await app.inject('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/persons', '/api/imports', '/api/diffs/{from}/{to}']),
    );
  });

  it('explains invalid input by field, in Bahasa Indonesia and English', async () => {
    const response = await app.inject('/api/persons?nik=12ab&limit=9999');
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^Permintaan tidak valid/);
    expect(error.message_en).toMatch(/^Invalid request/);
    expect(error.details[0].field).toBe('nik');
  });

  it('answers an unknown record with 404 and a message, not a stack trace', async () => {
    const response = await app.inject('/api/households/999999');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({
      code: 'not_found',
      message: 'Keluarga #999999 tidak ditemukan',
    });
  });

  it('imports an uploaded file as a job with progress, and offers its rejects as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinergi-api-test-'));
    const csv = writeCsv(join(dir, 'q3.csv'), [
      ...householdRows(1),
      importRow({ id_individu: 'BAD', nik: '1' }),
    ]);
    const upload = await app.inject({
      method: 'POST',
      url: '/api/imports',
      ...multipart({ period: '2025-Q3' }, { name: 'q3.csv', content: readFileSync(csv) }),
    });
    expect(upload.statusCode).toBe(202);
    const jobId = upload.json().job_id;
    let job = (await app.inject(`/api/jobs/${jobId}`)).json();
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await app.inject(`/api/jobs/${jobId}`)).json();
    }
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { status: 'committed', rowsAccepted: 3, rowsRejected: 1 },
    });

    const importId = job.result.importId;
    const rejects = (await app.inject(`/api/imports/${importId}/rejects`)).json();
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      line_no: 5,
      raw: { nik: '1' },
      reasons: [{ field: 'nik', code: 'nik_format' }],
    });
    const download = await app.inject(`/api/imports/${importId}/rejects.csv`);
    expect(download.headers['content-type']).toMatch(/text\/csv/);
    expect(download.body.split('\n')[1]).toMatch(/^5,"nik: NIK ""1"" harus 16 digit angka",KEL-0001,/);
  });

  it('refuses an upload from a user without the import permission, before taking the file', async () => {
    const reader = consoleActor('reader', [REGISTRY_PERMISSIONS.read]);
    const readOnly = await buildApp({
      db,
      config: loadConfig({}),
      jobs: new JobRunner(db),
      authenticate: async () => reader,
    });
    try {
      const response = await readOnly.inject({
        method: 'POST',
        url: '/api/imports',
        ...multipart({ period: '2025-Q3' }, { name: 'q3.csv', content: Buffer.from('nik\n') }),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'forbidden',
        details: { permission: 'registry.import' },
      });
    } finally {
      await readOnly.close();
    }
  });

  it('refuses an upload without a period, naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/imports',
      ...multipart({}, { name: 'q3.csv', content: Buffer.from('nik\n') }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/"period"/);
  });
});
