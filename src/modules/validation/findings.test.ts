import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, consoleActor } from '../../platform/actor.ts';
import { desaScope } from '../../platform/area-scope.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { addUser } from '../access/testing.ts';
import * as findings from './findings.service.ts';
import {
  couple,
  districtOperator,
  findingsOf,
  household,
  importPeriods,
  nikFor,
  validate,
} from './testing.ts';

const A = '35.19.01.2001';
const B = '35.19.02.2001';
const shared = nikFor('1980-02-02', 'L');
const twice = nikFor('1970-01-01', 'P');

let db: Db;
const operator = districtOperator();
const desaOperator: Actor = {
  ...consoleActor('desa', ['validation.read', 'validation.resolve', 'registry.read']),
  id: 'user:desa',
  scope: desaScope([A]),
};

beforeAll(async () => {
  db = await openTestDb();
  await importPeriods(db, {
    '2025-Q3': [
      ...couple(1, A, 'Bersih'),
      ...household(2, A, [
        { id: 'tua', name: 'Mbah Tua', birth: '1905-05-05' },
        { id: 'lahirbeda', name: 'Lahir Beda', rel: 'anak', birth: '2002-03-04', nik: '3519010101010006' },
        {
          id: 'tanpa40',
          name: 'Perempuan Tanpa',
          rel: 'anak',
          sex: 'P',
          birth: '2001-01-01',
          nik: '3519010101010007',
        },
      ]),
      ...household(3, A, [{ id: 'siti1', name: 'Siti Aminah', sex: 'P', birth: '1970-01-01', nik: twice }]),
      ...household(4, A, [
        { id: 'kepala4', name: 'Kepala Empat' },
        { id: 'siti2', name: 'Siti Aminah', sex: 'P', birth: '1970-01-01', nik: twice, rel: 'famili_lain' },
      ]),
      ...household(5, A, [{ id: 'budi', name: 'Budi Santoso', birth: '1980-02-02', nik: shared }]),
      ...household(6, B, [{ id: 'joko', name: 'Joko Widodo', birth: '1980-02-02', nik: shared }]),
      ...household(7, B, [{ id: 'tuaB', name: 'Mbah Tuo', birth: '1906-06-06' }]),
    ],
  });
  await validate(db);
}, 120_000);
afterAll(() => db?.close());

async function findingId(ruleId: string, subject: string): Promise<number> {
  const found = (await findingsOf(db, ruleId)).find((f) => f.subject === subject);
  if (!found) throw new Error(`no ${ruleId} finding for ${subject}`);
  return found.id;
}

const person = async (personId: string) =>
  (
    await db.query<{ id: number; status: string; birth_date: Date }>(
      'SELECT id, status, birth_date FROM persons WHERE person_id = $1',
      [personId],
    )
  )[0] as { id: number; status: string; birth_date: Date };

const audit = (action: string, subjectId: number | string) =>
  db.query('SELECT * FROM audit_log WHERE action = $1 AND subject_id = $2', [action, String(subjectId)]);

