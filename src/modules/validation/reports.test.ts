import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { accessTestApp, addUser, DESA, importTwoQuarters, login, testClock } from '../access/testing.ts';
import { escapeHtml } from './berita-acara.ts';
import { findingsOf, validate } from './testing.ts';

/** The findings API over HTTP as the web app uses it: counts, decisions, the musdes sheet, the Berita Acara. */
let db: Db;
let app: FastifyInstance;
beforeAll(async () => {
  db = await openTestDb();
  await importTwoQuarters(db);
  await validate(db);
  app = await accessTestApp(db, testClock().now);
  await app.ready();
  await addUser(db, { username: 'op.kab', role: 'operator_kabupaten' });
  await addUser(db, { username: 'op.desa', role: 'operator_desa', areas: [DESA.own] });
  await addUser(db, { username: 'bupati', role: 'pimpinan' });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('findings API', () => {
  it('gives pimpinan counts by rule and kecamatan, and no finding rows', async () => {
    const bupati = await login(app, 'bupati');
    const summary = await bupati.request({ url: '/api/validation/summary' });
    expect(summary.statusCode).toBe(200);
    const body = summary.json();
    const left = body.by_rule.find((r: { rule_id: string }) => r.rule_id === 'household_left_dtsen');
    // The third household of each of the three desa left DTSEN in 2025-Q3.
    expect(left).toMatchObject({ open: 3, title: { id: expect.any(String), en: expect.any(String) } });
    const withFindings = body.children.filter((c: { open: number }) => c.open > 0);
    expect(withFindings.map((c: { code: string }) => c.code)).toEqual(['35.19.01', '35.19.02']);
    expect((await bupati.request({ url: '/api/findings' })).statusCode).toBe(403);
    expect((await bupati.request({ url: '/api/validation/rules' })).statusCode).toBe(200);
  });

  it('lets a desa operator list and export their desa only, with NIK masked in the sheet', async () => {
    const desa = await login(app, 'op.desa');
    const list = (await desa.request({ url: '/api/findings?limit=500' })).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((f: { desa_code: string }) => f.desa_code))).toEqual(new Set([DESA.own]));
    const other = await desa.request({ url: `/api/validation/desa/${DESA.other}/findings.xlsx` });
    expect(other.statusCode).toBe(404);
    const sheet = await desa.request({ url: `/api/validation/desa/${DESA.own}/findings.xlsx` });
    expect(sheet.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('Temuan')?.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBe(list.items.filter((f: { status: string }) => f.status === 'open').length);
    const niks = rows.map((row) => String(row[6] ?? '')).filter(Boolean);
    expect(niks.length).toBeGreaterThan(0);
    for (const nik of niks) expect(nik).toMatch(/^\d{4}\*{10}\d{2}$/);
  });

  it('resolves over HTTP and lists the change in the printable Berita Acara of the quarter', async () => {
    const kab = await login(app, 'op.kab');
    const [left] = await findingsOf(db, 'household_left_dtsen');
    const resolved = await kab.request({
      method: 'POST',
      url: `/api/findings/${left?.id}/resolve`,
      payload: { reason: 'pindah ke luar kabupaten', resolution: { action: 'pindah' } },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: { action: 'pindah' } });
    const again = await kab.request({
      method: 'POST',
      url: `/api/findings/${left?.id}/confirm`,
      payload: { reason: 'x' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ message: expect.stringContaining('tidak bisa') });
    const [desa] = await db.query<{ desa_code: string }>('SELECT desa_code FROM findings WHERE id = $1', [
      left?.id,
    ]);
    const now = new Date();
    const period = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const page = await kab.request({
      url: `/api/validation/desa/${desa?.desa_code}/berita-acara?period=${period}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Berita Acara');
    expect(page.body).toContain('Ditandai pindah');
    expect(page.body).toContain(escapeHtml('pindah ke luar kabupaten'));
  });

  it('starts a run as a job', async () => {
    const kab = await login(app, 'op.kab');
    const started = await kab.request({
      method: 'POST',
      url: '/api/validation/runs',
      payload: { desa_code: DESA.own },
    });
    expect(started.statusCode).toBe(202);
    const { job_id: jobId } = started.json();
    for (let i = 0; i < 200; i++) {
      const job = (await kab.request({ url: `/api/jobs/${jobId}` })).json();
      if (job.status !== 'running') {
        expect(job.status).toBe('succeeded');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the run did not end');
  });
});
