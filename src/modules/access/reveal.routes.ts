import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import { revealHousehold, revealPerson } from './reveal.service.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

/** Explicit, audited reveals of full records; POST so that no prefetch or link can trigger one. */
export async function revealRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.post<{ Params: { id: number } }>(
    '/api/persons/:id/reveal',
    {
      config: { revealsIdentity: true },
      schema: {
        tags: ['registry'],
        summary: 'One person with NIK and KK in full (audited)',
        params: idParams,
      },
    },
    (request) => revealPerson(db, request.actor, request.params.id),
  );

  app.post<{ Params: { id: number } }>(
    '/api/households/:id/reveal',
    {
      config: { revealsIdentity: true },
      schema: {
        tags: ['registry'],
        summary: 'A household and its members with NIK and KK in full (audited)',
        params: idParams,
      },
    },
    (request) => revealHousehold(db, request.actor, request.params.id),
  );
}
