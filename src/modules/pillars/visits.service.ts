import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { correctionProblem } from '../registry/index.ts';
import { answerProblems } from './forms.ts';
import { myMember } from './members.service.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';
import { discardPhoto, readPhoto, savePhoto } from './photos.ts';
import * as tasks from './tasks.repository.ts';
import { changesFromVisit, type ObservedCorrection } from './visit-changes.ts';
import * as repo from './visits.repository.ts';
import { type HOUSEHOLD_CONDITIONS, TASK_STATUS_LABELS, type TaskKind } from './vocabulary.ts';

export interface VisitInput {
  /** Made by the field app (a UUID) when the visit is saved, offline or not: a resend carries the same id. */
  id: string;
  task_id: number;
  /** When the pillar opened the form; with visited_at it tells how long the visit took. */
  started_at?: string;
  visited_at: string;
  answers: Record<string, unknown>;
  corrections?: ObservedCorrection[];
  notes?: string;
  condition?: (typeof HOUSEHOLD_CONDITIONS)[number];
  position?: { lat: number; lng: number; accuracy_m?: number };
  /** A photo sent inside JSON, base64-encoded; multipart uploads pass the bytes beside the input instead. */
  photo_base64?: string;
}

export interface VisitContext {
  dataDir: string;
  clock: Clock;
}

/**
 * Stores a visit once. A resend of the same id (the field app was offline, the answer got lost)
 * answers what the first call answered and stores nothing; the same id for another task or member is refused.
 * The answers become change requests for the Dinas or desa operator to decide.
 */
export async function submitVisit(
  db: Db,
  actor: Actor,
  input: VisitInput,
  photoBytes: Buffer | null,
  context: VisitContext,
): Promise<{ replayed: boolean; body: unknown }> {
  const member = await myMember(db, actor);
  const replay = await replayOf(db, input, member.id);
  if (replay) return replay;
  const task = await tasks.findTask(db, actor.scope, input.task_id);
  if (!task || task.member_id !== member.id)
    throw notFound(
      `Tugas #${input.task_id} tidak ditemukan di antara tugas Anda`,
      `Task #${input.task_id} is not one of your tasks`,
    );
  if (task.status !== 'open')
    throw conflict(
      `Tugas #${task.id} sudah ${TASK_STATUS_LABELS[task.status] ?? task.status}; kunjungan tidak diterima`,
      `Task #${task.id} is ${task.status}; the visit is not accepted`,
    );
  checkTimes(input, context.clock);
  const problems = answerProblems(task.kind as TaskKind, input.answers);
  const corrections = input.corrections ?? [];
  corrections.forEach((c, i) => {
    const own =
      c.subject_type === 'household'
        ? c.subject_id === task.household_id
        : Object.hasOwn(task.baseline.persons, String(c.subject_id));
    if (!own)
      problems.push({
        field: `corrections[${i}].subject_id`,
        reason: 'is not this household or one of its members',
      });
    const problem = correctionProblem(c.subject_type, c.field, String(c.value ?? ''));
    if (problem) problems.push({ field: `corrections[${i}]`, reason: problem });
  });
  if (problems.length > 0) {
    throw new AppError(
      400,
      'invalid_visit',
      'Jawaban kunjungan belum lengkap atau tidak sah',
      'The visit’s answers are incomplete or invalid',
      {
        problems,
      },
    );
  }
  const bytes = photoBytes ?? (input.photo_base64 ? Buffer.from(input.photo_base64, 'base64') : null);
  const photo = bytes ? await savePhoto(context.dataDir, input.id, new Date(input.visited_at), bytes) : null;
  const changes = changesFromVisit(
    {
      kind: task.kind as TaskKind,
      householdId: task.household_id,
      personId: task.person_id,
      relatedPersonId: task.related_person_id,
    },
    input.answers,
    corrections,
  );
  const result = await db.transaction(async (tx) => {
    const stored = await repo.insertVisit(tx, {
      id: input.id,
      taskId: task.id,
      memberId: member.id,
      householdId: task.household_id,
      desaCode: task.desa_code,
      startedAt: input.started_at ?? null,
      visitedAt: input.visited_at,
      answers: input.answers,
      notes: input.notes?.trim() || null,
      condition: input.condition ?? null,
      lat: input.position?.lat ?? null,
      lng: input.position?.lng ?? null,
      accuracyM: input.position?.accuracy_m ?? null,
      photo,
      by: actor.id,
    });
    // Two sends of the same visit raced; the other one stored it.
    if (!stored) return null;
    const reason = `Kunjungan ${member.name} ${input.visited_at.slice(0, 10)} (tugas #${task.id}: ${task.kind})${
      input.notes?.trim() ? `: ${input.notes.trim()}` : ''
    }`;
    const requests = await repo.insertChangeRequests(
      tx,
      { id: input.id, taskId: task.id, desaCode: task.desa_code, reason },
      changes.map((change) => {
        const record =
          change.subjectType === 'household'
            ? task.baseline.household
            : task.baseline.persons[String(change.subjectId)];
        const value = record?.[change.kind === 'status' ? 'status' : change.field];
        return {
          ...change,
          baselineValue: value === undefined || value === null ? null : String(value),
          baselineUpdatedAt: record?.updated_at ?? null,
        };
      }),
    );
    const status = requests.length > 0 ? 'visited' : 'closed';
    await tasks.setStatus(tx, task.id, status, status === 'closed' ? member.id : null);
    const body = {
      visit: { id: input.id, task_id: task.id, visited_at: input.visited_at, has_photo: photo !== null },
      task_status: status,
      change_requests: requests,
    };
    await repo.setResponse(tx, input.id, body);
    await recordAudit(tx, actor, {
      action: 'pillar.visit',
      subjectType: 'household',
      subjectId: task.household_id,
      desaCode: task.desa_code,
      details: { visit_id: input.id, task_id: task.id, change_requests: requests.length },
    });
    return body;
  });
  if (result) return { replayed: false, body: result };
  if (photo) await discardPhoto(context.dataDir, photo.relative);
  return (await replayOf(db, input, member.id)) as { replayed: boolean; body: unknown };
}

