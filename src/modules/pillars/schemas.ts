import { HOUSEHOLD_CONDITIONS, TASK_KINDS } from './vocabulary.ts';

/** JSON schemas shared by the pillars routes (validation and OpenAPI from one source). */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const uuidParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

export const page = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;

export const date = { type: 'string', format: 'date' } as const;
export const quarter = { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } as const;
export const areaCode = { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}(\\.\\d{4})?$' } as const;

export const visitBody = {
  type: 'object',
  required: ['id', 'task_id', 'visited_at', 'answers'],
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      format: 'uuid',
      description: 'made by the field app; a resend carries the same id',
    },
    task_id: { type: 'integer', minimum: 1 },
    started_at: { type: 'string', format: 'date-time' },
    visited_at: { type: 'string', format: 'date-time' },
    answers: { type: 'object', maxProperties: 20 },
    corrections: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['subject_type', 'subject_id', 'field', 'value'],
        additionalProperties: false,
        properties: {
          subject_type: { type: 'string', enum: ['household', 'person'] },
          subject_id: { type: 'integer', minimum: 1 },
          field: { type: 'string', maxLength: 40 },
          value: { type: 'string', maxLength: 200 },
        },
      },
    },
    notes: { type: 'string', maxLength: 4000 },
    condition: { type: 'string', enum: [...HOUSEHOLD_CONDITIONS] },
    position: {
      type: 'object',
      required: ['lat', 'lng'],
      additionalProperties: false,
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lng: { type: 'number', minimum: -180, maximum: 180 },
        accuracy_m: { type: 'number', minimum: 0 },
      },
    },
    photo_base64: { type: 'string', maxLength: 7_000_000, description: 'JPEG, PNG or WebP, at most 5 MB' },
  },
} as const;

export const taskBody = {
  type: 'object',
  required: ['kind', 'household_id'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...TASK_KINDS] },
    household_id: { type: 'integer', minimum: 1 },
    person_id: { type: 'integer', minimum: 1 },
    related_person_id: { type: 'integer', minimum: 1 },
    question: { type: 'string', maxLength: 1000 },
    due_date: date,
    member_id: { type: 'integer', minimum: 1 },
  },
} as const;
