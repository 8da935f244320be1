import type { Queryable } from '../../platform/db/index.ts';

export interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  permissions: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const TOKEN_COLUMNS = 'id, user_id, name, permissions, created_at, expires_at, last_used_at, revoked_at';

export async function insertToken(
  db: Queryable,
  token: {
    userId: number;
    name: string;
    tokenHash: string;
    permissions: string[];
    now: Date;
    expiresAt: Date | null;
  },
): Promise<TokenRow> {
  const [row] = await db.query<TokenRow>(
    `INSERT INTO api_tokens (user_id, name, token_hash, permissions, created_at, expires_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING ${TOKEN_COLUMNS}`,
    [token.userId, token.name, token.tokenHash, token.permissions, token.now, token.expiresAt],
  );
  return row as TokenRow;
}

export async function findTokenByHash(db: Queryable, tokenHash: string): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1`, [
    tokenHash,
  ]);
  return rows[0];
}

export async function findToken(db: Queryable, id: number): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
  return rows[0];
}

export async function tokensOf(db: Queryable, userId: number): Promise<TokenRow[]> {
  return db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC`, [
    userId,
  ]);
}

export async function markTokenUsed(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, at]);
}

export async function revokeToken(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
}
