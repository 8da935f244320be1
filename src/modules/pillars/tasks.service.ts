import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, joinTransaction, type Queryable } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { listOpenFindings, setFindingTasks } from '../validation/index.ts';
import { balanceAssignments } from './assign.ts';
import { type OpenFinding, taskForFinding } from './findings-tasks.ts';
import { FORMS } from './forms.ts';
import * as members from './members.repository.ts';
import { myMember } from './members.service.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';
import { districtDate } from './quarter.ts';
import * as repo from './tasks.repository.ts';
import { PERSON_TASK_KINDS, TASK_KINDS, TASK_STATUS_LABELS, type TaskKind } from './vocabulary.ts';

export interface TaskInput {
  kind: TaskKind;
  household_id: number;
  person_id?: number;
  related_person_id?: number;
  question?: string;
  due_date?: string;
  /** Assign at once to this member; otherwise it waits for automatic or manual assignment. */
  member_id?: number;
}

const withOverdue = (today: string) => (task: repo.TaskRow) => ({
  ...task,
  overdue: task.status === 'open' && task.due_date !== null && task.due_date < today,
});

/** The Dinas asks for a household to be re-checked; a desa operator asks for a visit in their desa. */
export async function createTask(db: Db, actor: Actor, input: TaskInput, clock: Clock) {
  requirePermission(actor, P.tasks);
  if (!TASK_KINDS.includes(input.kind))
    throw badRequest(`Jenis tugas "${input.kind}" tidak dikenal`, `Unknown task kind "${input.kind}"`);
  if (PERSON_TASK_KINDS.has(input.kind) && input.person_id === undefined)
    throw badRequest(
      'Tugas ini menanyakan satu orang: isi person_id',
      'This kind of task asks about one person: give person_id',
      {
        field: 'person_id',
      },
    );
  if ((input.kind === 'same_person') !== (input.related_person_id !== undefined))
    throw badRequest(
      'related_person_id hanya dan wajib untuk tugas same_person',
      'related_person_id is for (and required by) same_person tasks',
      {
        field: 'related_person_id',
      },
    );
  if (
    input.person_id !== undefined &&
    !(await repo.personInHousehold(db, input.person_id, input.household_id))
  )
    throw badRequest(
      `Orang #${input.person_id} bukan anggota keluarga #${input.household_id}`,
      `Person #${input.person_id} is not in household #${input.household_id}`,
      {
        field: 'person_id',
      },
    );
  if (
    input.related_person_id !== undefined &&
    !(await repo.personView(db, actor.scope, input.related_person_id))
  )
    throw notFound(
      `Orang #${input.related_person_id} tidak ditemukan`,
      `Person #${input.related_person_id} not found`,
    );
  checkDueDate(input.due_date, clock);
  const task = await db.transaction(async (tx) => {
    const [made] = await repo.insertTasks(
      tx,
      actor.scope,
      [
        {
          kind: input.kind,
          source: actor.scope.all ? 'household' : 'operator',
          findingId: null,
          householdId: input.household_id,
          personId: input.person_id ?? null,
          relatedPersonId: input.related_person_id ?? null,
          question: input.question?.trim() || null,
          dueDate: input.due_date ?? null,
        },
      ],
      actor.id,
    );
    if (!made)
      throw notFound(
        `Keluarga #${input.household_id} tidak ditemukan`,
        `Household #${input.household_id} not found`,
      );
    await recordAudit(tx, actor, {
      action: 'pillar.task_create',
      subjectType: 'pillar_task',
      subjectId: made.id,
      details: { ...input },
    });
    return made;
  });
  if (input.member_id !== undefined)
    await assignTask(db, actor, task.id, { member_id: input.member_id, due_date: input.due_date }, clock);
  return getTask(db, actor, task.id, clock);
}

/**
 * Many tasks of one kind for households the Dinas names (a re-check campaign, the open findings of
 * a run): one statement, each with its baseline. Households outside the caller's area are skipped and counted.
 */
