import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { findCredentials } from './users.repository.ts';
import { createUser } from './users.service.ts';

/** Printed at every start of a demo server; the demo district's people are all invented. */
export const DEMO_PASSWORD = 'sinergi-demo-2025';

interface DemoUser {
  username: string;
  full_name: string;
  role: string;
  area: 'none' | 'desa' | 'kecamatan';
  pillar_type?: string;
  agency?: string;
}

const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.admin', full_name: 'Admin Demo', role: 'admin', area: 'none' },
  { username: 'demo.kabupaten', full_name: 'Operator Dinsos Demo', role: 'operator_kabupaten', area: 'none' },
  { username: 'demo.desa', full_name: 'Operator Desa Demo', role: 'operator_desa', area: 'desa' },
  {
    username: 'demo.pilar',
    full_name: 'Pendamping PKH Demo',
    role: 'pilar',
    area: 'kecamatan',
    pillar_type: 'pkh',
  },
  { username: 'demo.slrt', full_name: 'Petugas Puskesos Demo', role: 'slrt', area: 'kecamatan' },
  {
    username: 'demo.opd',
    full_name: 'Mitra Dinkes Demo',
    role: 'opd',
    area: 'none',
    agency: 'Dinas Kesehatan',
  },
  { username: 'demo.pimpinan', full_name: 'Kepala Dinas Demo', role: 'pimpinan', area: 'none' },
  { username: 'demo.auditor', full_name: 'Auditor Demo', role: 'auditor', area: 'none' },
];

/**
 * One user per role for the demo district. The desa operator gets the desa with the most households,
 * the pilar and the SLRT desk its kecamatan, so each of them sees a part of the district and not the rest.
 */
export async function createDemoUsers(db: Db, actor: Actor, kabupatenCode: string): Promise<void> {
  const desa = await busiestDesa(db, kabupatenCode);
  const kecamatan = desa.split('.').slice(0, 3).join('.');
  for (const user of DEMO_USERS) {
    if (await findCredentials(db, user.username)) continue;
    await createUser(
      db,
      actor,
      {
        username: user.username,
        full_name: user.full_name,
        role: user.role,
        password: DEMO_PASSWORD,
        areas: user.area === 'desa' ? [desa] : user.area === 'kecamatan' ? [kecamatan] : [],
        pillar_type: user.pillar_type ?? null,
        agency: user.agency ?? null,
      },
      kabupatenCode,
    );
  }
}

/** The demo users still active, with their role and areas, to print at start. */
export async function demoUsersPresent(db: Db) {
  return db.query<{ username: string; role: string; areas: string[] }>(
    `SELECT u.username, u.role,
       ARRAY(SELECT r.name FROM user_areas a JOIN regions r ON r.code = a.region_code
             WHERE a.user_id = u.id ORDER BY r.name) AS areas
     FROM users u WHERE u.username = ANY($1::text[]) AND u.active ORDER BY u.id`,
    [DEMO_USERS.map((user) => user.username)],
  );
}

async function busiestDesa(db: Db, kabupatenCode: string): Promise<string> {
  const [row] = await db.query<{ code: string }>(
    `SELECT code FROM (
       SELECT desa_code AS code, count(*) AS n FROM households GROUP BY desa_code
       UNION ALL
       SELECT code, -1 FROM regions WHERE level = 'desa_kelurahan' AND starts_with(code, $1)
     ) AS candidates ORDER BY n DESC, code LIMIT 1`,
    [`${kabupatenCode}.`],
  );
  if (!row) throw new Error(`Kabupaten ${kabupatenCode} has no desa in the regions table`);
  return row.code;
}
