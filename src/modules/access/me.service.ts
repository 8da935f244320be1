import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { LoginSession } from './authenticate.ts';
import { invalidCredentials, sessionRequired, unauthenticated } from './errors.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { SESSION_POLICY } from './policy.ts';
import { userIdOf } from './resolve-actor.ts';
import * as sessions from './sessions.repository.ts';
import * as users from './users.repository.ts';

/** Who the caller is, as the web app needs it after login and after a reload. */
export async function describeMe(db: Db, actor: Actor, session: LoginSession | null) {
  const id = userIdOf(actor);
  const user = id === null ? undefined : await users.findUser(db, id);
  const role = user && (await users.findRole(db, user.role));
  if (!user || !role) throw unauthenticated();
  const areas = (await users.areasOf(db, [user.id])).get(user.id) ?? [];
  return {
    user: {
      id: user.id,
      username: user.username,
      full_name: user.full_name,
      role: user.role,
      pillar_type: user.pillar_type,
      agency: user.agency,
    },
    role: { name: role.name, label: role.label, label_en: role.label_en },
    areas,
    scope: actor.scope.all
      ? { all: true, desa_codes: [] }
      : { all: false, desa_codes: actor.scope.desaCodes },
    permissions: [...actor.permissions].sort(),
    csrf_token: session?.csrfToken ?? null,
    session: session
      ? { expires_at: session.expiresAt, idle_timeout_seconds: SESSION_POLICY.idleSeconds }
      : null,
  };
}

export async function logout(db: Db, clock: Clock, actor: Actor, session: LoginSession | null) {
  if (!session) throw sessionRequired();
  await sessions.revokeSession(db, session.id, clock());
  await recordAudit(db, actor, { action: 'auth.logout', subjectType: 'user', subjectId: session.userId });
}

/** A user changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(
  db: Db,
  clock: Clock,
  actor: Actor,
  session: LoginSession | null,
  passwords: { current: string; next: string },
) {
  if (!session) throw sessionRequired();
  const user = await users.findUser(db, session.userId);
  const credentials = user && (await users.findCredentials(db, user.username));
  if (!credentials || !(await verifyPassword(credentials.password_hash, passwords.current))) {
    throw invalidCredentials();
  }
  checkPasswordPolicy(passwords.next, credentials.username);
  const passwordHash = await hashPassword(passwords.next);
  await db.transaction(async (tx) => {
    await users.setPassword(tx, credentials.id, passwordHash, clock());
    await sessions.revokeSessionsOf(tx, credentials.id, clock(), session.id);
    await recordAudit(tx, actor, {
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: credentials.id,
    });
  });
}
