import type { Queryable } from '../../platform/db/index.ts';

export interface EventRow {
  id: number;
  kind: string;
  title: string;
  event_date: string;
  place: string;
  agenda: string | null;
  invited_types: string[];
  counts_toward_targets: boolean;
  materials: { title: string; url?: string }[];
  attendees: number;
  created_by: string;
  created_at: Date;
}

export interface NewEvent {
  kind: string;
  title: string;
  eventDate: string;
  place: string;
  agenda: string | null;
  invitedTypes: string[];
  countsTowardTargets: boolean;
  materials: { title: string; url?: string }[];
  secret: string;
}

const EVENT = `SELECT e.id, e.kind, e.title, e.event_date, e.place, e.agenda, e.invited_types, e.counts_toward_targets,
    e.materials, e.created_by, e.created_at,
    (SELECT count(*)::int FROM pillar_event_attendance a WHERE a.event_id = e.id) AS attendees
  FROM pillar_events e`;

export async function insertEvent(db: Queryable, e: NewEvent, by: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO pillar_events (kind, title, event_date, place, agenda, invited_types, counts_toward_targets, materials,
       checkin_secret, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      e.kind,
      e.title,
      e.eventDate,
      e.place,
      e.agenda,
      e.invitedTypes,
      e.countsTowardTargets,
      JSON.stringify(e.materials),
      e.secret,
      by,
    ],
  );
  return (row as { id: number }).id;
}

export async function listEvents(db: Queryable, filter: { from?: string; to?: string; type?: string }) {
  return db.query<EventRow>(
    `${EVENT} WHERE ($1::date IS NULL OR e.event_date >= $1::date) AND ($2::date IS NULL OR e.event_date <= $2::date)
       AND ($3::text IS NULL OR $3 = ANY(e.invited_types))
     ORDER BY e.event_date DESC, e.id DESC`,
    [filter.from ?? null, filter.to ?? null, filter.type ?? null],
  );
}

export async function findEvent(db: Queryable, id: number): Promise<EventRow | undefined> {
  const [row] = await db.query<EventRow>(`${EVENT} WHERE e.id = $1`, [id]);
  return row;
}

export async function secretOf(db: Queryable, id: number): Promise<string | undefined> {
  const [row] = await db.query<{ checkin_secret: string }>(
    'SELECT checkin_secret FROM pillar_events WHERE id = $1',
    [id],
  );
  return row?.checkin_secret;
}

export async function attendanceOf(db: Queryable, id: number) {
  return db.query<{
    member_id: number;
    name: string;
    pillar_type: string;
    method: string;
    recorded_at: Date;
  }>(
    `SELECT a.member_id, m.name, m.pillar_type, a.method, a.recorded_at
     FROM pillar_event_attendance a JOIN pillar_members m ON m.id = a.member_id WHERE a.event_id = $1 ORDER BY m.name`,
    [id],
  );
}

/** Records attendance; a member already recorded stays as first recorded. Returns how many were new. */
export async function addAttendance(
  db: Queryable,
  eventId: number,
  memberIds: readonly number[],
  method: 'list' | 'qr',
  by: string,
) {
  const rows = await db.query(
    `INSERT INTO pillar_event_attendance (event_id, member_id, method, recorded_by)
     SELECT $1, unnest($2::bigint[]), $3, $4 ON CONFLICT DO NOTHING RETURNING member_id`,
    [eventId, memberIds, method, by],
  );
  return rows.length;
}

export async function membersTypes(db: Queryable, ids: readonly number[]) {
  return db.query<{ id: number; name: string; pillar_type: string }>(
    'SELECT id, name, pillar_type FROM pillar_members WHERE id = ANY($1::bigint[])',
    [ids],
  );
}
