import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../server/app.ts';
import * as pairs from './pair-decisions.service.ts';

const pairQuery = {
  type: 'object',
  required: ['person_a', 'person_b'],
  properties: { person_a: { type: 'integer', minimum: 1 }, person_b: { type: 'integer', minimum: 1 } },
} as const;

/** People's decisions on possible duplicates (the duplicate review page). */
export async function pairDecisionRoutes(app: FastifyInstance, { db }: AppContext) {
  app.post<{
    Body: { person_a: number; person_b: number; same: boolean; reason?: string; finding_id?: number };
  }>(
    '/api/validation/pair-decisions',
    {
      schema: {
        tags: ['validation'],
        summary:
          'Decide whether two registry people are the same person; with finding_id, "same" resolves that finding as ganda and "not same" dismisses it',
        body: {
          type: 'object',
          required: ['person_a', 'person_b', 'same'],
          properties: {
            person_a: { type: 'integer', minimum: 1 },
            person_b: { type: 'integer', minimum: 1 },
            same: { type: 'boolean' },
            reason: { type: 'string', maxLength: 2000 },
            finding_id: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    (request) =>
      pairs.recordPairDecision(db, request.actor, {
        personA: request.body.person_a,
        personB: request.body.person_b,
        same: request.body.same,
        reason: request.body.reason,
        findingId: request.body.finding_id,
      }),
  );

  app.get<{ Querystring: { person_a: number; person_b: number } }>(
    '/api/validation/pair-decisions',
    {
      schema: {
        tags: ['validation'],
        summary: 'Every decision on one pair of registry people, newest first',
        querystring: pairQuery,
      },
    },
    (request) => pairs.pairDecisions(db, request.actor, request.query.person_a, request.query.person_b),
  );
}
