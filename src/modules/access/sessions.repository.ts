import type { Queryable } from '../../platform/db/index.ts';

export interface SessionRow {
  id: number;
  user_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export async function insertSession(
  db: Queryable,
  session: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<SessionRow> {
  const [row] = await db.query<SessionRow>(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
     RETURNING id, user_id, csrf_token, created_at, last_seen_at, expires_at, revoked_at`,
    [
      session.tokenHash,
      session.userId,
      session.csrfToken,
      session.ip,
      session.userAgent,
      session.now,
      session.expiresAt,
    ],
  );
  return row as SessionRow;
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await db.query<SessionRow>(
    `SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at, revoked_at
     FROM sessions WHERE token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

export async function touchSession(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, at]);
}

export async function revokeSession(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
}

/** Ends every live session of a user, but `except` (the one changing its own password). */
export async function revokeSessionsOf(
  db: Queryable,
  userId: number,
  at: Date,
  except?: number,
): Promise<void> {
  await db.query(
    `UPDATE sessions SET revoked_at = $2
     WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND id IS DISTINCT FROM $3`,
    [userId, at, except ?? null],
  );
}

/** Sessions are not history (the audit log is): rows long past their end are removed. */
export async function deleteOldSessions(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at < $1', [before]);
}
