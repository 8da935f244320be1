import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import * as findings from './findings.service.ts';
import { ALL_RULES } from './rules/index.ts';
import { startRunAfterImport, startValidationRun } from './runs.service.ts';
import { couple, districtOperator, findingsOf, household, importPeriods, validate } from './testing.ts';

const A = '35.19.01.2001';
const B = '35.19.02.2001';
const operator = districtOperator();
const ageRule = ALL_RULES.filter((rule) => rule.id === 'age_over_110');

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
  await importPeriods(db, {
    '2025-Q3': [
      ...couple(1, A, 'Bersih'),
      ...household(2, A, [{ id: 'tua1', name: 'Mbah Satu', birth: '1905-01-01' }]),
      ...household(3, A, [{ id: 'tua2', name: 'Mbah Dua', birth: '1906-01-01' }]),
      ...household(4, A, [{ id: 'tua3', name: 'Mbah Tiga', birth: '1907-01-01' }]),
      ...household(5, B, [{ id: 'tua4', name: 'Mbah Empat', birth: '1908-01-01' }]),
    ],
  });
}, 120_000);
afterAll(() => db?.close());

const statusOf = async (subject: string) =>
  (await findingsOf(db, 'age_over_110')).find((f) => f.subject === subject);
const setBirth = (personId: string, date: string) =>
  db.query('UPDATE persons SET birth_date = $2 WHERE person_id = $1', [personId, date]);

describe('re-running', () => {
  it('opens each cause once, keeps dismissed findings dismissed, and closes findings whose cause is gone', async () => {
    const first = await validate(db, { desaCodes: null }, ageRule);
    expect(first.stats[0]).toMatchObject({ found: 4, opened: 4, closed: 0 });
    const again = await validate(db, { desaCodes: null }, ageRule);
    expect(again.stats[0]).toMatchObject({ found: 4, opened: 0, reopened: 0, closed: 0 });
    expect(await findingsOf(db, 'age_over_110')).toHaveLength(4);

    const dismissed = (await statusOf('ART-tua2'))?.id as number;
    await findings.decide(db, operator, dismissed, {
      transition: 'dismiss',
      reason: 'umur benar, sudah dicek',
    });
    // The cause of tua1 goes away (a correction made elsewhere).
    await setBirth('ART-tua1', '1950-01-01');
    const third = await validate(db, { desaCodes: null }, ageRule);
    expect(third.stats[0]).toMatchObject({ found: 3, opened: 0, closed: 1 });
    expect((await statusOf('ART-tua2'))?.status).toBe('dismissed');
    const closed = await findings.getFinding(db, operator, (await statusOf('ART-tua1'))?.id as number);
    expect(closed).toMatchObject({ status: 'resolved', resolution: { action: 'cause_gone' } });
    expect(closed.events).toEqual([
      expect.objectContaining({ from_status: 'open', to_status: 'resolved', actor_id: 'system:validation' }),
    ]);
  });

  it('reopens a finding resolved by a registry action when its cause comes back, but not one resolved as needing no change', async () => {
    const corrected = (await statusOf('ART-tua3'))?.id as number;
    await findings.decide(db, operator, corrected, {
      transition: 'resolve',
      reason: 'akta kelahiran',
      resolution: { action: 'correct', field: 'birth_date', value: '1957-01-01' },
    });
    const checked = (await statusOf('ART-tua4'))?.id as number;
    await findings.decide(db, operator, checked, {
      transition: 'resolve',
      reason: 'umur benar',
      resolution: { action: 'no_change' },
    });
    // The old date comes back (a later import or edit).
    await setBirth('ART-tua3', '1907-01-01');
    const run = await validate(db, { desaCodes: null }, ageRule);
    expect(run.stats[0]).toMatchObject({ reopened: 1, opened: 0 });
    expect((await statusOf('ART-tua3'))?.status).toBe('open');
    expect((await statusOf('ART-tua4'))?.status).toBe('resolved');
  });

  it('a run over one desa opens and closes findings of that desa only', async () => {
    await setBirth('ART-tua3', '1960-01-01');
    await setBirth('ART-tua1', '1905-01-01');
    const run = await validate(db, { desaCodes: [B] }, ageRule);
    // B's only cause (tua4) was resolved as needing no change: found, left as it is.
    expect(run.stats[0]).toMatchObject({ found: 1, opened: 0, reopened: 0, closed: 0 });
    expect((await statusOf('ART-tua3'))?.status).toBe('open');
    const inA = await validate(db, { desaCodes: [A] }, ageRule);
    expect(inA.stats[0]).toMatchObject({ closed: 1, reopened: 1 });
  });
});

describe('runs as jobs', () => {
  it('reports progress per rule, records the run, and refuses a second run at the same time', async () => {
    const jobs = new JobRunner(db);
    const seen = new Set<string>();
    const run = await startValidationRun(
      db,
      jobs,
      operator,
      '35.19',
      { desaCode: A },
      {
        rules: ALL_RULES.slice(0, 3),
        onProgress: (_done, _total, ruleId) => seen.add(ruleId),
      },
    );
    await expect(startValidationRun(db, jobs, operator, '35.19', {})).rejects.toMatchObject({
      statusCode: 409,
    });
    const summary = await run.done;
    expect(summary.rules.map((r) => r.rule_id)).toEqual(ALL_RULES.slice(0, 3).map((r) => r.id));
    expect([...seen]).toEqual(ALL_RULES.slice(0, 3).map((r) => r.id));
    expect(await jobs.get(run.jobId)).toMatchObject({ status: 'succeeded', kind: 'validation' });
    const [row] = await db.query<{ status: string; scope: string[] }>(
      'SELECT * FROM validation_runs WHERE id = $1',
      [run.runId],
    );
    expect(row).toMatchObject({ status: 'succeeded', scope: [A] });
  });

  it('needs validation.run, and a desa in the caller’s area', async () => {
    await expect(
      startValidationRun(db, new JobRunner(db), consoleActor('x', ['validation.read']), '35.19', {}),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      startValidationRun(db, new JobRunner(db), operator, '35.19', { desaCode: '35.20.01.2001' }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a run after an import covers the district, started on behalf of the importer', async () => {
    const summary = await startRunAfterImport(db, new JobRunner(db), '35.19', { importId: 1, by: 'user:7' });
    expect(summary.status).toBe('succeeded');
    const [row] = await db.query<{ trigger: string; created_by: string; scope: null }>(
      'SELECT trigger, created_by, scope FROM validation_runs WHERE id = $1',
      [summary.run_id],
    );
    expect(row).toEqual({ trigger: 'import', created_by: 'user:7', scope: null });
  });
});
