import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { accountLocked, invalidCredentials } from './errors.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { LOGIN_POLICY, SESSION_POLICY } from './policy.ts';
import { newSecret, sha256 } from './secrets.ts';
import * as sessions from './sessions.repository.ts';
import * as users from './users.repository.ts';

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The session cookie the browser already had: it is ended, never reused (rotation). */
  previousToken?: string;
}

export interface NewSession {
  /** The cookie's value; only its hash is stored. */
  token: string;
  session: sessions.SessionRow;
}

/**
 * Checks a password and starts a new session. Wrong passwords count towards a temporary lockout;
 * every outcome is audited.
 */
export async function login(db: Db, clock: Clock, input: LoginInput): Promise<NewSession> {
  const now = clock();
  const username = input.username.trim().toLowerCase();
  const caller = { id: null, name: username, ip: input.ip };
  const failed = (reason: string, userId?: number) =>
    recordAudit(db, userId ? { ...caller, id: `user:${userId}` } : caller, {
      action: 'auth.login_failed',
      subjectType: userId ? 'user' : undefined,
      subjectId: userId,
      details: { username, reason },
    });

  const user = await users.findCredentials(db, username);
  if (!user) {
    await verifyAgainstNothing(input.password);
    await failed('unknown_user');
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now) {
    await failed('locked', user.id);
    throw accountLocked(user.locked_until);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await failed('wrong_password', user.id);
    const failures = await users.addFailedLogin(db, user.id);
    if (failures >= LOGIN_POLICY.maxFailures) {
      const until = new Date(now.getTime() + LOGIN_POLICY.lockoutSeconds * 1000);
      await users.lockUser(db, user.id, until);
      await recordAudit(
        db,
        { ...caller, id: `user:${user.id}` },
        {
          action: 'auth.locked',
          subjectType: 'user',
          subjectId: user.id,
          details: { locked_until: until.toISOString(), failures },
        },
      );
      throw accountLocked(until);
    }
    throw invalidCredentials();
  }
  if (!user.active) {
    await failed('inactive', user.id);
    throw invalidCredentials();
  }

  await users.clearLockout(db, user.id);
  if (input.previousToken) await endSession(db, input.previousToken, now);
  const token = newSecret();
  const session = await sessions.insertSession(db, {
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken: newSecret(),
    ip: input.ip,
    userAgent: input.userAgent,
    now,
    expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteSeconds * 1000),
  });
  await recordAudit(
    db,
    { id: `user:${user.id}`, name: user.username, role: user.role, ip: input.ip },
    { action: 'auth.login', subjectType: 'user', subjectId: user.id, details: { session: session.id } },
  );
  await sessions.deleteOldSessions(db, new Date(now.getTime() - 24 * 60 * 60 * 1000));
  return { token, session };
}

/** Ends the session a cookie names, if it is one. */
export async function endSession(db: Db, token: string, now: Date): Promise<void> {
  const session = await sessions.findSession(db, sha256(token));
  if (session) await sessions.revokeSession(db, session.id, now);
}

/** Whether a session can still be used at `now`: not revoked, not idle too long, not too old. */
export function sessionState(session: sessions.SessionRow, now: Date): 'live' | 'expired' | 'revoked' {
  if (session.revoked_at) return 'revoked';
  const idleSince = now.getTime() - session.last_seen_at.getTime();
  if (now >= session.expires_at || idleSince >= SESSION_POLICY.idleSeconds * 1000) return 'expired';
  return 'live';
}
