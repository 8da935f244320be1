import { randomBytes } from 'node:crypto';
import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { eventIdOf, signCheckin, verifyCheckin } from './checkin-token.ts';
import * as repo from './events.repository.ts';
import * as members from './members.repository.ts';
import { myMember } from './members.service.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';
import type { EVENT_KINDS } from './vocabulary.ts';

export interface EventInput {
  kind: (typeof EVENT_KINDS)[number];
  title: string;
  event_date: string;
  place: string;
  agenda?: string;
  invited_types: string[];
  /** Whether attending counts toward the events_attended target. */
  counts_toward_targets?: boolean;
  materials?: { title: string; url?: string }[];
}

export async function createEvent(db: Db, actor: Actor, input: EventInput) {
  requirePermission(actor, P.manage);
  const known = new Set((await members.listTypes(db)).map((t) => t.code));
  const unknown = input.invited_types.find((t) => !known.has(t));
  if (unknown || input.invited_types.length === 0)
    throw badRequest(
      `Jenis pilar undangan tidak dikenal: ${unknown ?? '(kosong)'}`,
      `Unknown invited pillar type: ${unknown ?? '(none)'}`,
      {
        field: 'invited_types',
      },
    );
  const id = await db.transaction(async (tx) => {
    const made = await repo.insertEvent(
      tx,
      {
        kind: input.kind,
        title: input.title.trim(),
        eventDate: input.event_date,
        place: input.place.trim(),
        agenda: input.agenda?.trim() || null,
        invitedTypes: [...new Set(input.invited_types)],
        countsTowardTargets: input.counts_toward_targets ?? false,
        materials: input.materials ?? [],
        secret: randomBytes(32).toString('base64url'),
      },
      actor.id,
    );
    await recordAudit(tx, actor, {
      action: 'pillar.event_create',
      subjectType: 'pillar_event',
      subjectId: made,
      after: input,
    });
    return made;
  });
  return getEvent(db, actor, id);
}

/** Events: all for the Dinas; for a pilar, those their type is invited to. */
export async function listEvents(
  db: Db,
  actor: Actor,
  filter: { from?: string; to?: string; type?: string },
) {
  if (actor.permissions.has(P.read)) return repo.listEvents(db, filter);
  const me = await myMember(db, actor);
  return repo.listEvents(db, { ...filter, type: me.pillar_type });
}

export async function getEvent(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.read);
  const event = await repo.findEvent(db, id);
  if (!event) throw notFound(`Kegiatan #${id} tidak ditemukan`, `Event #${id} not found`);
  return { ...event, attendance: await repo.attendanceOf(db, id) };
}

/** Attendance from the sign-in list typed by the Dinas; each member must be of an invited type. */
export async function recordAttendance(db: Db, actor: Actor, id: number, memberIds: number[]) {
  requirePermission(actor, P.manage);
  const event = await repo.findEvent(db, id);
  if (!event) throw notFound(`Kegiatan #${id} tidak ditemukan`, `Event #${id} not found`);
  const found = new Map((await repo.membersTypes(db, memberIds)).map((m) => [m.id, m]));
  const problems = memberIds.flatMap((memberId, i) => {
    const member = found.get(memberId);
    if (!member)
      return [{ row: i + 1, member_id: memberId, reason: 'anggota tidak ada', reason_en: 'no such member' }];
    if (!event.invited_types.includes(member.pillar_type))
      return [
        {
          row: i + 1,
          member_id: memberId,
          reason: `${member.name} (${member.pillar_type}) tidak diundang`,
          reason_en: `${member.name} (${member.pillar_type}) was not invited`,
        },
      ];
    return [];
  });
  if (problems.length > 0)
    throw new AppError(
      400,
      'invalid_attendance',
      'Daftar hadir memuat anggota yang tidak sah; tidak ada yang disimpan',
      'The attendance list has invalid members; nothing was saved',
      {
        problems,
      },
    );
  const added = await db.transaction(async (tx) => {
    const n = await repo.addAttendance(tx, id, memberIds, 'list', actor.id);
    await recordAudit(tx, actor, {
      action: 'pillar.attendance',
      subjectType: 'pillar_event',
      subjectId: id,
      details: { added: n },
    });
    return n;
  });
  return { added, already_recorded: memberIds.length - added };
}

/** The QR code's text for an event, valid until the end of its day (WIB). */
export async function checkinToken(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.manage);
  const event = await repo.findEvent(db, id);
  const secret = await repo.secretOf(db, id);
  if (!event || !secret) throw notFound(`Kegiatan #${id} tidak ditemukan`, `Event #${id} not found`);
  const expiresAt = new Date(`${event.event_date}T23:59:59+07:00`);
  return { token: signCheckin(id, expiresAt, secret), expires_at: expiresAt.toISOString() };
}

/** A pilar scans the event's QR code: attendance recorded once, if their type is invited and the code is valid. */
export async function checkIn(db: Db, actor: Actor, token: string, clock: Clock) {
  const me = await myMember(db, actor);
  const eventId = eventIdOf(token);
  const secret = eventId === null ? undefined : await repo.secretOf(db, eventId);
  const verdict = secret ? verifyCheckin(token, secret, clock()) : 'invalid';
  if (verdict !== 'ok')
    throw new AppError(
      400,
      verdict === 'expired' ? 'checkin_expired' : 'checkin_invalid',
      verdict === 'expired' ? 'Kode QR kegiatan sudah kedaluwarsa' : 'Kode QR kegiatan tidak sah',
      verdict === 'expired' ? 'The event’s QR code has expired' : 'The event’s QR code is not valid',
    );
  const event = (await repo.findEvent(db, eventId as number)) as repo.EventRow;
  if (!event.invited_types.includes(me.pillar_type))
    throw new AppError(
      403,
      'not_invited',
      'Jenis pilar Anda tidak diundang ke kegiatan ini',
      'Your pillar type is not invited to this event',
    );
  const added = await repo.addAttendance(db, event.id, [me.id], 'qr', actor.id);
  return { event_id: event.id, title: event.title, recorded: added === 1, already_recorded: added === 0 };
}
