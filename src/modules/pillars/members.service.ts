import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, joinTransaction, type Queryable } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.ts';
import { createUser, updateUser, userIdOf } from '../access/index.ts';
import * as repo from './members.repository.ts';
import { PILLARS_PERMISSIONS as P } from './permissions.ts';
import { districtDate } from './quarter.ts';

export interface MemberInput {
  name: string;
  nik?: string | null;
  phone?: string | null;
  pillar_type: string;
  organisation?: string | null;
  active_from: string;
  active_until?: string | null;
  areas: string[];
  /** Create the member's login now (needs access.manage_users too) ... */
  login?: { username: string; password: string };
  /** ... or link an existing pilar user. */
  user_id?: number;
}

export type MemberChange = Partial<Omit<MemberInput, 'login'>>;

export interface MemberContext {
  kabupatenCode: string;
  clock: Clock;
}

export async function listTypes(db: Db, actor: Actor) {
  requirePermission(actor, P.read);
  return repo.listTypes(db);
}

/** A district adds a pillar type of its own (a local volunteer corps, say). */
export async function addType(db: Db, actor: Actor, type: repo.PillarType) {
  requirePermission(actor, P.manage);
  if (await repo.findType(db, type.code))
    throw conflict(`Jenis pilar "${type.code}" sudah ada`, `Pillar type "${type.code}" exists`);
  await repo.insertType(db, type);
  await recordAudit(db, actor, {
    action: 'pillar.type_add',
    subjectType: 'pillar_type',
    subjectId: type.code,
    after: type,
  });
  return type;
}

export async function listMembers(db: Db, actor: Actor, filter: repo.MemberFilter) {
  requirePermission(actor, P.read);
  return repo.listMembers(db, filter);
}

export async function getMember(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.read);
  return memberOrThrow(db, id);
}

/** The member record of a logged-in pilar: what the field app shows as "me". */
export async function myMember(db: Queryable, actor: Actor) {
  requirePermission(actor, P.field);
  const userId = userIdOf(actor);
  const member = userId === null ? undefined : await repo.findMemberOfUser(db, userId);
  if (!member) {
    throw new AppError(
      403,
      'not_a_member',
      'Akun Anda belum terhubung dengan data anggota pilar; hubungi Dinas Sosial',
      'Your account is not linked to a pillar member record; contact the social office',
    );
  }
  return member;
}

export async function createMember(db: Db, actor: Actor, input: MemberInput, context: MemberContext) {
  requirePermission(actor, P.manage);
  const fields = await checkFields(db, input, context.kabupatenCode);
  if (input.nik && (await repo.findMemberByNik(db, input.nik)))
    throw conflict(
      `NIK ${input.nik} sudah terdaftar sebagai anggota pilar`,
      `NIK ${input.nik} is already a member`,
    );
  if (input.login && input.user_id !== undefined)
    throw badRequest(
      'Pilih salah satu: buat akun baru atau hubungkan akun yang ada',
      'Give login or user_id, not both',
    );
  return db.transaction(async (tx) => {
    const id = await repo.insertMember(tx, fields, actor.id);
    await repo.setAreas(tx, id, input.areas);
    const joined = joinTransaction(tx, db.engine);
    if (input.login) {
      const user = await createUser(
        joined,
        actor,
        {
          username: input.login.username,
          full_name: fields.name,
          role: 'pilar',
          password: input.login.password,
          areas: input.areas,
          pillar_type: fields.pillarType,
        },
        context.kabupatenCode,
      );
      await repo.linkUser(tx, id, user.id);
    } else if (input.user_id !== undefined) {
      await linkExistingUser(joined, actor, id, input.user_id, fields.pillarType, input.areas, context);
    }
    const created = (await repo.findMember(tx, id)) as repo.MemberRow;
    await recordAudit(tx, actor, {
      action: 'pillar.member_create',
      subjectType: 'pillar_member',
      subjectId: id,
      after: auditable(created),
    });
    return created;
  });
}

