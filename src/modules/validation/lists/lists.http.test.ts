import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/index.ts';
import { openTestDb } from '../../../platform/db/testing.ts';
import { accessTestApp, addUser, DESA, importTwoQuarters, login, testClock } from '../../access/testing.ts';
import { DEATH_COLUMNS } from './list-checks.ts';

/** External lists and pair decisions over HTTP, as the web app and scripts use them. */
let db: Db;
let app: FastifyInstance;
beforeAll(async () => {
  db = await openTestDb();
  await importTwoQuarters(db);
  app = await accessTestApp(db, testClock().now);
  await app.ready();
  await addUser(db, { username: 'op.kab', role: 'operator_kabupaten' });
  await addUser(db, { username: 'op.desa', role: 'operator_desa', areas: [DESA.own] });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

function multipart(fields: Record<string, string>, fileName: string, content: string) {
  const boundary = '----sinergi-list-test';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const body = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const register = [
  DEATH_COLUMNS.join(','),
  '3519-KM-01022025-0001,,Almh. Painem,P,Madiun,1940-01-05,2025-01-20,35.19.01.2001,',
  '3519-KM-01022025-0002,12345,Sukirman,L,Madiun,1941-01-05,,35.19.01.2001,',
].join('\n');

describe('external lists API', () => {
  it('takes an upload as a job, lists it as current and serves its rejected rows as CSV', async () => {
    const kab = await login(app, 'op.kab');
    const upload = await kab.request({
      method: 'POST',
      url: '/api/validation/lists',
      ...multipart({ kind: 'death' }, 'kematian.csv', register),
    });
    expect(upload.statusCode).toBe(202);
    const jobId = upload.json().job_id as number;
    let job = (await kab.request({ url: `/api/jobs/${jobId}` })).json();
    for (let i = 0; job.status === 'running' && i < 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await kab.request({ url: `/api/jobs/${jobId}` })).json();
    }
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { status: 'committed', rowsAccepted: 1, rowsRejected: 1 },
    });
    const lists = (await kab.request({ url: '/api/validation/lists?kind=death' })).json();
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ id: job.result.listId, current: true, file_name: 'kematian.csv' });
    const rejects = (await kab.request({ url: `/api/validation/lists/${job.result.listId}/rejects` })).json();
    expect(rejects[0]).toMatchObject({ line_no: 3, raw: { nama: 'Sukirman' } });
    expect(rejects[0].reasons.map((r: { code: string }) => r.code)).toEqual(['required', 'nik_format']);
    const csv = await kab.request({ url: `/api/validation/lists/${job.result.listId}/rejects.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[1]).toMatch(
      /^3,"tanggal_kematian: tanggal_kematian wajib diisi; nik: NIK ""12345""/,
    );
  });

  it('refuses a desa operator, a missing kind and an unknown file type', async () => {
    const desa = await login(app, 'op.desa');
    const refused = await desa.request({
      method: 'POST',
      url: '/api/validation/lists',
      ...multipart({ kind: 'death' }, 'kematian.csv', register),
    });
    expect(refused.statusCode).toBe(403);
    expect((await desa.request({ url: '/api/validation/lists' })).statusCode).toBe(403);
    const kab = await login(app, 'op.kab');
    const noKind = await kab.request({
      method: 'POST',
      url: '/api/validation/lists',
      ...multipart({}, 'a.csv', register),
    });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().error.message_en).toMatch(/"kind" field/);
    const pdf = await kab.request({
      method: 'POST',
      url: '/api/validation/lists',
      ...multipart({ kind: 'asn' }, 'a.pdf', register),
    });
    expect(pdf.statusCode).toBe(400);
  });
});

describe('pair decisions API', () => {
  it('records a decision with who and when, and shows a desa operator only pairs they can see', async () => {
    const [own] = await db.query<{ id: number }>('SELECT id FROM persons WHERE desa_code = $1 ORDER BY id', [
      DESA.own,
    ]);
    const [other, other2] = await db.query<{ id: number }>(
      'SELECT id FROM persons WHERE desa_code = $1 ORDER BY id',
      [DESA.other],
    );
    const kab = await login(app, 'op.kab');
    const decided = await kab.request({
      method: 'POST',
      url: '/api/validation/pair-decisions',
      payload: { person_a: own?.id, person_b: other?.id, same: false, reason: 'orang berbeda' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      person_a: Math.min(own?.id as number, other?.id as number),
      same: false,
    });
    const desa = await login(app, 'op.desa');
    const history = await desa.request({
      url: `/api/validation/pair-decisions?person_a=${other?.id}&person_b=${own?.id}`,
    });
    expect(history.json()).toMatchObject([
      {
        same: false,
        reason: 'orang berbeda',
        decided_by: expect.stringMatching(/^user:/),
      },
    ]);
    const hidden = await desa.request({
      url: `/api/validation/pair-decisions?person_a=${other?.id}&person_b=${other2?.id}`,
    });
    expect(hidden.statusCode).toBe(404);
  });
});
