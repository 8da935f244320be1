import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import { CORRECTABLE_FIELDS } from './correction.ts';
import * as registry from './registry.service.ts';
import { RECORD_STATUSES } from './vocabulary.ts';

const page = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;
const reasonSchema = { type: 'string', minLength: 1, maxLength: 1000 } as const;
const statusEnum = { type: 'string', enum: [...RECORD_STATUSES] } as const;
const desaCode = { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' } as const;
const periodParam = { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } as const;
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export async function registryRoutes(app: FastifyInstance, { db }: AppContext) {
  app.get<{ Querystring: registry.PersonSearch }>(
    '/api/persons',
    {
      schema: {
        tags: ['registry'],
        summary: 'Search people by NIK, KK, name, desa and status (paginated)',
        querystring: {
          type: 'object',
          properties: {
            nik: { type: 'string', pattern: '^\\d{16}$' },
            kk: { type: 'string', pattern: '^\\d{16}$' },
            name: { type: 'string', minLength: 2, maxLength: 100 },
            desa: desaCode,
            status: statusEnum,
            ...page,
          },
        },
      },
    },
    (request) => registry.searchPersons(db, request.actor, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/persons/:id',
    { schema: { tags: ['registry'], summary: 'One person with status history', params: idParams } },
    (request) => registry.getPerson(db, request.actor, request.params.id),
  );

  app.get<{ Querystring: registry.HouseholdSearch }>(
    '/api/households',
    {
      schema: {
        tags: ['registry'],
        summary: 'Search households by KK, family id, desa, desil and status (paginated)',
        querystring: {
          type: 'object',
          properties: {
            kk: { type: 'string', pattern: '^\\d{16}$' },
            familyId: { type: 'string', maxLength: 40 },
            desa: desaCode,
            desil: { type: 'integer', minimum: 1, maximum: 10 },
            status: statusEnum,
            ...page,
          },
        },
      },
    },
    (request) => registry.searchHouseholds(db, request.actor, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/households/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'A household with its members, status history and snapshots by period',
        params: idParams,
      },
    },
    (request) => registry.getHousehold(db, request.actor, request.params.id),
  );

  for (const type of ['household', 'person'] as const) {
    const path = `/api/${type === 'household' ? 'households' : 'persons'}/:id`;
    app.post<{
      Params: { id: number };
      Body: { status: (typeof RECORD_STATUSES)[number]; reason: string; related_id?: number };
    }>(
      `${path}/status`,
      {
        schema: {
          tags: ['registry'],
          summary: `Change a ${type}'s status, with the reason kept in its history`,
          params: idParams,
          body: {
            type: 'object',
            required: ['status', 'reason'],
            properties: {
              status: statusEnum,
              reason: reasonSchema,
              related_id: { type: 'integer', minimum: 1, description: 'for ganda: the surviving record' },
            },
          },
        },
      },
      (request) => {
        const { related_id: relatedId, ...body } = request.body;
        return registry.changeStatus(db, request.actor, {
          type,
          id: request.params.id,
          ...body,
          ...(relatedId === undefined ? {} : { relatedId }),
        });
      },
    );

    app.post<{ Params: { id: number }; Body: { field: string; value: string; reason: string } }>(
      `${path}/corrections`,
      {
        schema: {
          tags: ['registry'],
          summary: `Correct one field of a ${type}, with the old value, the reason and who kept`,
          params: idParams,
          body: {
            type: 'object',
            required: ['field', 'value', 'reason'],
            properties: {
              field: { type: 'string', enum: Object.keys(CORRECTABLE_FIELDS[type]) },
              value: { type: 'string', maxLength: 200 },
              reason: reasonSchema,
            },
          },
        },
      },
      (request) =>
        registry.correctRecord(db, request.actor, { type, id: request.params.id, ...request.body }),
    );
  }

  app.get(
    '/api/periods',
    { schema: { tags: ['registry'], summary: 'Periods that have an imported snapshot' } },
    (request) => registry.listPeriods(db, request.actor),
  );

  app.get<{ Params: { from: string; to: string } }>(
    '/api/diffs/:from/:to',
    {
      schema: {
        tags: ['registry'],
        summary: 'Counts of households and people that entered, left, changed desil or moved desa',
        params: { type: 'object', properties: { from: periodParam, to: periodParam } },
      },
    },
    (request) => registry.periodDiff(db, request.actor, request.params.from, request.params.to),
  );

  app.get<{
    Params: { from: string; to: string; change: 'entered' | 'left' | 'desil_changed' | 'moved_desa' };
    Querystring: { limit: number; offset: number };
  }>(
    '/api/diffs/:from/:to/households/:change',
    {
      schema: {
        tags: ['registry'],
        summary: 'Households of one kind of change between two periods',
        params: {
          type: 'object',
          properties: {
            from: periodParam,
            to: periodParam,
            change: { type: 'string', enum: ['entered', 'left', 'desil_changed', 'moved_desa'] },
          },
        },
        querystring: { type: 'object', properties: page },
      },
    },
    (request) => registry.householdDiff(db, request.actor, { ...request.params, ...request.query }),
  );

  app.get<{
    Params: { from: string; to: string; change: 'entered' | 'left' | 'moved_desa' };
    Querystring: { limit: number; offset: number };
  }>(
    '/api/diffs/:from/:to/persons/:change',
    {
      schema: {
        tags: ['registry'],
        summary: 'People of one kind of change between two periods',
        params: {
          type: 'object',
          properties: {
            from: periodParam,
            to: periodParam,
            change: { type: 'string', enum: ['entered', 'left', 'moved_desa'] },
          },
        },
        querystring: { type: 'object', properties: page },
      },
    },
    (request) => registry.personDiff(db, request.actor, { ...request.params, ...request.query }),
  );
}