async function replayOf(db: Db, input: VisitInput, memberId: number) {
  const existing = await repo.findVisitForReplay(db, input.id);
  if (!existing) return null;
  if (existing.member_id !== memberId || existing.task_id !== input.task_id)
    throw conflict(
      `Kunjungan ${input.id} sudah ada untuk tugas lain`,
      `Visit ${input.id} already exists for another task`,
    );
  return { replayed: true, body: existing.response };
}

function checkTimes(input: VisitInput, clock: Clock) {
  const visited = Date.parse(input.visited_at);
  // A phone's clock can run a little ahead; a visit an hour in the future is a wrong clock or a made-up time.
  if (Number.isNaN(visited) || visited > clock().getTime() + 3600_000)
    throw badRequest(
      'Waktu kunjungan tidak sah atau di masa depan',
      'The visit time is invalid or in the future',
      { field: 'visited_at' },
    );
  if (input.started_at !== undefined && !(Date.parse(input.started_at) <= visited))
    throw badRequest(
      'Waktu mulai harus sebelum waktu kunjungan selesai',
      'started_at must be before visited_at',
      { field: 'started_at' },
    );
}

/** A visit, for whoever may read its task: the Dinas and desa operators of the area, or the pilar who made it. */
export async function getVisit(db: Db, actor: Actor, id: string) {
  const visit = await repo.findVisit(db, actor.scope, id);
  const mine =
    actor.permissions.has(P.tasks) || actor.permissions.has(P.review) ? null : await myMember(db, actor);
  if (!visit || (mine && visit.member_id !== mine.id))
    throw notFound(`Kunjungan ${id} tidak ditemukan`, `Visit ${id} not found`);
  const { photo_file, ...rest } = visit;
  return { ...rest, has_photo: photo_file !== null };
}

export async function visitPhoto(db: Db, actor: Actor, id: string, dataDir: string) {
  const visit = await repo.findVisit(db, actor.scope, id);
  const mine =
    actor.permissions.has(P.tasks) || actor.permissions.has(P.review) ? null : await myMember(db, actor);
  if (!visit || (mine && visit.member_id !== mine.id) || !visit.photo_file)
    throw notFound(`Foto kunjungan ${id} tidak ditemukan`, `No photo for visit ${id}`);
  return { type: visit.photo_type as string, data: await readPhoto(dataDir, visit.photo_file) };
}
