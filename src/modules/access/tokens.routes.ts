import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import * as tokensService from './tokens.service.ts';

/** API tokens for machine clients, managed by their owner from a password login. */
export async function tokenRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  app.get(
    '/api/tokens',
    { schema: { tags: ['access'], summary: "The caller's API tokens (never their secrets)" } },
    (request) => tokensService.listTokens(db, request.loginSession),
  );

  app.post<{ Body: tokensService.NewToken }>(
    '/api/tokens',
    {
      schema: {
        tags: ['access'],
        summary: 'Create an API token with some of your permissions; the secret is shown only once',
        body: {
          type: 'object',
          required: ['name', 'permissions'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            permissions: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 60 } },
            expires_in_days: { type: 'integer', minimum: 1, maximum: 3650 },
          },
        },
      },
    },
    async (request, reply) => {
      const token = await tokensService.createToken(
        db,
        clock,
        request.actor,
        request.loginSession,
        request.body,
      );
      return reply.status(201).send(token);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Revoke an API token',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request, reply) => {
      await tokensService.revokeToken(db, clock, request.actor, request.loginSession, request.params.id);
      return reply.status(204).send();
    },
  );
}
