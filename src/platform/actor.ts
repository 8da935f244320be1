import { AppError } from '../server/errors.ts';
import { type AreaScope, WHOLE_DISTRICT } from './area-scope.ts';

/**
 * Who is asking: resolved once per request (or CLI run) into the permissions and the area scope that
 * every service method checks first.
 */
export interface Actor {
  /** Stable id written into history and audit rows ('user:12', 'cli:root'). */
  id: string;
  name: string;
  role: string;
  permissions: ReadonlySet<string>;
  scope: AreaScope;
  /** Where the request came from, for the audit log; absent at the console. */
  ip?: string;
}

/** The operator at the server's own console (CLI): every permission, the whole district. */
export function consoleActor(name: string, permissions: Iterable<string>): Actor {
  return {
    id: `cli:${name}`,
    name,
    role: 'console',
    permissions: new Set(permissions),
    scope: WHOLE_DISTRICT,
  };
}

/** The first line of every service method that takes an actor. */
export function requirePermission(actor: Actor, permission: string): void {
  if (!actor.permissions.has(permission)) {
    throw new AppError(
      403,
      'forbidden',
      'Anda tidak memiliki hak akses untuk tindakan ini',
      'You do not have permission for this action',
      { permission },
    );
  }
}