export async function updateMember(
  db: Db,
  actor: Actor,
  id: number,
  change: MemberChange,
  context: MemberContext,
) {
  requirePermission(actor, P.manage);
  const before = await memberOrThrow(db, id);
  const input: MemberInput = {
    name: change.name ?? before.name,
    nik: change.nik === undefined ? before.nik : change.nik,
    phone: change.phone === undefined ? before.phone : change.phone,
    pillar_type: change.pillar_type ?? before.pillar_type,
    organisation: change.organisation === undefined ? before.organisation : change.organisation,
    active_from: change.active_from ?? before.active_from,
    active_until: change.active_until === undefined ? before.active_until : change.active_until,
    areas: change.areas ?? before.areas.map((a) => a.code),
  };
  const fields = await checkFields(db, input, context.kabupatenCode);
  if (fields.nik && fields.nik !== before.nik && (await repo.findMemberByNik(db, fields.nik)))
    throw conflict(
      `NIK ${fields.nik} sudah terdaftar sebagai anggota pilar`,
      `NIK ${fields.nik} is already a member`,
    );
  return db.transaction(async (tx) => {
    await repo.updateMember(tx, id, fields);
    if (change.areas) await repo.setAreas(tx, id, input.areas);
    const joined = joinTransaction(tx, db.engine);
    const userId = change.user_id ?? before.user_id;
    if (change.user_id !== undefined && change.user_id !== before.user_id) {
      await linkExistingUser(joined, actor, id, change.user_id, fields.pillarType, input.areas, context);
    } else if (userId !== null && (change.areas || change.pillar_type)) {
      // The login follows the member: same areas, same type; the access module checks who may change users.
      await updateUser(
        joined,
        actor,
        userId,
        { areas: input.areas, pillar_type: fields.pillarType },
        context,
      );
    }
    if (userId !== null && fields.activeUntil && fields.activeUntil < districtDate(context.clock())) {
      await updateUser(joined, actor, userId, { active: false }, context);
    }
    const after = (await repo.findMember(tx, id)) as repo.MemberRow;
    await recordAudit(tx, actor, {
      action: 'pillar.member_update',
      subjectType: 'pillar_member',
      subjectId: id,
      before: auditable(before),
      after: auditable(after),
    });
    return after;
  });
}

async function linkExistingUser(
  db: Db,
  actor: Actor,
  memberId: number,
  userId: number,
  pillarType: string,
  areas: string[],
  context: MemberContext,
) {
  const user = await repo.findUserForLink(db, userId);
  if (!user) throw notFound(`Pengguna #${userId} tidak ditemukan`, `User #${userId} not found`);
  if (user.role !== 'pilar')
    throw badRequest(`Pengguna #${userId} bukan pilar`, `User #${userId} does not have the pilar role`, {
      field: 'user_id',
    });
  if (user.member_id !== null && user.member_id !== memberId)
    throw conflict(
      `Pengguna #${userId} sudah terhubung dengan anggota lain`,
      `User #${userId} is linked to another member`,
    );
  await updateUser(db, actor, userId, { areas, pillar_type: pillarType }, context);
  await repo.linkUser(db, memberId, userId);
}

async function checkFields(
  db: Queryable,
  input: MemberInput,
  kabupatenCode: string,
): Promise<repo.MemberFields> {
  const name = input.name?.trim();
  if (!name) throw badRequest('Nama anggota wajib diisi', 'The member’s name is required', { field: 'name' });
  const nik = input.nik?.trim() || null;
  if (nik && !/^\d{16}$/.test(nik))
    throw badRequest('NIK harus 16 angka', 'NIK must be 16 digits', { field: 'nik' });
  const type = await repo.findType(db, input.pillar_type);
  if (!type)
    throw badRequest(
      `Jenis pilar "${input.pillar_type}" tidak dikenal`,
      `Unknown pillar type "${input.pillar_type}"`,
      {
        field: 'pillar_type',
      },
    );
  const organisation = input.organisation?.trim() || null;
  if (type.has_organisation && !organisation)
    throw badRequest(
      `Anggota ${type.label} wajib menyebut organisasinya`,
      `A ${type.label_en} member needs an organisation`,
      {
        field: 'organisation',
      },
    );
  const activeUntil = input.active_until ?? null;
  if (activeUntil && activeUntil < input.active_from)
    throw badRequest('Akhir masa aktif sebelum awalnya', 'The active period ends before it starts', {
      field: 'active_until',
    });
  if (input.areas.length === 0)
    throw badRequest(
      'Anggota pilar wajib diberi wilayah (desa atau kecamatan)',
      'A member needs at least one area',
      {
        field: 'areas',
      },
    );
  const found = new Set((await repo.areaRegions(db, input.areas, kabupatenCode)).map((r) => r.code));
  const wrong = input.areas.find((code) => !found.has(code));
  if (wrong)
    throw badRequest(
      `Wilayah ${wrong} bukan desa atau kecamatan di kabupaten ${kabupatenCode}`,
      `Area ${wrong} is not a desa or kecamatan of ${kabupatenCode}`,
      {
        field: 'areas',
        value: wrong,
      },
    );
  return {
    name,
    nik,
    phone: input.phone?.trim() || null,
    pillarType: type.code,
    organisation,
    activeFrom: input.active_from,
    activeUntil,
  };
}

async function memberOrThrow(db: Queryable, id: number) {
  const member = await repo.findMember(db, id);
  if (!member) throw notFound(`Anggota pilar #${id} tidak ditemukan`, `Pillar member #${id} not found`);
  return member;
}

const auditable = (m: repo.MemberRow) => ({
  name: m.name,
  pillar_type: m.pillar_type,
  organisation: m.organisation,
  active_from: m.active_from,
  active_until: m.active_until,
  user_id: m.user_id,
  areas: m.areas.map((a) => a.code),
});
