import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/index.ts';
import { notFound } from '../../server/errors.ts';
import { boundariesOf, findRegion, searchRegions } from './regions.service.ts';

const regionSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string' },
    kind: { type: ['string', 'null'] },
    parent_code: { type: ['string', 'null'] },
    centroid_lat: { type: ['number', 'null'] },
    centroid_lng: { type: ['number', 'null'] },
  },
} as const;

/** Regions are public reference data: no personal data, no login needed. */
export async function regionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true };
  });
  app.get<{ Querystring: { name?: string; level?: string; parent?: string; limit: number } }>(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Search regions by name, level and parent',
        querystring: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1 },
            level: { type: 'string', enum: ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'] },
            parent: { type: 'string' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: { 200: { type: 'array', items: regionSchema } },
      },
    },
    (request) => searchRegions(db, request.query),
  );

  app.get<{ Params: { code: string } }>(
    '/api/regions/:code',
    { schema: { tags: ['regions'], summary: 'One region by code', response: { 200: regionSchema } } },
    async (request) => {
      const region = await findRegion(db, request.params.code);
      if (!region) throw notFound(`Wilayah ${request.params.code} tidak ditemukan`);
      return region;
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/regions/:code/boundaries',
    { schema: { tags: ['regions'], summary: "GeoJSON boundaries of a region's children" } },
    (request) => boundariesOf(db, request.params.code),
  );
}
