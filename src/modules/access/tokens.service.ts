import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import type { LoginSession } from './authenticate.ts';
import { sessionRequired } from './errors.ts';
import { ACCESS_PERMISSIONS } from './permissions.ts';
import { newSecret, sha256 } from './secrets.ts';
import * as tokens from './tokens.repository.ts';

export interface NewToken {
  name: string;
  permissions: string[];
  expires_in_days?: number;
}

/** API tokens are made from a password login: a token cannot mint more tokens. */
function ownerOf(session: LoginSession | null): number {
  if (!session) throw sessionRequired();
  return session.userId;
}

export async function listTokens(db: Db, session: LoginSession | null) {
  return tokens.tokensOf(db, ownerOf(session));
}

/**
 * Creates a token for the caller, limited to permissions the caller holds; the secret is returned
 * once and only its hash is kept.
 */
export async function createToken(
  db: Db,
  clock: Clock,
  actor: Actor,
  session: LoginSession | null,
  input: NewToken,
) {
  const userId = ownerOf(session);
  const permissions = [...new Set(input.permissions)].sort();
  const beyond = permissions.filter((p) => !actor.permissions.has(p));
  if (permissions.length === 0 || beyond.length > 0) {
    throw badRequest(
      `Token hanya boleh memuat hak akses yang Anda miliki (${[...actor.permissions].join(', ')})`,
      `A token may carry only permissions you hold (${[...actor.permissions].join(', ')})`,
      { field: 'permissions', not_held: beyond },
    );
  }
  const now = clock();
  const secret = `sng_${newSecret()}`;
  const expiresAt = input.expires_in_days
    ? new Date(now.getTime() + input.expires_in_days * 24 * 60 * 60 * 1000)
    : null;
  const row = await tokens.insertToken(db, {
    userId,
    name: input.name.trim(),
    tokenHash: sha256(secret),
    permissions,
    now,
    expiresAt,
  });
  await recordAudit(db, actor, {
    action: 'token.create',
    subjectType: 'api_token',
    subjectId: row.id,
    after: { name: row.name, permissions, expires_at: expiresAt },
  });
  return { ...row, token: secret };
}

/** The owner revokes their token; a user manager may revoke anyone's. */
export async function revokeToken(
  db: Db,
  clock: Clock,
  actor: Actor,
  session: LoginSession | null,
  id: number,
) {
  const userId = ownerOf(session);
  const token = await tokens.findToken(db, id);
  if (!token || (token.user_id !== userId && !actor.permissions.has(ACCESS_PERMISSIONS.manageUsers))) {
    throw notFound(`Token #${id} tidak ditemukan`, `Token #${id} not found`);
  }
  await tokens.revokeToken(db, id, clock());
  await recordAudit(db, actor, {
    action: 'token.revoke',
    subjectType: 'api_token',
    subjectId: id,
    before: { name: token.name, user_id: token.user_id, permissions: token.permissions },
  });
}
