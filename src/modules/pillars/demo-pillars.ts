import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import * as repo from './members.repository.ts';
import { createMember } from './members.service.ts';
import { districtDate, quarterOf } from './quarter.ts';
import * as targets from './targets.repository.ts';
import { autoAssign, createHouseholdTasks } from './tasks.service.ts';

/**
 * Pillars for the demo district: the demo pilar user as a PKH facilitator with targets and a few
 * re-check tasks in their kecamatan, and one TKSK (without a login) per kecamatan, so the members,
 * tasks and evaluation pages have something to show. Runs once: nothing happens when members exist.
 */
export async function createDemoPillars(
  db: Db,
  actor: Actor,
  kabupatenCode: string,
  clock: Clock,
): Promise<void> {
  if ((await repo.listMembers(db, { limit: 1, offset: 0 })).length > 0) return;
  const [pilar] = await db.query<{ id: number; area: string }>(
    `SELECT u.id, a.region_code AS area FROM users u JOIN user_areas a ON a.user_id = u.id
     WHERE u.username = 'demo.pilar' LIMIT 1`,
  );
  const today = districtDate(clock());
  const context = { kabupatenCode, clock };
  const kecamatan = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM regions WHERE parent_code = $1 AND level = 'kecamatan' ORDER BY code`,
    [kabupatenCode],
  );
  for (const [i, k] of kecamatan.entries()) {
    await createMember(
      db,
      actor,
      {
        name: `TKSK ${k.name}`,
        phone: `0812000${String(i).padStart(5, '0')}`,
        pillar_type: 'tksk',
        active_from: today,
        areas: [k.code],
      },
      context,
    );
  }
  if (!pilar) return;
  const member = await createMember(
    db,
    actor,
    {
      name: 'Pendamping PKH Demo',
      pillar_type: 'pkh',
      active_from: today,
      areas: [pilar.area],
      user_id: pilar.id,
    },
    context,
  );
  const quarter = quarterOf(clock());
  await targets.upsertTargets(
    db,
    [
      {
        quarter,
        metric: 'households_verified',
        memberId: member.id,
        pillarType: null,
        areaCode: null,
        target: 60,
      },
      {
        quarter,
        metric: 'home_visits_vulnerable',
        memberId: member.id,
        pillarType: null,
        areaCode: null,
        target: 20,
      },
      {
        quarter,
        metric: 'events_attended',
        memberId: member.id,
        pillarType: null,
        areaCode: null,
        target: 2,
      },
    ],
    actor.id,
  );
  const households = await db.query<{ id: number }>(
    `SELECT id FROM households WHERE starts_with(desa_code, $1) AND status = 'aktif' ORDER BY desil, id LIMIT 12`,
    [pilar.area],
  );
  const due = districtDate(new Date(clock().getTime() + 21 * 86400_000));
  const made = await createHouseholdTasks(
    db,
    actor,
    { kind: 'recheck', household_ids: households.map((h) => h.id), due_date: due },
    clock,
  );
  await autoAssign(db, actor, { task_ids: made.task_ids }, clock);
}