describe('status workflow', () => {
  it('confirms, dismisses and reopens with reasons, and refuses transitions that do not exist', async () => {
    const id = await findingId('nik_birth_sex', 'ART-tanpa40');
    const confirmed = await findings.decide(db, operator, id, {
      transition: 'confirm',
      reason: 'dicek di lapangan',
    });
    expect(confirmed.status).toBe('confirmed');
    await expect(
      findings.decide(db, operator, id, { transition: 'confirm', reason: 'lagi' }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    await expect(
      findings.decide(db, operator, id, { transition: 'reopen', reason: 'x' }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    await findings.decide(db, operator, id, { transition: 'dismiss', reason: 'NIK memang benar' });
    const reopened = await findings.decide(db, operator, id, { transition: 'reopen', reason: 'salah tolak' });
    expect(reopened.status).toBe('open');
    const { events } = await findings.getFinding(db, operator, id);
    expect(events.map((e) => [e.from_status, e.to_status, e.text, e.actor_id])).toEqual([
      ['open', 'confirmed', 'dicek di lapangan', operator.id],
      ['confirmed', 'dismissed', 'NIK memang benar', operator.id],
      ['dismissed', 'open', 'salah tolak', operator.id],
    ]);
  });

  it('needs a reason, and a resolution only when resolving', async () => {
    const id = await findingId('nik_birth_sex', 'ART-tanpa40');
    await expect(
      findings.decide(db, operator, id, { transition: 'confirm', reason: '  ' }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      findings.decide(db, operator, id, { transition: 'resolve', reason: 'x' }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      findings.decide(db, operator, id, {
        transition: 'confirm',
        reason: 'x',
        resolution: { action: 'no_change' },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('resolving applies the action to the registry, with history and audit', () => {
  it('meninggal: the person is set dead, with status history and audit rows', async () => {
    const id = await findingId('age_over_110', 'ART-tua');
    const resolved = await findings.decide(db, operator, id, {
      transition: 'resolve',
      reason: 'akta kematian 2019',
      resolution: { action: 'meninggal' },
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { action: 'meninggal' } });
    const tua = await person('ART-tua');
    expect(tua.status).toBe('meninggal');
    const [history] = await db.query<{ to_status: string; reason: string }>(
      `SELECT to_status, reason FROM status_history WHERE subject_type = 'person' AND subject_id = $1`,
      [tua.id],
    );
    expect(history?.to_status).toBe('meninggal');
    expect(history?.reason).toContain(`Temuan #${id}`);
    expect(await audit('record.status_change', tua.id)).toHaveLength(1);
    expect(await audit('finding.decide', id)).toHaveLength(1);
  });

  it("ganda: points at the finding's surviving record", async () => {
    const id = await findingId('person_two_households', 'ART-siti2');
    await findings.decide(db, operator, id, {
      transition: 'resolve',
      reason: 'satu orang',
      resolution: { action: 'ganda' },
    });
    const [siti1, siti2] = [await person('ART-siti1'), await person('ART-siti2')];
    expect(siti2.status).toBe('ganda');
    const [history] = await db.query<{ related_id: number }>(
      `SELECT related_id FROM status_history WHERE subject_type = 'person' AND subject_id = $1`,
      [siti2.id],
    );
    expect(Number(history?.related_id)).toBe(siti1.id);
  });

  it('correct: the field is corrected with its old value kept, and the next run finds the cause gone', async () => {
    const id = await findingId('nik_birth_sex', 'ART-lahirbeda');
    await findings.decide(db, operator, id, {
      transition: 'resolve',
      reason: 'sesuai akta kelahiran',
      resolution: { action: 'correct', field: 'birth_date', value: '2001-01-01' },
    });
    const corrected = await person('ART-lahirbeda');
    const [correction] = await db.query<{ old_value: string; new_value: string }>(
      `SELECT old_value, new_value FROM record_corrections WHERE subject_type = 'person' AND subject_id = $1`,
      [corrected.id],
    );
    expect(correction).toMatchObject({ old_value: '2002-03-04', new_value: '2001-01-01' });
    expect(await audit('record.correct', corrected.id)).toHaveLength(1);
    await validate(db);
    const after = (await findingsOf(db, 'nik_birth_sex')).find((f) => f.id === id);
    expect(after?.status).toBe('resolved');
  });

  it('a registry action the actor may not take rolls the whole decision back', async () => {
    const id = await findingId('nik_shared', 'ART-budi');
    await expect(
      findings.decide(db, desaOperator, id, {
        transition: 'resolve',
        reason: 'mati',
        resolution: { action: 'meninggal' },
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    expect((await person('ART-budi')).status).toBe('aktif');
    const { status, events } = await findings.getFinding(db, operator, id);
    expect(status).toBe('open');
    expect(events).toEqual([]);
    // What needs no registry permission, a desa operator may do.
    const done = await findings.decide(db, desaOperator, id, {
      transition: 'resolve',
      reason: 'NIK Joko sudah dikoreksi Dukcapil',
      resolution: { action: 'no_change' },
    });
    expect(done.status).toBe('resolved');
  });
});

describe('area scope and personal data', () => {
  it('a desa operator lists, reads and decides only their desa', async () => {
    const list = await findings.listFindings(db, desaOperator, {}, { limit: 500, offset: 0 });
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((f) => f.desa_code))).toEqual(new Set([A]));
    const other = await findingId('age_over_110', 'ART-tuaB');
    await expect(findings.getFinding(db, desaOperator, other)).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      findings.decide(db, desaOperator, other, { transition: 'confirm', reason: 'x' }),
    ).rejects.toMatchObject({ statusCode: 404 });
    // A filter naming another desa does not widen the area.
    const widened = await findings.listFindings(db, desaOperator, { area: B }, { limit: 500, offset: 0 });
    expect(widened.total).toBe(0);
  });

  it('masks NIK without the identity permission and hides records of other desa; a full read is audited', async () => {
    const id = await findingId('nik_shared', 'ART-budi');
    const masked = await findings.getFinding(db, desaOperator, id);
    const text = JSON.stringify(masked.evidence);
    expect(text).not.toContain(shared);
    expect(text).not.toContain('Joko');
    expect(masked.evidence).toMatchObject({ nik: `${shared.slice(0, 4)}**********${shared.slice(-2)}` });
    expect((masked.evidence as { records: unknown[] }).records).toContainEqual({ outside_area: true });
    const readsBefore = (await audit('finding.read', id)).length;
    await findings.getFinding(db, desaOperator, id);
    expect(await audit('finding.read', id)).toHaveLength(readsBefore);
    const full = await findings.getFinding(db, operator, id);
    expect(JSON.stringify(full.evidence)).toContain(shared);
    expect(JSON.stringify(full.evidence)).toContain('Joko Widodo');
    expect(await audit('finding.read', id)).toHaveLength(readsBefore + 1);
  });

  it('without validation.read nothing is listed', async () => {
    const pimpinan = consoleActor('bupati', ['validation.aggregates']);
    await expect(findings.listFindings(db, pimpinan, {}, { limit: 10, offset: 0 })).rejects.toMatchObject({
      statusCode: 403,
    });
  });
});

describe('comments, assignment and tasks', () => {
  it('keeps comments, assigns to a user covering the desa, refuses one who does not, links a task', async () => {
    const id = await findingId('age_over_110', 'ART-tuaB');
    const events = await findings.comment(db, operator, id, 'perlu kunjungan');
    expect(events.at(-1)).toMatchObject({ kind: 'comment', text: 'perlu kunjungan' });
    const { id: userA } = await addUser(db, { username: 'op.a', role: 'operator_desa', areas: [B] });
    const { id: userElsewhere } = await addUser(db, { username: 'op.x', role: 'operator_desa', areas: [A] });
    const assigned = await findings.assign(db, operator, id, userA);
    expect(assigned.assignee_user_id).toBe(userA);
    await expect(findings.assign(db, operator, id, userElsewhere)).rejects.toMatchObject({ statusCode: 400 });
    await findings.setFindingTasks(db, operator, [{ findingId: id, taskId: 42 }]);
    const after = await findings.getFinding(db, operator, id);
    expect(after.task_id).toBe(42);
    expect(after.events.map((e) => e.kind)).toEqual(['comment', 'assign', 'task']);
    const open = await findings.listOpenFindings(db, operator, { ruleId: 'age_over_110' });
    expect(open.map((f) => f.id)).toContain(id);
  });
});

describe('linking tasks to many findings', () => {
  const taskEvents = (ids: number[]) =>
    db.query<{ finding_id: number; details: unknown; actor_id: string }>(
      `SELECT finding_id, details, actor_id FROM finding_events
       WHERE kind = 'task' AND finding_id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );

  it('links each finding with its own event, all or none, and only in the caller’s area', async () => {
    const [x, y] = (await findings.listOpenFindings(db, desaOperator, { withoutTask: true })).map(
      (f) => f.id,
    );
    if (x === undefined || y === undefined) throw new Error('two open findings in desa A expected');
    // Desa B's finding, linked to task 42 above.
    const outside = await findingId('age_over_110', 'ART-tuaB');
    await expect(
      findings.setFindingTasks(db, desaOperator, [
        { findingId: x, taskId: 100 },
        { findingId: outside, taskId: 101 },
      ]),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(await taskEvents([x])).toEqual([]);
    expect((await findings.getFinding(db, operator, outside)).task_id).toBe(42);
    await expect(
      findings.setFindingTasks(db, operator, [
        { findingId: x, taskId: 100 },
        { findingId: x, taskId: 101 },
      ]),
    ).rejects.toMatchObject({ statusCode: 400 });
    // For the whole district a finding that does not exist is found by the links' foreign key.
    await expect(
      findings.setFindingTasks(db, operator, [
        { findingId: x, taskId: 100 },
        { findingId: 987654321, taskId: 101 },
      ]),
    ).rejects.toMatchObject({ statusCode: 404, message: 'Temuan #987654321 tidak ditemukan' });
    await expect(
      findings.setFindingTasks(db, operator, [{ findingId: 987654321, taskId: null }]),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(await taskEvents([x])).toEqual([]);

    await findings.setFindingTasks(db, desaOperator, [
      { findingId: y, taskId: 201 },
      { findingId: x, taskId: 200 },
    ]);
    await findings.setFindingTasks(db, operator, [{ findingId: x, taskId: null }]);
    expect(await taskEvents([x, y])).toEqual([
      { finding_id: y, details: { from_task_id: null, to_task_id: 201 }, actor_id: desaOperator.id },
      { finding_id: x, details: { from_task_id: null, to_task_id: 200 }, actor_id: desaOperator.id },
      { finding_id: x, details: { from_task_id: 200, to_task_id: null }, actor_id: operator.id },
    ]);
    expect((await findings.getFinding(db, operator, y)).task_id).toBe(201);
  });

  it('lists open findings without a task, page after page by id', async () => {
    const all = (await findings.listOpenFindings(db, operator, {})).map((f) => f.id);
    const without = (await findings.listOpenFindings(db, operator, { withoutTask: true })).map((f) => f.id);
    const linked = await db.query<{ id: number }>('SELECT finding_id AS id FROM finding_tasks');
    expect(linked.length).toBeGreaterThan(0);
    expect(without).toEqual(all.filter((id) => !linked.some((l) => l.id === id)));
    const paged: number[] = [];
    for (let afterId: number | undefined; ; ) {
      const page = await findings.listOpenFindings(db, operator, { withoutTask: true, afterId, limit: 2 });
      paged.push(...page.map((f) => f.id));
      if (page.length < 2) break;
      afterId = page[1]?.id;
    }
    expect(paged).toEqual(without);
  });
});

describe('bulk decisions', () => {
  it('decides every finding of a rule matching an evidence filter, in one go, with a reason', async () => {
    const sexOnly = { problems: ['sex_mismatch'] };
    const result = await findings.bulkDecide(db, operator, {
      filter: { ruleId: 'nik_birth_sex', area: A, evidence: sexOnly },
      transition: 'confirm',
      reason: 'musdes 12 Oktober',
    });
    const target = await findingId('nik_birth_sex', 'ART-tanpa40');
    expect(result.ids).toEqual([target]);
    expect((await findings.getFinding(db, operator, target)).status).toBe('confirmed');
    const again = await findings.bulkDecide(db, operator, {
      filter: { ruleId: 'nik_birth_sex', area: A, evidence: sexOnly },
      transition: 'confirm',
      reason: 'lagi',
    });
    expect(again.decided).toBe(0);
  });

  it('needs the bulk permission and refuses a related_id', async () => {
    await expect(
      findings.bulkDecide(db, desaOperator, {
        filter: { ruleId: 'nik_birth_sex' },
        transition: 'confirm',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      findings.bulkDecide(db, operator, {
        filter: { ruleId: 'person_two_households' },
        transition: 'resolve',
        reason: 'x',
        resolution: { action: 'ganda', related_id: 1 },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
