import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../platform/clock.ts';
import type { AppContext } from '../../server/app.ts';
import { AppError, badRequest } from '../../server/errors.ts';
import * as changes from './change-requests.service.ts';
import * as events from './events.service.ts';
import { PHOTO_MAX_BYTES } from './photos.ts';
import { areaCode, date, idParams, page, taskBody, uuidParams, visitBody } from './schemas.ts';
import * as tasks from './tasks.service.ts';
import * as visits from './visits.service.ts';
import { EVENT_KINDS, TASK_KINDS } from './vocabulary.ts';

/** Field work: tasks and their assignment, visits (offline-safe), change requests, events and check-in. */
export async function fieldRoutes(app: FastifyInstance, { db, config, clock = systemClock }: AppContext) {
  const visitContext = { dataDir: config.dataDir, clock };

  app.get<{
    Querystring: {
      status?: string;
      kind?: string;
      desa?: string;
      member_id?: number;
      unassigned?: boolean;
      overdue?: boolean;
      limit: number;
      offset: number;
    };
  }>(
    '/api/pillars/tasks',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Verification tasks of the caller’s area; `overdue=true` is the overdue list',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['open', 'visited', 'closed', 'cancelled'] },
            kind: { type: 'string', enum: [...TASK_KINDS] },
            desa: areaCode,
            member_id: { type: 'integer', minimum: 1 },
            unassigned: { type: 'boolean' },
            overdue: { type: 'boolean' },
            ...page,
          },
        },
      },
    },
    (request) => {
      const { member_id, ...rest } = request.query;
      return tasks.listTasks(
        db,
        request.actor,
        { ...rest, ...(member_id ? { memberId: member_id } : {}) },
        clock,
      );
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/pillars/tasks/:id',
    {
      schema: {
        tags: ['pillars'],
        summary: 'A task with its household, form and assignments',
        params: idParams,
      },
    },
    (request) => tasks.getTask(db, request.actor, request.params.id, clock),
  );

  app.post<{ Body: tasks.TaskInput }>(
    '/api/pillars/tasks',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Create a verification task for a household (Dinas or desa operator)',
        body: taskBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createTask(db, request.actor, request.body, clock)),
  );

  app.post<{
    Body: {
      kind: 'household_exists' | 'desil_plausible' | 'recheck';
      household_ids: number[];
      due_date?: string;
    };
  }>(
    '/api/pillars/tasks/bulk',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Create one task per household named (a re-check campaign); households outside the area are skipped',
        body: {
          type: 'object',
          required: ['kind', 'household_ids'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['household_exists', 'desil_plausible', 'recheck'] },
            household_ids: {
              type: 'array',
              minItems: 1,
              maxItems: 50_000,
              items: { type: 'integer', minimum: 1 },
            },
            due_date: date,
          },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createHouseholdTasks(db, request.actor, request.body, clock)),
  );

  app.post<{ Body: { rule_id?: string; area?: string; due_date?: string; assign?: boolean } }>(
    '/api/pillars/tasks/from-findings',
    {
      schema: {
        tags: ['pillars'],
        summary: 'A task for every open validation finding of the area without one, linked to its finding',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            rule_id: { type: 'string', maxLength: 60 },
            area: areaCode,
            due_date: date,
            // Assign each task as it is made, as /api/pillars/tasks/assign would.
            assign: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await tasks.createTasksFromFindings(db, request.actor, request.body ?? {}, clock)),
  );

  app.post<{ Body: { task_ids?: number[]; area?: string; pillar_types?: string[]; due_date?: string } }>(
    '/api/pillars/tasks/assign',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Assign open unassigned tasks automatically: a member covering the desa, least open load first',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            task_ids: { type: 'array', maxItems: 100_000, items: { type: 'integer', minimum: 1 } },
            area: areaCode,
            pillar_types: { type: 'array', items: { type: 'string' } },
            due_date: date,
          },
        },
      },
    },
    (request) => tasks.autoAssign(db, request.actor, request.body, clock),
  );

  app.post<{ Params: { id: number }; Body: { member_id: number; due_date?: string; reason?: string } }>(
    '/api/pillars/tasks/:id/assign',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Assign or reassign a task by hand (a reason is required to reassign)',
        params: idParams,
        body: {
          type: 'object',
          required: ['member_id'],
          additionalProperties: false,
          properties: {
            member_id: { type: 'integer', minimum: 1 },
            due_date: date,
            reason: { type: 'string', maxLength: 1000 },
          },
        },
      },
    },
    (request) => tasks.assignTask(db, request.actor, request.params.id, request.body, clock),
  );

  app.post<{ Params: { id: number }; Body: { reason: string } }>(
    '/api/pillars/tasks/:id/cancel',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Cancel an open task, with the reason',
        params: idParams,
        body: {
          type: 'object',
          required: ['reason'],
          properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } },
        },
      },
    },
    (request) => tasks.cancelTask(db, request.actor, request.params.id, request.body.reason, clock),
  );

  app.get(
    '/api/pillars/my/tasks',
    {
      schema: {
        tags: ['pillars'],
        summary: 'For the field app: the pilar’s open tasks with households and forms',
      },
    },
    (request) => tasks.myTasks(db, request.actor, clock),
  );

  app.post<{ Body: visits.VisitInput }>(
    '/api/pillars/visits',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Send a visit (JSON; a photo as base64). Idempotent: a resend of the same id stores nothing and answers the same',
        body: visitBody,
      },
    },
    async (request, reply) => {
      const { replayed, body } = await visits.submitVisit(
        db,
        request.actor,
        request.body,
        null,
        visitContext,
      );
      return reply.status(201).header('idempotent-replay', String(replayed)).send(body);
    },
  );

  app.post(
    '/api/pillars/visits/multipart',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Send a visit as multipart: field "visit" (the JSON body), file "photo". Idempotent like the JSON route',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const validate = request.compileValidationSchema(visitBody);
      let input: unknown;
      let photo: Buffer | null = null;
      for await (const part of request.parts({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          try {
            photo = await part.toBuffer();
          } catch {
            throw new AppError(
              413,
              'photo_too_large',
              'Foto lebih dari 5 MB',
              'The photo is larger than 5 MB',
              { field: 'photo' },
            );
          }
        } else if (part.fieldname === 'visit') {
          try {
            input = JSON.parse(String(part.value));
          } catch {
            throw badRequest('Isian "visit" bukan JSON', 'The "visit" field is not JSON', { field: 'visit' });
          }
        }
      }
      if (!validate(input))
        throw badRequest('Isian "visit" tidak sah', 'The "visit" field is invalid', {
          problems: validate.errors?.map((e) => ({
            field: e.instancePath.replace(/^\//, ''),
            reason: e.message,
          })),
        });
      const { replayed, body } = await visits.submitVisit(
        db,
        request.actor,
        input as visits.VisitInput,
        photo,
        visitContext,
      );
      return reply.status(201).header('idempotent-replay', String(replayed)).send(body);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/pillars/visits/:id',
    { schema: { tags: ['pillars'], summary: 'One visit', params: uuidParams } },
    (request) => visits.getVisit(db, request.actor, request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/api/pillars/visits/:id/photo',
    { schema: { tags: ['pillars'], summary: 'The photo of a visit', params: uuidParams } },
    async (request, reply) => {
      const photo = await visits.visitPhoto(db, request.actor, request.params.id, config.dataDir);
      return reply
        .header('content-type', photo.type)
        .header('cache-control', 'private, no-store')
        .send(photo.data);
    },
  );

  app.get<{
    Querystring: { state?: string; desa?: string; task_id?: number; limit: number; offset: number };
  }>(
    '/api/pillars/change-requests',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Changes proposed by visits, with any conflict since the task was sent and whether the caller can apply them',
        querystring: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: ['pending', 'approved', 'rejected'] },
            desa: areaCode,
            task_id: { type: 'integer', minimum: 1 },
            ...page,
          },
        },
      },
    },
    (request) => changes.listChangeRequests(db, request.actor, request.query),
  );

  app.post<{ Params: { id: number }; Body: { note?: string; acknowledge_conflict?: boolean } }>(
    '/api/pillars/change-requests/:id/approve',
    {
      schema: {
        tags: ['pillars'],
        summary:
          'Approve: applied to the registry with history and audit; 409 change_conflict unless acknowledged',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            note: { type: 'string', maxLength: 1000 },
            acknowledge_conflict: { type: 'boolean' },
          },
        },
      },
    },
    (request) => changes.approve(db, request.actor, request.params.id, request.body ?? {}),
  );

  app.post<{ Params: { id: number }; Body: { note: string } }>(
    '/api/pillars/change-requests/:id/reject',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Reject a change request, with the reason',
        params: idParams,
        body: {
          type: 'object',
          required: ['note'],
          properties: { note: { type: 'string', minLength: 1, maxLength: 1000 } },
        },
      },
    },
    (request) => changes.reject(db, request.actor, request.params.id, request.body),
  );

  app.get<{ Querystring: { from?: string; to?: string; type?: string } }>(
    '/api/pillars/events',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Capacity-building events (a pilar sees those their type is invited to)',
        querystring: { type: 'object', properties: { from: date, to: date, type: { type: 'string' } } },
      },
    },
    (request) => events.listEvents(db, request.actor, request.query),
  );

  app.post<{ Body: events.EventInput }>(
    '/api/pillars/events',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Create an event (bimtek, dialog, FGD)',
        body: {
          type: 'object',
          required: ['kind', 'title', 'event_date', 'place', 'invited_types'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: [...EVENT_KINDS] },
            title: { type: 'string', minLength: 1, maxLength: 300 },
            event_date: date,
            place: { type: 'string', minLength: 1, maxLength: 300 },
            agenda: { type: 'string', maxLength: 10_000 },
            invited_types: { type: 'array', minItems: 1, items: { type: 'string' } },
            counts_toward_targets: { type: 'boolean' },
            materials: {
              type: 'array',
              maxItems: 50,
              items: {
                type: 'object',
                required: ['title'],
                additionalProperties: false,
                properties: {
                  title: { type: 'string', maxLength: 300 },
                  url: { type: 'string', maxLength: 2000 },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await events.createEvent(db, request.actor, request.body)),
  );

  app.get<{ Params: { id: number } }>(
    '/api/pillars/events/:id',
    { schema: { tags: ['pillars'], summary: 'An event with its attendance', params: idParams } },
    (request) => events.getEvent(db, request.actor, request.params.id),
  );

  app.post<{ Params: { id: number }; Body: { member_ids: number[] } }>(
    '/api/pillars/events/:id/attendance',
    {
      schema: {
        tags: ['pillars'],
        summary: 'Record attendance from the sign-in list',
        params: idParams,
        body: {
          type: 'object',
          required: ['member_ids'],
          properties: {
            member_ids: {
              type: 'array',
              minItems: 1,
              maxItems: 5000,
              items: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
    },
    (request) => events.recordAttendance(db, request.actor, request.params.id, request.body.member_ids),
  );

  app.get<{ Params: { id: number } }>(
    '/api/pillars/events/:id/checkin-token',
    {
      schema: {
        tags: ['pillars'],
        summary: 'The signed text of the event’s check-in QR code',
        params: idParams,
      },
    },
    (request) => events.checkinToken(db, request.actor, request.params.id),
  );

  app.post<{ Body: { token: string } }>(
    '/api/pillars/checkin',
    {
      schema: {
        tags: ['pillars'],
        summary: 'A pilar checks in to an event with the scanned QR code',
        body: {
          type: 'object',
          required: ['token'],
          properties: { token: { type: 'string', maxLength: 200 } },
        },
      },
    },
    (request) => events.checkIn(db, request.actor, request.body.token, clock),
  );
}
