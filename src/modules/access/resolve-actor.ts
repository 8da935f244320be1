import type { Actor } from '../../platform/actor.ts';
import { desaScope, WHOLE_DISTRICT } from '../../platform/area-scope.ts';
import type { Queryable } from '../../platform/db/index.ts';
import * as users from './users.repository.ts';

/**
 * The actor of a user, read fresh on every request: the role's permissions from role_permissions and,
 * for scoped roles, the assigned areas expanded to desa. Null when the user is gone or deactivated.
 */
export async function actorOfUser(
  db: Queryable,
  userId: number,
  options: { ip?: string; name?: string; permissionsWithin?: readonly string[] } = {},
): Promise<Actor | null> {
  const user = await users.accessOf(db, userId);
  if (!user?.active) return null;
  const allowed = options.permissionsWithin ? new Set(options.permissionsWithin) : null;
  return {
    id: `user:${user.id}`,
    name: options.name ?? user.username,
    role: user.role,
    permissions: new Set(user.permissions.filter((p) => !allowed || allowed.has(p))),
    scope: user.desa_codes ? desaScope(user.desa_codes) : WHOLE_DISTRICT,
    ip: options.ip,
  };
}

/** The numeric user id inside an actor id ('user:12'); null for the console. */
export function userIdOf(actor: Actor): number | null {
  const match = /^user:(\d+)$/.exec(actor.id);
  return match ? Number(match[1]) : null;
}