export async function createHouseholdTasks(
  db: Db,
  actor: Actor,
  input: {
    kind: 'household_exists' | 'desil_plausible' | 'recheck';
    household_ids: number[];
    due_date?: string;
    source?: 'household' | 'finding';
    finding_ids?: number[];
  },
  clock: Clock,
) {
  requirePermission(actor, P.tasks);
  checkDueDate(input.due_date, clock);
  if (input.finding_ids && input.finding_ids.length !== input.household_ids.length)
    throw badRequest(
      'finding_ids harus sepanjang household_ids',
      'finding_ids must be as long as household_ids',
    );
  const made = await db.transaction(async (tx) => {
    const rows = await repo.insertTasks(
      tx,
      actor.scope,
      input.household_ids.map((householdId, i) => ({
        kind: input.kind,
        source: input.source ?? 'household',
        findingId: input.finding_ids?.[i] ?? null,
        householdId,
        personId: null,
        relatedPersonId: null,
        question: null,
        dueDate: input.due_date ?? null,
      })),
      actor.id,
    );
    await recordAudit(tx, actor, {
      action: 'pillar.tasks_create',
      subjectType: 'pillar_task',
      details: { kind: input.kind, requested: input.household_ids.length, created: rows.length },
    });
    return rows;
  });
  return {
    created: made.length,
    skipped: input.household_ids.length - made.length,
    task_ids: made.map((r) => r.id),
  };
}

/** Findings per page of validation's listOpenFindings, and tasks per insert and link. */
export const FINDINGS_BATCH = 10_000;

/**
 * A task for every open validation finding of the caller's area (optionally one rule or area) that
 * has none yet, each linked back to its finding (validation's setFindingTasks), in one transaction:
 * all of them or none. Findings are read in pages of `batchSize` by id, so a finding that gets no
 * task (no household, or one outside the area) is passed over rather than read again; the tasks are
 * then made and linked `batchSize` at a time, in household order. With `assign`, each task is made
 * already assigned, as autoAssign would give it: to the least-loaded member covering its desa.
 */
export async function createTasksFromFindings(
  db: Db,
  actor: Actor,
  input: { rule_id?: string; area?: string; due_date?: string; assign?: boolean },
  clock: Clock,
  batchSize = FINDINGS_BATCH,
) {
  requirePermission(actor, P.tasks);
  checkDueDate(input.due_date, clock);
  return db.transaction(async (tx) => {
    await repo.waitForOtherTasksFromFindings(tx);
    const joined = joinTransaction(tx, db.engine);
    const tasks: repo.NewTask[] = [];
    let read = 0;
    let afterId: number | undefined;
    for (;;) {
      const findings = await listOpenFindings(joined, actor, {
        ruleId: input.rule_id,
        area: input.area,
        withoutTask: true,
        afterId,
        limit: batchSize,
      });
      read += findings.length;
      tasks.push(...(await tasksFor(tx, findings, input.due_date ?? null)));
      if (findings.length < batchSize) break;
      afterId = findings[findings.length - 1]?.id;
    }
    // Every page is read before any task is made so that the tasks of one household (often several:
    // one record is found by several rules) go into the same insert, which builds its baseline once.
    tasks.sort((a, b) => a.householdId - b.householdId);
    // Choosing the members before the insert writes each task once (an UPDATE afterwards rewrites
    // every row and its indexes: bench/pillars-findings.ts).
    if (input.assign) await chooseMembers(tx, actor, tasks, districtDate(clock()));
    const made: repo.MadeTask[] = [];
    for (let from = 0; from < tasks.length; from += batchSize) {
      const batch = await repo.insertTasks(tx, actor.scope, tasks.slice(from, from + batchSize), actor.id);
      await setFindingTasks(
        joined,
        actor,
        batch.map((row) => ({ findingId: row.finding_id as number, taskId: row.id })),
      );
      made.push(...batch);
    }
    const assigned = made.filter((t) => t.member_id !== null);
    await recordAudit(tx, actor, {
      action: 'pillar.tasks_create',
      subjectType: 'pillar_task',
      details: { source: 'finding', findings: read, created: made.length, assigned: assigned.length },
    });
    return {
      created: made.length,
      task_ids: made.map((t) => t.id),
      ...(input.assign
        ? assignmentSummary(made.map((t) => ({ id: t.id, desaCode: t.desa_code, memberId: t.member_id })))
        : {}),
    };
  });
}

