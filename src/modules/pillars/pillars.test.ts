import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { ALL_PERMISSIONS } from '../access/index.ts';
import {
  accessTestApp,
  addUser,
  type Browser,
  DESA,
  importTwoQuarters,
  login,
  TEST_PASSWORD,
  testClock,
} from '../access/testing.ts';
import { correctRecord } from '../registry/index.ts';
import { createMember } from './members.service.ts';
import { autoAssign, createHouseholdTasks, createTasksFromFindings, listTasks } from './tasks.service.ts';

const clock = testClock('2025-10-01T08:00:00Z');
const root = consoleActor('test', ALL_PERMISSIONS);
const context = { kabupatenCode: '35.19', clock: clock.now };
const DUE = '2025-10-31';
/** A visit finished half an hour before the test clock, in 2025-Q4 (WIB). */
const VISITED_AT = '2025-10-01T07:30:00.000Z';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const dataDir = mkdtempSync(join(tmpdir(), 'sinergi-pillars-'));
let db: Db;
let app: FastifyInstance;
let data: Awaited<ReturnType<typeof importTwoQuarters>>;
const member: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 };
let dinas: Browser;
let pilarB: Browser;

beforeAll(async () => {
  db = await openTestDb();
  data = await importTwoQuarters(db);
  app = await accessTestApp(db, clock.now, {
    config: { dataDir },
  });
  await app.ready();
  const add = async (name: string, type: string, areas: string[], username?: string, organisation?: string) =>
    (
      await createMember(
        db,
        root,
        {
          name,
          pillar_type: type,
          active_from: '2025-01-01',
          areas,
          ...(organisation ? { organisation } : {}),
          ...(username ? { login: { username, password: TEST_PASSWORD } } : {}),
        },
        context,
      )
    ).id;
  // A covers the whole kecamatan 35.19.01, B only the own desa, C another kecamatan; D has no login.
  member.a = await add('Pendamping A', 'pkh', ['35.19.01'], 'pilar.a');
  member.b = await add('Pekerja Sosial B', 'psm', [DESA.own], 'pilar.b');
  member.c = await add('TKSK C', 'tksk', ['35.19.02'], 'pilar.c');
  member.d = await add('LKS D', 'lks', [DESA.own], undefined, 'LKS Harapan');
  await addUser(db, { username: 'dinas', role: 'operator_kabupaten' });
  await addUser(db, { username: 'op.desa', role: 'operator_desa', areas: [DESA.own] });
  await addUser(db, { username: 'bupati', role: 'pimpinan' });
  dinas = await login(app, 'dinas');
  pilarB = await login(app, 'pilar.b');
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const householdsOf = (key: 'own' | 'neighbour' | 'other') => data[key].householdDbIds;

/** Whether baseline b holds household h's row and its members' rows as the registry has them now. */
const SAME_AS_REGISTRY = `(
  (SELECT to_jsonb(bh) - 'baseline_id' FROM pillar_baseline_households bh WHERE bh.baseline_id = b.id) = to_jsonb(h)
  AND (SELECT jsonb_object_agg(bp.id::text, to_jsonb(bp) - 'baseline_id') FROM pillar_baseline_persons bp WHERE bp.baseline_id = b.id)
    = (SELECT jsonb_object_agg(p.id::text, to_jsonb(p)) FROM persons p WHERE p.household_id = h.id))`;

async function newTask(householdId: number, kind = 'household_exists', extra: Record<string, unknown> = {}) {
  const response = await dinas.request({
    method: 'POST',
    url: '/api/pillars/tasks',
    payload: { kind, household_id: householdId, due_date: DUE, ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().task.id as number;
}

async function assignTo(taskId: number, memberId: number) {
  const response = await dinas.request({
    method: 'POST',
    url: `/api/pillars/tasks/${taskId}/assign`,
    payload: { member_id: memberId },
  });
  expect(response.statusCode, response.body).toBe(200);
}

const visit = (taskId: number, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  task_id: taskId,
  started_at: '2025-10-01T07:10:00.000Z',
  visited_at: VISITED_AT,
  answers,
  position: { lat: -7.771, lng: 111.4607 },
  ...extra,
});

describe('members', () => {
  it('keeps the login in step with the member and masks the NIK for roles without identities', async () => {
    const created = await dinas.request({
      method: 'POST',
      url: '/api/pillars/members',
      payload: {
        name: 'Karang Taruna E',
        nik: '3519014101900001',
        pillar_type: 'karang_taruna',
        active_from: '2025-01-01',
        areas: [DESA.own],
      },
    });
    // Karang Taruna members belong to an organisation.
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toEqual({ field: 'organisation' });
    const admin = await login(app, (await addUser(db, { username: 'admin.x', role: 'admin' })).username);
    const made = await admin.request({
      method: 'POST',
      url: '/api/pillars/members',
      payload: {
        name: 'Karang Taruna E',
        nik: '3519014101900001',
        pillar_type: 'karang_taruna',
        organisation: 'Karang Taruna Tambakmas',
        active_from: '2025-01-01',
        areas: [DESA.own],
        login: { username: 'kt.e', password: TEST_PASSWORD },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      nik: '3519**********01',
      username: 'kt.e',
      areas: [{ code: DESA.own }],
    });
    // The Dinas operator may manage members but not users: a login needs access.manage_users.
    const refused = await dinas.request({
      method: 'POST',
      url: '/api/pillars/members',
      payload: {
        name: 'X',
        pillar_type: 'psm',
        active_from: '2025-01-01',
        areas: [DESA.own],
        login: { username: 'x.y', password: TEST_PASSWORD },
      },
    });
    expect(refused.statusCode).toBe(403);
    const id = made.json().id;
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/pillars/members/${id}`,
      payload: { areas: ['35.19.02'] },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const loginOf = async () =>
      (
        await db.query<{ region_code: string; active: boolean }>(
          `SELECT a.region_code, u.active FROM user_areas a JOIN users u ON u.id = a.user_id WHERE u.username = 'kt.e'`,
        )
      )[0];
    expect(await loginOf()).toEqual({ region_code: '35.19.02', active: true });
    // The end of the active period ends the login too.
    const ended = await admin.request({
      method: 'PATCH',
      url: `/api/pillars/members/${id}`,
      payload: { active_until: '2025-09-30' },
    });
    expect(ended.json()).toMatchObject({ active_until: '2025-09-30' });
    expect(await loginOf()).toEqual({ region_code: '35.19.02', active: false });
  });
  it('takes a pillar type the district adds, for members and their logins', async () => {
    const admin = await login(app, 'admin.x');
    const type = await admin.request({
      method: 'POST',
      url: '/api/pillars/types',
      payload: { code: 'relawan_desa', label: 'Relawan Desa', label_en: 'Village volunteer' },
    });
    expect(type.statusCode, type.body).toBe(201);
    const made = await admin.request({
      method: 'POST',
      url: '/api/pillars/members',
      payload: {
        name: 'Relawan F',
        pillar_type: 'relawan_desa',
        active_from: '2025-01-01',
        active_until: '2025-09-30',
        areas: ['35.19.02'],
        login: { username: 'relawan.f', password: TEST_PASSWORD },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const [user] = await db.query<{ pillar_type: string }>(
      `SELECT pillar_type FROM users WHERE username = 'relawan.f'`,
    );
    expect(user?.pillar_type).toBe('relawan_desa');
  });
});

describe('tasks', () => {
  it('automatic assignment respects area and balances by open load', async () => {
    const own = await Promise.all(
      householdsOf('own')
        .slice(0, 3)
        .map((h) => newTask(h)),
    );
    const ownExtra = await newTask(householdsOf('own')[0] as number, 'desil_plausible');
    const [neighbourFirst, neighbourSecond] = await Promise.all(
      householdsOf('neighbour')
        .slice(0, 2)
        .map((h) => newTask(h)),
    );
    const other = await Promise.all(
      householdsOf('other')
        .slice(0, 2)
        .map((h) => newTask(h)),
    );
    // A already holds one open task.
    await assignTo(neighbourFirst as number, member.a);
    const response = await dinas.request({ method: 'POST', url: '/api/pillars/tasks/assign', payload: {} });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ assigned: 7, without_member: [] });
    const holder = async (id: number) =>
      (await db.query<{ member_id: number }>('SELECT member_id FROM pillar_tasks WHERE id = $1', [id]))[0]
        ?.member_id;
    const ownHolders = await Promise.all([...own, ownExtra].map(holder));
    // The own desa is covered by A (kecamatan, one task already) and B (the desa): two each.
    expect(ownHolders.filter((m) => m === member.a)).toHaveLength(2);
    expect(ownHolders.filter((m) => m === member.b)).toHaveLength(2);
    // Only A covers the neighbouring desa, only C the other kecamatan; D has no login and gets nothing.
    expect(await holder(neighbourSecond as number)).toBe(member.a);
    expect(await Promise.all(other.map(holder))).toEqual([member.c, member.c]);
    const [d] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pillar_tasks WHERE member_id = $1',
      [member.d],
    );
    expect(d?.n).toBe(0);
  });

  it('refuses to assign a member whose area does not cover the desa, and needs a reason to reassign', async () => {
    const task = await newTask(householdsOf('neighbour')[2] as number);
    const wrong = await dinas.request({
      method: 'POST',
      url: `/api/pillars/tasks/${task}/assign`,
      payload: { member_id: member.b },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('member_cannot_take_task');
    await assignTo(task, member.a);
    const noReason = await dinas.request({
      method: 'POST',
      url: `/api/pillars/tasks/${task}/assign`,
      payload: { member_id: member.a },
    });
    expect(noReason.statusCode).toBe(400);
  });

  it('lists overdue tasks once their due date has passed', async () => {
    // Five weeks on (a service call: a later clock at login would end this file's sessions).
    const later = testClock('2025-11-05T08:00:00Z');
    const { items } = await listTasks(db, root, { overdue: true, limit: 1000, offset: 0 }, later.now);
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((t) => t.overdue && t.status === 'open' && (t.due_date as string) < '2025-11-05'),
    ).toBe(true);
    const now = await listTasks(db, root, { overdue: true, limit: 1000, offset: 0 }, clock.now);
    expect(now.items).toEqual([]);
  });

  it('a pilar sees only their own tasks, in their area, and households of their area only', async () => {
    const mine = await pilarB.request({ url: '/api/pillars/my/tasks' });
    expect(mine.statusCode, mine.body).toBe(200);
    const tasks = mine.json().tasks as { id: number; desa_code: string; household: { desa_code: string } }[];
    expect(tasks.length).toBe(2);
    expect(tasks.every((t) => t.desa_code === DESA.own && t.household.desa_code === DESA.own)).toBe(true);
    expect(JSON.stringify(mine.json())).not.toContain(data.other.names[0] as string);
    const [foreign] = await db.query<{ id: number }>(
      'SELECT id FROM pillar_tasks WHERE desa_code = $1 ORDER BY id LIMIT 1',
      [DESA.other],
    );
    const [othersTask] = await db.query<{ id: number }>(
      'SELECT id FROM pillar_tasks WHERE desa_code = $1 AND member_id = $2 LIMIT 1',
      [DESA.own, member.a],
    );
    for (const id of [foreign?.id, othersTask?.id]) {
      expect((await pilarB.request({ url: `/api/pillars/tasks/${id}` })).statusCode).toBe(404);
    }
    expect((await pilarB.request({ url: '/api/pillars/tasks' })).statusCode).toBe(403);
    const household = await pilarB.request({ url: `/api/households/${householdsOf('neighbour')[0]}` });
    expect(household.statusCode).toBe(404);
    // The desa operator lists the tasks of their desa and nothing else.
    const desa = await login(app, 'op.desa');
    const listed = await desa.request({ url: '/api/pillars/tasks?limit=1000' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.length).toBeGreaterThan(0);
    expect(listed.json().items.every((t: { desa_code: string }) => t.desa_code === DESA.own)).toBe(true);
    const filtered = await desa.request({ url: `/api/pillars/tasks?desa=${DESA.other}` });
    expect(filtered.json().items).toEqual([]);
  });
});

describe('visits and change requests', () => {
  let moveTask: number;
  let moveBody: ReturnType<typeof visit>;

  it('stores an offline visit sent twice once, and answers the resend the same', async () => {
    moveTask = await newTask(householdsOf('own')[1] as number, 'household_exists');
    await assignTo(moveTask, member.b);
    moveBody = visit(
      moveTask,
      { exists: 'pindah' },
      { notes: 'Pindah ke Surabaya', photo_base64: PNG.toString('base64') },
    );
    const [first, second] = await Promise.all([
      pilarB.request({ method: 'POST', url: '/api/pillars/visits', payload: moveBody }),
      pilarB.request({ method: 'POST', url: '/api/pillars/visits', payload: moveBody }),
    ]);
    const third = await pilarB.request({ method: 'POST', url: '/api/pillars/visits', payload: moveBody });
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(third.json()).toEqual(first.json());
    expect(third.headers['idempotent-replay']).toBe('true');
    const [counts] = await db.query<{ visits: number; requests: number }>(
      `SELECT (SELECT count(*)::int FROM pillar_visits WHERE id = $1) AS visits,
              (SELECT count(*)::int FROM pillar_change_requests WHERE visit_id = $1) AS requests`,
      [moveBody.id],
    );
    expect(counts).toEqual({ visits: 1, requests: 1 });
    expect(first.json()).toMatchObject({ task_status: 'visited', visit: { has_photo: true } });
    const photo = await dinas.request({ url: `/api/pillars/visits/${moveBody.id}/photo` });
    expect(photo.headers['content-type'], photo.body).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
  });

  it('takes a visit with its photo as multipart, refuses files that are not images, and the same id for another task', async () => {
    const task = await newTask(householdsOf('own')[2] as number, 'desil_plausible');
    await assignTo(task, member.b);
    const body = visit(task, { plausible: 'sesuai' });
    const multipart = (file: Buffer, json = body) => {
      const boundary = '----sinergi-test';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="visit"\r\n\r\n${JSON.stringify(json)}\r\n`,
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return pilarB.request({
        method: 'POST',
        url: '/api/pillars/visits/multipart',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const notImage = await multipart(Buffer.from('this is not a photo'));
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.details).toEqual({ field: 'photo' });
    const stored = await multipart(PNG);
    expect(stored.statusCode, stored.body).toBe(201);
    // Confirming answers propose nothing, so the task closes at once.
    expect(stored.json()).toMatchObject({
      task_status: 'closed',
      change_requests: [],
      visit: { has_photo: true },
    });
    const reused = await pilarB.request({
      method: 'POST',
      url: '/api/pillars/visits',
      payload: { ...moveBody, task_id: task },
    });
    expect(reused.statusCode).toBe(409);
  });

  it('refuses incomplete answers naming the field', async () => {
    const task = await newTask(householdsOf('own')[0] as number, 'desil_plausible');
    await assignTo(task, member.b);
    const response = await pilarB.request({
      method: 'POST',
      url: '/api/pillars/visits',
      payload: visit(task, { plausible: 'tidak_sesuai' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.problems).toEqual([
      { field: 'suggested_desil', reason: 'is required' },
    ]);
  });

  it('applies an approved change request through the registry, with history and audit', async () => {
    const list = await dinas.request({ url: `/api/pillars/change-requests?task_id=${moveTask}` });
    const [request] = list.json();
    expect(request).toMatchObject({
      kind: 'status',
      new_status: 'pindah',
      state: 'pending',
      conflict: null,
      can_apply: true,
      visit_has_photo: true,
      visit_notes: 'Pindah ke Surabaya',
    });
    // The approver reads whom it is about: the household's head.
    const [head] = await db.query<{ name: string; household_id: number }>(
      `SELECT p.name, p.household_id FROM persons p JOIN pillar_tasks t ON t.household_id = p.household_id
       WHERE t.id = $1 AND p.relationship = 'kepala_keluarga'`,
      [moveTask],
    );
    expect(request).toMatchObject({ subject_name: head?.name, household_id: head?.household_id });
    // The desa operator sees it but cannot apply a status change: the registry decides that.
    const desa = await login(app, 'op.desa');
    const seen = await desa.request({ url: `/api/pillars/change-requests?task_id=${moveTask}` });
    expect(seen.json()[0]).toMatchObject({ id: request.id, can_apply: false });
    expect(
      (
        await desa.request({
          method: 'POST',
          url: `/api/pillars/change-requests/${request.id}/approve`,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const approved = await dinas.request({
      method: 'POST',
      url: `/api/pillars/change-requests/${request.id}/approve`,
      payload: { note: 'Dicek musdes' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const household = householdsOf('own')[1];
    const [row] = await db.query<{ status: string }>('SELECT status FROM households WHERE id = $1', [
      household,
    ]);
    expect(row?.status).toBe('pindah');
    const [history] = await db.query<{ reason: string; changed_by: string }>(
      `SELECT reason, changed_by FROM status_history WHERE subject_type = 'household' AND subject_id = $1`,
      [household],
    );
    expect(history?.reason).toContain('Pindah ke Surabaya');
    expect(history?.changed_by).toBe(dinas.me.user && `user:${(dinas.me.user as { id: number }).id}`);
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE (subject_type = 'household' AND subject_id = $1)
         OR (subject_type = 'pillar_change_request' AND subject_id = $2) ORDER BY id`,
      [String(household), String(request.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['record.status_change', 'pillar.change_approve']),
    );
    const [task] = await db.query<{ status: string }>('SELECT status FROM pillar_tasks WHERE id = $1', [
      moveTask,
    ]);
    expect(task?.status).toBe('closed');
    const again = await dinas.request({
      method: 'POST',
      url: `/api/pillars/change-requests/${request.id}/approve`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('flags a change request whose record changed since the task was sent, and applies it only when acknowledged', async () => {
    const household = householdsOf('own')[0] as number;
    const [person] = await db.query<{ id: number }>(
      `SELECT id FROM persons WHERE household_id = $1 AND relationship = 'kepala_keluarga'`,
      [household],
    );
    const task = await newTask(household, 'alive', { person_id: person?.id });
    await assignTo(task, member.b);
    // Meanwhile someone corrects the person's birth date in the registry.
    await correctRecord(db, root, {
      type: 'person',
      id: person?.id as number,
      field: 'birth_date',
      value: '1950-01-02',
      reason: 'KTP',
    });
    const sent = await pilarB.request({
      method: 'POST',
      url: '/api/pillars/visits',
      payload: visit(task, { alive: 'meninggal' }),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [request] = (await dinas.request({ url: `/api/pillars/change-requests?task_id=${task}` })).json();
    expect(request.conflict).toMatchObject({
      reason: 'record_changed',
      same_field: false,
      changed_fields: [{ field: 'birth_date', now: '1950-01-02' }],
    });
    const refused = await dinas.request({
      method: 'POST',
      url: `/api/pillars/change-requests/${request.id}/approve`,
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('change_conflict');
    const [still] = await db.query<{ status: string }>('SELECT status FROM persons WHERE id = $1', [
      person?.id,
    ]);
    expect(still?.status).toBe('aktif');
    const applied = await dinas.request({
      method: 'POST',
      url: `/api/pillars/change-requests/${request.id}/approve`,
      payload: { acknowledge_conflict: true },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const [after] = await db.query<{ status: string; conflict: unknown }>(
      `SELECT p.status, c.conflict FROM persons p, pillar_change_requests c WHERE p.id = $1 AND c.id = $2`,
      [person?.id, request.id],
    );
    expect(after).toMatchObject({ status: 'meninggal', conflict: { reason: 'record_changed' } });
  });
});

describe('targets, events and evaluation', () => {
  it('computes achievement from recorded work: visits, vulnerable households and event attendance', async () => {
    const set = await dinas.request({
      method: 'PUT',
      url: '/api/pillars/targets',
      payload: {
        targets: [
          { quarter: '2025-Q4', metric: 'households_verified', member_id: member.b, target: 4 },
          { quarter: '2025-Q4', metric: 'events_attended', member_id: member.b, target: 1 },
          {
            quarter: '2025-Q4',
            metric: 'home_visits_vulnerable',
            pillar_type: 'psm',
            area_code: '35.19.01',
            target: 10,
          },
        ],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    const event = await dinas.request({
      method: 'POST',
      url: '/api/pillars/events',
      payload: {
        kind: 'bimtek',
        title: 'Bimtek verval',
        event_date: '2025-10-01',
        place: 'Aula Dinsos',
        invited_types: ['psm', 'pkh'],
        counts_toward_targets: true,
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    const { token } = (
      await dinas.request({ url: `/api/pillars/events/${event.json().id}/checkin-token` })
    ).json();
    const checkin = await pilarB.request({ method: 'POST', url: '/api/pillars/checkin', payload: { token } });
    expect(checkin.json()).toMatchObject({ recorded: true });
    const twice = await pilarB.request({ method: 'POST', url: '/api/pillars/checkin', payload: { token } });
    expect(twice.json()).toMatchObject({ recorded: false, already_recorded: true });
    const forged = await pilarB.request({
      method: 'POST',
      url: '/api/pillars/checkin',
      payload: { token: `${token.slice(0, -2)}xx` },
    });
    expect(forged.json().error.code).toBe('checkin_invalid');
    // A disabled member makes the next visit a home visit to a vulnerable household.
    const household = householdsOf('own')[2] as number;
    const [child] = await db.query<{ id: number }>(
      `SELECT id FROM persons WHERE household_id = $1 AND relationship = 'anak'`,
      [household],
    );
    await correctRecord(db, root, {
      type: 'person',
      id: child?.id as number,
      field: 'disability',
      value: 'fisik',
      reason: 'Survei',
    });
    const task = await newTask(household, 'recheck');
    await assignTo(task, member.b);
    const sent = await pilarB.request({
      method: 'POST',
      url: '/api/pillars/visits',
      payload: visit(task, { exists: 'ada' }),
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const bupati = await login(app, 'bupati');
    const response = await bupati.request({ url: '/api/pillars/evaluation?quarter=2025-Q4' });
    expect(response.statusCode, response.body).toBe(200);
    const evaluation = response.json();
    const b = evaluation.members.find((m: { member_id: number }) => m.member_id === member.b);
    const metric = (row: { metrics: { metric: string; achieved?: number }[] }, name: string) =>
      row.metrics.find((m) => m.metric === name);
    // B visited three distinct households of the own desa (two visits to one of them).
    const [visited] = await db.query<{ n: number }>(
      'SELECT count(DISTINCT household_id)::int AS n FROM pillar_visits WHERE member_id = $1',
      [member.b],
    );
    expect(metric(b, 'households_verified')).toEqual({
      metric: 'households_verified',
      target: 4,
      target_source: 'member',
      achieved: visited?.n,
      percent: ((visited?.n as number) / 4) * 100,
    });
    // This visit, and the earlier one to the household whose head was born in 1950 (corrected above).
    expect(metric(b, 'home_visits_vulnerable')?.achieved).toBe(2);
    expect(metric(b, 'events_attended')).toMatchObject({ target: 1, achieved: 1, percent: 100 });
    expect(metric(b, 'referrals_made')).toMatchObject({ achieved: 0, target: null });
    expect(b.quality).toMatchObject({ without_gps: 0, far_from_desa: 0 });
    const psm = evaluation.pillar_types.find((t: { pillar_type: string }) => t.pillar_type === 'psm');
    expect(metric(psm, 'home_visits_vulnerable')).toMatchObject({
      target: 10,
      target_source: 'group',
      achieved: 2,
    });
    const kecamatan = evaluation.kecamatan.find(
      (k: { kecamatan_code: string }) => k.kecamatan_code === '35.19.01',
    );
    expect(metric(kecamatan, 'home_visits_vulnerable')).toMatchObject({ target: 10, target_source: 'group' });
    const mine = await pilarB.request({ url: '/api/pillars/my/evaluation?quarter=2025-Q4' });
    expect(metric(mine.json(), 'events_attended')).toMatchObject({ achieved: 1, target: 1 });
    const workbook = await bupati.request({ url: '/api/pillars/evaluation.xlsx?quarter=2025-Q4' });
    expect(workbook.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Per anggota', 'Per jenis pilar', 'Per kecamatan']);
  });

  it('imports targets from XLSX all or nothing, naming the row and field of each problem', async () => {
    const sheet = async (rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('Target');
      ws.addRow(['kuartal', 'metrik', 'anggota_id', 'jenis_pilar', 'wilayah', 'target']);
      for (const row of rows) ws.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const upload = (file: Buffer) => {
      const boundary = '----sinergi-xlsx';
      return dinas.request({
        method: 'POST',
        url: '/api/pillars/targets/import',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="target.xlsx"\r\n\r\n`,
          ),
          file,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    };
    const bad = await upload(
      await sheet([
        ['2026-Q1', 'households_verified', member.a, '', '', 30],
        ['2026-Q1', 'kunjungan', member.a, '', '', 5],
        ['2026-Q1', 'events_attended', '', 'tagana', '35.19.99', -1],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().error.details.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`),
    ).toEqual(['3:metric', '4:area_code', '4:target']);
    expect((await db.query(`SELECT 1 FROM pillar_targets WHERE quarter = '2026-Q1'`)).length).toBe(0);
    const good = await upload(
      await sheet([
        ['2026-Q1', 'households_verified', member.a, '', '', 30],
        ['2026-Q1', 'events_attended', '', 'tagana', '35.19.02', 2],
      ]),
    );
    expect(good.json()).toEqual({ saved: 2 });
  });
});

describe('tasks from validation findings', () => {
  it('makes one task per open finding, of the kind its rule asks, and links it back', async () => {
    const [a, b] = data.own.personDbIds;
    const household = householdsOf('own')[0];
    const findings = await db.query<{ id: number }>(
      `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence) VALUES
         ('duplicate_person', 'person', $1, 'pair', $3, 'tinggi', jsonb_build_object('surviving_id', $2::bigint)),
         ('desil_missing', 'household', $4, 'desil', $3, 'sedang', '{}'),
         ('nik_format', 'person', $2, 'nik', $5, 'sedang', '{}')
       RETURNING id`,
      [a, b, DESA.own, household, DESA.other],
    );
    const response = await login(app, 'op.desa').then((desa) =>
      desa.request({ method: 'POST', url: '/api/pillars/tasks/from-findings', payload: { due_date: DUE } }),
    );
    expect(response.statusCode, response.body).toBe(201);
    // The third finding lies in another kecamatan (its desa code says so): not the desa operator's.
    expect(response.json().created).toBe(2);
    const linked = await db.query<{
      rule_id: string;
      kind: string;
      person_id: number | null;
      related_person_id: number | null;
    }>(
      `SELECT f.rule_id, t.kind, t.person_id, t.related_person_id FROM findings f JOIN finding_tasks ft ON ft.finding_id = f.id JOIN pillar_tasks t ON t.id = ft.task_id
       WHERE f.id = ANY($1::bigint[]) ORDER BY f.id`,
      [findings.map((f) => f.id)],
    );
    expect(linked).toEqual([
      { rule_id: 'duplicate_person', kind: 'same_person', person_id: a, related_person_id: b },
      { rule_id: 'desil_missing', kind: 'desil_plausible', person_id: null, related_person_id: null },
    ]);
    const again = await dinas.request({
      method: 'POST',
      url: '/api/pillars/tasks/from-findings',
      payload: {},
    });
    expect(again.json().created).toBe(1);
    // Each link is the finding's one task event, by the caller who made the task.
    const events = await db.query<{ finding_id: number; details: unknown; actor_id: string }>(
      `SELECT e.finding_id, e.details, e.actor_id FROM finding_events e
       WHERE e.kind = 'task' AND e.finding_id = ANY($1::bigint[]) ORDER BY e.finding_id`,
      [findings.map((f) => f.id)],
    );
    const tasks = await db.query<{ id: number; finding_id: number }>(
      'SELECT id, finding_id FROM pillar_tasks WHERE finding_id = ANY($1::bigint[]) ORDER BY finding_id',
      [findings.map((f) => f.id)],
    );
    expect(events.map((e) => [e.finding_id, e.details])).toEqual(
      tasks.map((t) => [t.finding_id, { from_task_id: null, to_task_id: t.id }]),
    );
    expect(events.map((e) => e.actor_id.startsWith('user:'))).toEqual([true, true, true]);
    const third = await dinas.request({
      method: 'POST',
      url: '/api/pillars/tasks/from-findings',
      payload: {},
    });
    expect(third.json()).toEqual({ created: 0, task_ids: [] });
  });

  it('handles more findings than one batch in one call, in the caller’s area only', async () => {
    const own = householdsOf('own');
    const other = householdsOf('other');
    expect(own.length).toBeGreaterThan(2);
    // First (lowest ids) two findings of people no longer in the registry: they get no task.
    const made = await db.query<{ id: number; desa_code: string }>(
      `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence)
       SELECT 'nik_format', 'person', 999999990 + g, 'batch', $2, 'sedang', '{}'::jsonb FROM generate_series(1, 2) g
       UNION ALL
       SELECT 'desil_missing', 'household', h.id, 'batch', h.desa_code, 'sedang', '{}'::jsonb
       FROM households h WHERE h.id = ANY($1::bigint[])
       RETURNING id, desa_code`,
      [[...own, ...other], DESA.own],
    );
    const desaActor = {
      ...root,
      scope: { all: false as const, desaCodes: [DESA.own] },
      permissions: new Set(['pillars.tasks', 'validation.read', 'validation.resolve']),
    };
    // Batches of two: the first batch makes no task at all, and is passed over rather than read again.
    const first = await createTasksFromFindings(db, desaActor, {}, clock.now, 2);
    expect(first.created).toBe(own.length);
    expect(await createTasksFromFindings(db, desaActor, {}, clock.now, 2)).toEqual({
      created: 0,
      task_ids: [],
    });
    const rest = await createTasksFromFindings(db, root, {}, clock.now, 2);
    expect(rest.created).toBe(other.length);
    const linked = await db.query<{ desa_code: string; task_id: number | null; task_desa: string | null }>(
      `SELECT f.desa_code, ft.task_id, t.desa_code AS task_desa FROM findings f
       LEFT JOIN finding_tasks ft ON ft.finding_id = f.id LEFT JOIN pillar_tasks t ON t.id = ft.task_id WHERE f.id = ANY($1::bigint[]) ORDER BY f.id`,
      [made.map((f) => f.id)],
    );
    expect(linked.filter((f) => f.task_id === null)).toHaveLength(2);
    expect(linked.every((f) => f.task_id === null || f.task_desa === f.desa_code)).toBe(true);
    const firstDesas = await db.query<{ desa_code: string }>(
      'SELECT DISTINCT desa_code FROM pillar_tasks WHERE id = ANY($1::bigint[])',
      [first.task_ids],
    );
    expect(firstDesas).toEqual([{ desa_code: DESA.own }]);
  });

  it('assigns the tasks as it makes them when asked, to members covering each desa, with history', async () => {
    const households = [...householdsOf('own'), ...householdsOf('neighbour'), ...householdsOf('other')];
    await db.query(
      `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence)
       SELECT 'desil_missing', 'household', h.id, 'assign', h.desa_code, 'sedang', '{}'::jsonb
       FROM households h WHERE h.id = ANY($1::bigint[])`,
      [households],
    );
    const response = await dinas.request({
      method: 'POST',
      url: '/api/pillars/tasks/from-findings',
      payload: { assign: true, due_date: DUE },
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      created: households.length,
      assigned: households.length,
      without_member: [],
    });
    const perMember = body.per_member as { member_id: number; tasks: number }[];
    expect(perMember.reduce((sum, m) => sum + m.tasks, 0)).toBe(households.length);
    const tasks = await db.query<{
      desa_code: string;
      member_id: number;
      assigned: boolean;
      history: unknown[];
    }>(
      `SELECT t.desa_code, t.member_id, t.assigned_at IS NOT NULL AS assigned,
         (SELECT json_agg(json_build_object('member_id', a.member_id, 'previous', a.previous_member_id,
            'automatic', a.automatic, 'due_date', a.due_date)) FROM pillar_task_assignments a WHERE a.task_id = t.id) AS history
       FROM pillar_tasks t WHERE t.id = ANY($1::bigint[])`,
      [body.task_ids],
    );
    // The own desa is covered by A (its kecamatan) and B, the neighbouring desa by A only, the other kecamatan by C.
    const covers = (desa: string) =>
      desa === DESA.own ? [member.a, member.b] : desa.startsWith('35.19.01') ? [member.a] : [member.c];
    for (const task of tasks) {
      expect(covers(task.desa_code)).toContain(task.member_id);
      expect(task.assigned).toBe(true);
      expect(task.history).toEqual([
        { member_id: task.member_id, previous: null, automatic: true, due_date: DUE },
      ]);
    }
    // None of them is left for automatic assignment afterwards.
    const again = await dinas.request({
      method: 'POST',
      url: '/api/pillars/tasks/assign',
      payload: { task_ids: body.task_ids },
    });
    expect(again.json()).toMatchObject({ assigned: 0 });
  });

  it('gives each task of a household the whole baseline, when its findings fall in different batches', async () => {
    const [household, neighbour] = householdsOf('own');
    const persons = await db.query<{ id: number }>('SELECT id FROM persons WHERE household_id = $1', [
      household,
    ]);
    expect(persons.length).toBeGreaterThan(0);
    // In id order: the household, another household, then the household's people: three batches of two.
    const findings = await db.query<{ id: number }>(
      `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence)
       SELECT 'household_head', 'household', $1::bigint, 'baseline', $3, 'sedang', '{}'::jsonb
       UNION ALL SELECT 'household_head', 'household', $2::bigint, 'baseline', $3, 'sedang', '{}'::jsonb
       UNION ALL SELECT 'nik_region', 'person', p, 'baseline', $3, 'sedang', '{}'::jsonb FROM unnest($4::bigint[]) p
       RETURNING id`,
      [household, neighbour, DESA.own, persons.map((p) => p.id)],
    );
    const made = await createTasksFromFindings(db, root, {}, clock.now, 2);
    expect(made.created).toBe(findings.length);
    const tasks = await db.query<{ household_id: number; same: boolean }>(
      `SELECT t.household_id, ${SAME_AS_REGISTRY} AS same
       FROM findings f JOIN finding_tasks ft ON ft.finding_id = f.id JOIN pillar_tasks t ON t.id = ft.task_id
         JOIN households h ON h.id = t.household_id
         JOIN pillar_task_baselines b ON b.id = t.baseline_id AND b.household_id = t.household_id
       WHERE f.id = ANY($1::bigint[]) ORDER BY f.id`,
      [findings.map((f) => f.id)],
    );
    expect(tasks.map((t) => t.household_id)).toEqual([household, neighbour, ...persons.map(() => household)]);
    expect(tasks.every((t) => t.same)).toBe(true);
  });

  it('makes each finding one task when two calls come at once (two tabs, a second click)', async () => {
    const households = householdsOf('other');
    const findings = await db.query<{ id: number }>(
      `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence)
       SELECT 'desil_missing', 'household', h.id, 'twice', h.desa_code, 'sedang', '{}'::jsonb
       FROM households h WHERE h.id = ANY($1::bigint[]) RETURNING id`,
      [households],
    );
    const [first, second] = await Promise.all([
      createTasksFromFindings(db, root, { rule_id: 'desil_missing', assign: true }, clock.now),
      createTasksFromFindings(db, root, { rule_id: 'desil_missing', assign: true }, clock.now),
    ]);
    expect((first?.created ?? 0) + (second?.created ?? 0)).toBe(findings.length);
    const [tasks] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pillar_tasks WHERE finding_id = ANY($1::bigint[])',
      [findings.map((f) => f.id)],
    );
    expect(tasks?.n).toBe(findings.length);
  });

  it('keeps one baseline for the tasks of a household made together', async () => {
    const [household] = householdsOf('own');
    const persons = await db.query<{ id: number }>('SELECT id FROM persons WHERE household_id = $1', [
      household,
    ]);
    const findings = await db.query<{ id: number }>(
      `INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence)
       SELECT 'household_head', 'household', $1::bigint, 'shared', $2, 'sedang', '{}'::jsonb
       UNION ALL SELECT 'nik_region', 'person', p, 'shared', $2, 'sedang', '{}'::jsonb FROM unnest($3::bigint[]) p
       RETURNING id`,
      [household, DESA.own, persons.map((p) => p.id)],
    );
    await createTasksFromFindings(db, root, {}, clock.now);
    const [shared] = await db.query<{ tasks: number; baselines: number }>(
      `SELECT count(*)::int AS tasks, count(DISTINCT t.baseline_id)::int AS baselines
       FROM findings f JOIN finding_tasks ft ON ft.finding_id = f.id JOIN pillar_tasks t ON t.id = ft.task_id WHERE f.id = ANY($1::bigint[])`,
      [findings.map((f) => f.id)],
    );
    expect(shared).toEqual({ tasks: persons.length + 1, baselines: 1 });
  });
});

describe('bulk tasks', () => {
  it('creates tasks only for households of the caller’s area and assigns them', async () => {
    const desa = {
      ...root,
      scope: { all: false as const, desaCodes: [DESA.own] },
      permissions: new Set(['pillars.tasks']),
    };
    const made = await createHouseholdTasks(
      db,
      desa,
      { kind: 'recheck', household_ids: [...householdsOf('own'), ...householdsOf('other')], due_date: DUE },
      clock.now,
    );
    expect(made).toMatchObject({
      created: householdsOf('own').length,
      skipped: householdsOf('other').length,
    });
    const assigned = await autoAssign(db, desa, { task_ids: made.task_ids }, clock.now);
    expect(assigned.assigned).toBe(made.created);
    // Each baseline is the household's and its members' rows as to_jsonb gives them (what a
    // conflict is later compared against), keyed by person id.
    const [mismatch] = await db.query<{ n: number; members: number }>(
      `SELECT count(*) FILTER (WHERE NOT ${SAME_AS_REGISTRY})::int AS n,
         min((SELECT count(*) FROM pillar_baseline_persons bp WHERE bp.baseline_id = b.id))::int AS members
       FROM pillar_tasks t JOIN households h ON h.id = t.household_id
         JOIN pillar_task_baselines b ON b.id = t.baseline_id AND b.household_id = t.household_id
       WHERE t.id = ANY($1::bigint[])`,
      [made.task_ids],
    );
    expect(mismatch?.n).toBe(0);
    expect(mismatch?.members).toBeGreaterThan(0);
  });
});
