import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import { registrySummary } from './summary.service.ts';

export async function summaryRoutes(app: FastifyInstance, { db, config }: AppContext) {
  app.get<{ Querystring: { area?: string } }>(
    '/api/registry/summary',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Active households and people of the latest period by desil and by kecamatan/desa, within your area',
        querystring: {
          type: 'object',
          properties: {
            area: {
              type: 'string',
              description: 'A kabupaten, kecamatan or desa code; the whole kabupaten when absent',
              pattern: '^\\d{2}\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?$',
            },
          },
        },
      },
    },
    (request) => registrySummary(db, request.actor, config.kabupatenCode, request.query.area),
  );
}