/** Sets each task's member as autoAssign would choose among today's candidates (tasks' order kept). */
async function chooseMembers(tx: Queryable, actor: Actor, tasks: repo.NewTask[], today: string) {
  const desa = await repo.desaOfHouseholds(tx, actor.scope, [...new Set(tasks.map((t) => t.householdId))]);
  const open = tasks.flatMap((task, index) => {
    const desaCode = desa.get(task.householdId);
    return desaCode === undefined ? [] : [{ id: index, desaCode }];
  });
  // autoAssign's order: by desa, then as made.
  open.sort((a, b) => (a.desaCode < b.desaCode ? -1 : a.desaCode > b.desaCode ? 1 : a.id - b.id));
  const chosen = balanceAssignments(open, await repo.candidates(tx, today, null));
  for (const [index, memberId] of chosen) (tasks[index] as repo.NewTask).memberId = memberId;
}

/** What an automatic assignment answers: how many, the tasks nobody covers, the load per member. */
function assignmentSummary(tasks: readonly { id: number; desaCode: string; memberId: number | null }[]) {
  const perMember = new Map<number, number>();
  const without: { task_id: number; desa_code: string }[] = [];
  for (const task of tasks) {
    if (task.memberId === null) without.push({ task_id: task.id, desa_code: task.desaCode });
    else perMember.set(task.memberId, (perMember.get(task.memberId) ?? 0) + 1);
  }
  return {
    assigned: tasks.length - without.length,
    // Tasks in a desa no active member covers: the Dinas needs to recruit or widen an area.
    without_member: without,
    per_member: [...perMember].map(([member_id, count]) => ({ member_id, tasks: count })),
  };
}

/** The task each finding asks for, on its household (a person's own); findings without one are left out. */
async function tasksFor(db: Queryable, findings: readonly OpenFinding[], dueDate: string | null) {
  const households = await repo.householdsOfPersons(
    db,
    findings.filter((f) => f.subject_type === 'person').map((f) => f.subject_id),
  );
  return findings.flatMap((finding): repo.NewTask[] => {
    const householdId =
      finding.subject_type === 'household' ? finding.subject_id : households.get(finding.subject_id);
    if (householdId === undefined) return [];
    return [{ ...taskForFinding(finding), householdId, source: 'finding', findingId: finding.id, dueDate }];
  });
}

export async function listTasks(db: Db, actor: Actor, filter: repo.TaskFilter, clock: Clock) {
  requirePermission(actor, P.tasks);
  const today = districtDate(clock());
  const page = await repo.listTasks(db, actor.scope, filter, today);
  return { ...page, items: page.items.map(withOverdue(today)) };
}

/** A task with its household, assignments, visits and change requests; a pilar may read only their own. */
export async function getTask(db: Db, actor: Actor, id: number, clock: Clock) {
  const own = !actor.permissions.has(P.tasks);
  if (own) requirePermission(actor, P.field);
  const task = await repo.findTask(db, actor.scope, id);
  const mine = own ? await myMember(db, actor) : null;
  if (!task || (mine && task.member_id !== mine.id))
    throw notFound(`Tugas #${id} tidak ditemukan`, `Task #${id} not found`);
  const { baseline: _baseline, ...rest } = task;
  return {
    task: withOverdue(districtDate(clock()))(rest),
    ...(await detailsOf(db, actor, task)),
    form: FORMS[task.kind as TaskKind],
    assignments: await repo.assignmentsOf(db, id),
  };
}

/** What the field app downloads: the pilar's open tasks with households, members and forms. */
export async function myTasks(db: Db, actor: Actor, clock: Clock) {
  const member = await myMember(db, actor);
  const today = districtDate(clock());
  const { items } = await repo.listTasks(
    db,
    actor.scope,
    { memberId: member.id, status: 'open', limit: 1000, offset: 0 },
    today,
  );
  const tasks = [];
  for (const task of items)
    tasks.push({ ...withOverdue(today)(task), ...(await detailsOf(db, actor, task)) });
  return { member, server_time: clock().toISOString(), forms: FORMS, tasks };
}

async function detailsOf(db: Db, actor: Actor, task: repo.TaskRow) {
  const view = await repo.householdView(db, actor.scope, task.household_id);
  const related =
    task.related_person_id === null ? null : await repo.personView(db, actor.scope, task.related_person_id);
  return {
    household: view?.household ?? null,
    members: view?.members ?? [],
    // The other record of a same-person question, unless it lies outside the viewer's area.
    related_person: related,
  };
}

