import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../server/errors.ts';
import { login } from './login.service.ts';
import { changeOwnPassword, describeMe, logout } from './me.service.ts';
import { LOGIN_POLICY, SESSION_COOKIE, SESSION_POLICY } from './policy.ts';
import { actorOfUser } from './resolve-actor.ts';

/** Login, logout and "who am I" for the web app; docs/security.md documents the bodies. */
export async function authRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new AppError(
        429,
        'too_many_attempts',
        'Terlalu banyak percobaan masuk dari alamat ini; tunggu satu menit',
        'Too many login attempts from this address; wait a minute',
      ),
  });

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: LOGIN_POLICY.attemptsPerMinutePerIp, timeWindow: 60_000 },
      },
      schema: {
        tags: ['access'],
        summary: 'Log in with username and password; sets the session cookie and returns /api/me',
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await login(db, clock, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(request, reply, token);
      const actor = await actorOfUser(db, session.user_id, { ip: request.ip });
      if (!actor) throw new Error(`user ${session.user_id} vanished during login`);
      return describeMe(db, actor, {
        id: session.id,
        userId: session.user_id,
        csrfToken: session.csrf_token,
        expiresAt: session.expires_at,
      });
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['access'], summary: 'End the session (needs the X-CSRF-Token header)' } },
    async (request, reply) => {
      await logout(db, clock, request.actor, request.loginSession);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['access'], summary: 'The caller: user, role, areas, permissions, CSRF token' } },
    (request) => describeMe(db, request.actor, request.loginSession),
  );

  app.post<{ Body: { current_password: string; new_password: string } }>(
    '/api/me/password',
    {
      schema: {
        tags: ['access'],
        summary: "Change one's own password; other sessions end",
        body: {
          type: 'object',
          required: ['current_password', 'new_password'],
          properties: {
            current_password: { type: 'string', minLength: 1, maxLength: 1024 },
            new_password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, clock, request.actor, request.loginSession, {
        current: request.body.current_password,
        next: request.body.new_password,
      });
      return reply.status(204).send();
    },
  );
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Behind https (directly, or a proxy trusted through SINERGI_TRUST_PROXY) the cookie never goes out in clear.
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_POLICY.absoluteSeconds,
  });
}
