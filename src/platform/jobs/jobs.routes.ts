import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import { notFound } from '../../server/errors.ts';

export async function jobRoutes(app: FastifyInstance, { jobs }: AppContext) {
  app.get<{ Params: { id: number } }>(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A job with its live progress and result (your own jobs, or kinds your role may follow)',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request) => {
      const job = await jobs.get(request.params.id);
      // Someone else's job answers as missing, so job ids cannot be probed.
      if (!job || !jobs.mayRead(job, request.actor)) {
        throw notFound(
          `Pekerjaan #${request.params.id} tidak ditemukan`,
          `Job #${request.params.id} not found`,
        );
      }
      return job;
    },
  );
}