/** Assigns (or reassigns) a task by hand to a member who covers its desa. */
export async function assignTask(
  db: Db,
  actor: Actor,
  id: number,
  input: { member_id: number; due_date?: string; reason?: string },
  clock: Clock,
) {
  requirePermission(actor, P.tasks);
  checkDueDate(input.due_date, clock);
  const today = districtDate(clock());
  await db.transaction(async (tx) => {
    const task = (await repo.findTask(tx, actor.scope, id)) && (await repo.lockTask(tx, id));
    if (!task) throw notFound(`Tugas #${id} tidak ditemukan`, `Task #${id} not found`);
    if (task.status !== 'open')
      throw conflict(
        `Tugas #${id} sudah ${TASK_STATUS_LABELS[task.status] ?? task.status}; tidak bisa dialihkan`,
        `Task #${id} is ${task.status}; it cannot be reassigned`,
      );
    const candidate = (await repo.candidates(tx, today, null)).find((c) => c.id === input.member_id);
    if (!candidate?.desaCodes.includes(task.desa_code)) {
      const member = await members.findMember(tx, input.member_id);
      if (!member)
        throw notFound(
          `Anggota pilar #${input.member_id} tidak ditemukan`,
          `Pillar member #${input.member_id} not found`,
        );
      throw new AppError(
        400,
        'member_cannot_take_task',
        `${member.name} tidak dapat menerima tugas ini: tidak aktif, tidak punya akun aktif, atau wilayahnya tidak mencakup desa ${task.desa_code}`,
        `${member.name} cannot take this task: not active, no active login, or their areas do not cover desa ${task.desa_code}`,
        { field: 'member_id' },
      );
    }
    if (task.member_id !== null && !input.reason?.trim())
      throw badRequest('Alasan pengalihan tugas wajib diisi', 'A reason is required to reassign a task', {
        field: 'reason',
      });
    await repo.assign(tx, [{ taskId: id, memberId: input.member_id }], {
      dueDate: input.due_date ?? null,
      automatic: false,
      reason: input.reason?.trim() || null,
      by: actor.id,
    });
  });
  return getTask(db, actor, id, clock);
}

/** Assigns open unassigned tasks of the caller's area to members covering each desa, least-loaded first. */
export async function autoAssign(
  db: Db,
  actor: Actor,
  input: { task_ids?: number[]; area?: string; pillar_types?: string[]; due_date?: string },
  clock: Clock,
) {
  requirePermission(actor, P.tasks);
  checkDueDate(input.due_date, clock);
  const today = districtDate(clock());
  return db.transaction(async (tx) => {
    const tasks = await repo.unassignedTasks(tx, actor.scope, { taskIds: input.task_ids, area: input.area });
    const pool = await repo.candidates(tx, today, input.pillar_types?.length ? input.pillar_types : null);
    const chosen = balanceAssignments(tasks, pool);
    const assignments = [...chosen].map(([taskId, memberId]) => ({ taskId, memberId }));
    await repo.assign(tx, assignments, {
      dueDate: input.due_date ?? null,
      automatic: true,
      reason: null,
      by: actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'pillar.tasks_assign',
      subjectType: 'pillar_task',
      details: { assigned: assignments.length, without_member: tasks.length - assignments.length },
    });
    return assignmentSummary(tasks.map((t) => ({ ...t, memberId: chosen.get(t.id) ?? null })));
  });
}

export async function cancelTask(db: Db, actor: Actor, id: number, reason: string, clock: Clock) {
  requirePermission(actor, P.tasks);
  const why = reason.trim();
  if (!why)
    throw badRequest('Alasan pembatalan wajib diisi', 'A reason is required to cancel a task', {
      field: 'reason',
    });
  await db.transaction(async (tx) => {
    const task = (await repo.findTask(tx, actor.scope, id)) && (await repo.lockTask(tx, id));
    if (!task) throw notFound(`Tugas #${id} tidak ditemukan`, `Task #${id} not found`);
    if (task.status !== 'open')
      throw conflict(
        `Tugas #${id} sudah ${TASK_STATUS_LABELS[task.status] ?? task.status}`,
        `Task #${id} is already ${task.status}`,
      );
    await repo.setStatus(tx, id, 'cancelled', null);
    await recordAudit(tx, actor, {
      action: 'pillar.task_cancel',
      subjectType: 'pillar_task',
      subjectId: id,
      desaCode: task.desa_code,
      details: { reason: why },
    });
  });
  return getTask(db, actor, id, clock);
}

function checkDueDate(due: string | undefined, clock: Clock) {
  if (due !== undefined && due < districtDate(clock()))
    throw badRequest(`Tenggat ${due} sudah lewat`, `Due date ${due} is in the past`, { field: 'due_date' });
}
