import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Authenticate } from '../../server/actor-hook.ts';
import { csrfInvalid, sessionExpired, unauthenticated } from './errors.ts';
import { sessionState } from './login.service.ts';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_POLICY } from './policy.ts';
import { actorOfUser } from './resolve-actor.ts';
import { sameSecret, sha256 } from './secrets.ts';
import * as sessions from './sessions.repository.ts';
import * as tokens from './tokens.repository.ts';

export interface LoginSession {
  id: number;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The password login behind this request; null when it came with an API token. */
    loginSession: LoginSession | null;
  }
}

/** Methods that change nothing, and so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Turns a request into its actor: an API token (`Authorization: Bearer sng_...`) or the session
 * cookie, which for writes must come with the session's CSRF token.
 */
export function authenticator(db: Db, clock: Clock): Authenticate {
  return async (request) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) return tokenActor(db, clock, request, bearer);
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) throw unauthenticated();
    return sessionActor(db, clock, request, cookie);
  };
}

async function sessionActor(db: Db, clock: Clock, request: FastifyRequest, cookie: string): Promise<Actor> {
  const now = clock();
  const session = await sessions.findSession(db, sha256(cookie));
  if (!session) throw unauthenticated();
  const state = sessionState(session, now);
  if (state === 'revoked') throw unauthenticated();
  if (state === 'expired') throw sessionExpired();
  const actor = await actorOfUser(db, session.user_id, { ip: request.ip });
  if (!actor) throw unauthenticated();
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrf_token)) {
      await recordAudit(db, actor, {
        action: 'auth.csrf_rejected',
        details: { method: request.method, url: request.url },
      });
      throw csrfInvalid();
    }
  }
  if (now.getTime() - session.last_seen_at.getTime() >= SESSION_POLICY.touchSeconds * 1000) {
    await sessions.touchSession(db, session.id, now);
  }
  request.loginSession = {
    id: session.id,
    userId: session.user_id,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
  };
  return actor;
}

async function tokenActor(db: Db, clock: Clock, request: FastifyRequest, secret: string): Promise<Actor> {
  const now = clock();
  const token = await tokens.findTokenByHash(db, sha256(secret));
  const usable = token && !token.revoked_at && (!token.expires_at || token.expires_at > now);
  const actor =
    usable &&
    (await actorOfUser(db, token.user_id, {
      ip: request.ip,
      permissionsWithin: token.permissions,
    }));
  if (!token || !actor) {
    await recordAudit(
      db,
      { id: null, name: 'token API', ip: request.ip },
      { action: 'auth.token_rejected', details: { token: token?.id ?? null, url: request.url } },
    );
    throw unauthenticated();
  }
  if (
    !token.last_used_at ||
    now.getTime() - token.last_used_at.getTime() >= SESSION_POLICY.touchSeconds * 1000
  ) {
    await tokens.markTokenUsed(db, token.id, now);
  }
  return { ...actor, name: `${actor.name} (token #${token.id})` };
}
