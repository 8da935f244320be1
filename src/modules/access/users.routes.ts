import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { actorNames } from './names.service.ts';
import * as usersService from './users.service.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

const areaCodes = {
  type: 'array',
  maxItems: 200,
  items: { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}(\\.\\d{4})?$' },
} as const;

const userFields = {
  full_name: { type: 'string', minLength: 1, maxLength: 200 },
  role: { type: 'string', maxLength: 40 },
  areas: areaCodes,
  // Checked against the pillar_types table, which a district may extend.
  pillar_type: { type: ['string', 'null'], pattern: '^[a-z][a-z0-9_]{1,39}$' },
  agency: { type: ['string', 'null'], maxLength: 200 },
} as const;

/** User management for admins (permission access.manage_users). */
export async function userRoutes(
  app: FastifyInstance,
  { db, clock, kabupatenCode }: { db: Db; clock: Clock; kabupatenCode: string },
) {
  app.get(
    '/api/roles',
    { schema: { tags: ['access'], summary: 'Roles with their labels, scoping and permissions' } },
    (request) => usersService.listRoles(db, request.actor),
  );

  app.get<{ Querystring: { role?: string; q?: string; active?: boolean } }>(
    '/api/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Users with their areas',
        querystring: {
          type: 'object',
          properties: {
            role: { type: 'string', maxLength: 40 },
            q: { type: 'string', maxLength: 100 },
            active: { type: 'boolean' },
          },
        },
      },
    },
    (request) => usersService.listUsers(db, request.actor, request.query),
  );

  app.get<{ Querystring: { id: string[] } }>(
    '/api/users/names',
    {
      schema: {
        tags: ['access'],
        summary:
          'Names of the users behind actor ids (user:12) shown in histories, imports and the audit log',
        querystring: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', maxLength: 40 } },
          },
        },
        response: { 200: { type: 'object', additionalProperties: { type: 'string' } } },
      },
    },
    (request) => actorNames(db, request.actor, request.query.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/users/:id',
    { schema: { tags: ['access'], summary: 'One user with their areas', params: idParams } },
    (request) => usersService.getUser(db, request.actor, request.params.id),
  );

  app.post<{ Body: usersService.NewUser }>(
    '/api/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Create a user with a role and areas',
        body: {
          type: 'object',
          required: ['username', 'full_name', 'role', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 3, maxLength: 40 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
            ...userFields,
            areas: { ...areaCodes, default: [] },
          },
        },
      },
    },
    async (request, reply) => {
      const user = await usersService.createUser(db, request.actor, request.body, kabupatenCode);
      return reply.status(201).send(user);
    },
  );

  app.patch<{ Params: { id: number }; Body: usersService.UserChange }>(
    '/api/users/:id',
    {
      schema: {
        tags: ['access'],
        summary: "Change a user's name, role, areas, pillar type, agency or active flag",
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { ...userFields, active: { type: 'boolean' } },
        },
      },
    },
    (request) =>
      usersService.updateUser(db, request.actor, request.params.id, request.body, { kabupatenCode, clock }),
  );

  app.post<{ Params: { id: number }; Body: { password: string } }>(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['access'],
        summary: "Set a user's password; their sessions end",
        params: idParams,
        body: {
          type: 'object',
          required: ['password'],
          properties: { password: { type: 'string', minLength: 1, maxLength: 1024 } },
        },
      },
    },
    async (request, reply) => {
      await usersService.resetPassword(db, request.actor, request.params.id, request.body.password, clock);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/users/:id/unlock',
    { schema: { tags: ['access'], summary: 'Lift a lockout after wrong passwords', params: idParams } },
    async (request, reply) => {
      await usersService.unlockUser(db, request.actor, request.params.id);
      return reply.status(204).send();
    },
  );
}
