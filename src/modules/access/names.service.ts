import { type Actor, requirePermission } from '../../platform/actor.ts';
import { AUDIT_PERMISSIONS } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { REGISTRY_PERMISSIONS } from '../registry/index.ts';
import { ACCESS_PERMISSIONS } from './permissions.ts';
import * as users from './users.repository.ts';

/**
 * Pages that show who acted (status history, imports, audit log) hold ids such as `user:12`; users
 * holding one of these permissions may turn them into names. A name says who did something, never
 * what is in the registry.
 */
const SHOWS_WHO_ACTED = [
  REGISTRY_PERMISSIONS.read,
  REGISTRY_PERMISSIONS.import,
  AUDIT_PERMISSIONS.read,
  ACCESS_PERMISSIONS.manageUsers,
];

/** Full names of the users behind actor ids; ids of no user (`cli:…`, unknown) are left out. */
export async function actorNames(db: Db, actor: Actor, actorIds: readonly string[]) {
  if (!SHOWS_WHO_ACTED.some((permission) => actor.permissions.has(permission))) {
    requirePermission(actor, REGISTRY_PERMISSIONS.read);
  }
  const ids = actorIds.flatMap((id) => {
    const match = /^user:(\d{1,9})$/.exec(id);
    return match ? [Number(match[1])] : [];
  });
  const rows = ids.length ? await users.namesOf(db, ids) : [];
  return Object.fromEntries(rows.map((row) => [`user:${row.id}`, row.full_name])) as Record<string, string>;
}
