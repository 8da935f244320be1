import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db/index.ts';
import { badRequest, conflict, notFound } from '../../server/errors.ts';
import { checkAssignment } from './assignment.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { ACCESS_PERMISSIONS as P } from './permissions.ts';
import { userIdOf } from './resolve-actor.ts';
import * as sessions from './sessions.repository.ts';
import * as users from './users.repository.ts';

export interface NewUser {
  username: string;
  full_name: string;
  role: string;
  password: string;
  areas: string[];
  pillar_type?: string | null;
  agency?: string | null;
}

export interface UserChange {
  full_name?: string;
  role?: string;
  areas?: string[];
  pillar_type?: string | null;
  agency?: string | null;
  active?: boolean;
}

export type UserView = users.UserRow & { areas: users.AreaRow[] };

export async function listRoles(db: Db, actor: Actor) {
  requirePermission(actor, P.manageUsers);
  return users.listRoles(db);
}

export async function listUsers(
  db: Db,
  actor: Actor,
  filter: { role?: string; q?: string; active?: boolean },
): Promise<UserView[]> {
  requirePermission(actor, P.manageUsers);
  return withAreas(db, await users.listUsers(db, filter));
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<UserView> {
  requirePermission(actor, P.manageUsers);
  return view(db, id);
}

/** Creates a user with a role and areas; `sinergi user add` and the admin API both come here. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUser,
  kabupatenCode: string,
): Promise<UserView> {
  requirePermission(actor, P.manageUsers);
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
    throw badRequest(
      'Nama pengguna 3-40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung',
      'A username has 3-40 characters: lowercase letters, digits, dot, underscore or hyphen',
      { field: 'username' },
    );
  }
  const assignment = {
    role: input.role,
    areas: [...new Set(input.areas)],
    pillarType: input.pillar_type ?? null,
    agency: input.agency?.trim() || null,
  };
  await checkAssignment(db, kabupatenCode, assignment);
  checkPasswordPolicy(input.password, username);
  if (await users.findCredentials(db, username)) {
    throw conflict(`Nama pengguna "${username}" sudah dipakai`, `Username "${username}" is taken`);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = await users.insertUser(tx, {
      username,
      fullName: input.full_name.trim(),
      role: assignment.role,
      passwordHash,
      pillarType: assignment.pillarType,
      agency: assignment.agency,
      createdBy: actor.id,
    });
    await users.setAreas(tx, id, assignment.areas);
    const created = await view(tx, id);
    await recordAudit(tx, actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      after: auditable(created),
    });
    return created;
  });
}

/** Changes a user's name, role, areas or status; takes effect on the user's next request. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  change: UserChange,
  options: { kabupatenCode: string; clock: Clock },
): Promise<UserView> {
  requirePermission(actor, P.manageUsers);
  const before = await view(db, id);
  const next = {
    fullName: change.full_name?.trim() ?? before.full_name,
    role: change.role ?? before.role,
    areas: change.areas ? [...new Set(change.areas)] : before.areas.map((a) => a.code),
    pillarType: change.pillar_type === undefined ? before.pillar_type : change.pillar_type,
    agency: change.agency === undefined ? before.agency : change.agency?.trim() || null,
    active: change.active ?? before.active,
  };
  if (userIdOf(actor) === id && (!next.active || next.role !== before.role)) {
    throw badRequest(
      'Anda tidak dapat menonaktifkan atau mengganti peran akun Anda sendiri',
      'You cannot deactivate your own account or change its role',
    );
  }
  await checkAssignment(db, options.kabupatenCode, next);
  return db.transaction(async (tx) => {
    await users.updateUser(tx, id, next);
    if (change.areas) await users.setAreas(tx, id, next.areas);
    if (!next.active) await sessions.revokeSessionsOf(tx, id, options.clock());
    const after = await view(tx, id);
    await recordAudit(tx, actor, {
      action: 'user.update',
      subjectType: 'user',
      subjectId: id,
      before: auditable(before),
      after: auditable(after),
    });
    return after;
  });
}

/** An admin sets a new password (the user forgot it); every session of the user ends. */
export async function resetPassword(db: Db, actor: Actor, id: number, password: string, clock: Clock) {
  requirePermission(actor, P.manageUsers);
  const user = await view(db, id);
  checkPasswordPolicy(password, user.username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await users.setPassword(tx, id, passwordHash, clock());
    await sessions.revokeSessionsOf(tx, id, clock());
    await recordAudit(tx, actor, { action: 'user.password_reset', subjectType: 'user', subjectId: id });
  });
}

export async function unlockUser(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.manageUsers);
  const user = await view(db, id);
  await users.clearLockout(db, id);
  await recordAudit(db, actor, {
    action: 'user.unlock',
    subjectType: 'user',
    subjectId: id,
    before: { locked_until: user.locked_until, failed_logins: user.failed_logins },
  });
}

async function view(db: Queryable, id: number): Promise<UserView> {
  const user = await users.findUser(db, id);
  if (!user) throw notFound(`Pengguna #${id} tidak ditemukan`, `User #${id} not found`);
  const [withArea] = await withAreas(db, [user]);
  return withArea as UserView;
}

async function withAreas(db: Queryable, rows: users.UserRow[]): Promise<UserView[]> {
  const areas = await users.areasOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, areas: areas.get(row.id) ?? [] }));
}

/** What the audit log keeps of a user: who they are and what they may do, not counters or times. */
function auditable(user: UserView) {
  return {
    username: user.username,
    full_name: user.full_name,
    role: user.role,
    pillar_type: user.pillar_type,
    agency: user.agency,
    active: user.active,
    areas: user.areas.map((a) => a.code),
  };
}
