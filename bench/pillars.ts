/**
 * Pillars at district scale (goals: each under 10 s):
 * 1. creating and assigning verification tasks for BENCH_TASKS households (default 40,000) of a
 *    district of BENCH_HOUSEHOLDS households (default 240,000, the demo district's size), with
 *    1,000 pillar members with logins;
 *    then tasks from BENCH_FINDINGS open validation findings (default 30,000, about the structural
 *    findings of the demo district) through createTasksFromFindings, the path of
 *    POST /api/pillars/tasks/from-findings, and their assignment;
 * 2. the quarterly evaluation (and its XLSX export) over those 1,000 members and a year of visits
 *    (BENCH_VISITS, default 200,000), events, attendance and change requests.
 * The registry and the work are generated with SQL, not imported: the figures are of the pillars
 * code, not of the import. PGlite in memory by default; with DATABASE_URL a fresh database on that server.
 */
import pg from 'pg';
import { ALL_PERMISSIONS } from '../src/modules/access/index.ts';
import { evaluate, evaluationWorkbook } from '../src/modules/pillars/evaluation.service.ts';
import {
  autoAssign,
  createHouseholdTasks,
  createTasksFromFindings,
  FINDINGS_BATCH,
} from '../src/modules/pillars/tasks.service.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { consoleActor } from '../src/platform/actor.ts';
import { applyMigrations, type Db, openPglite, openPostgres } from '../src/platform/db/index.ts';
import { recordResults } from './machine.ts';
import { createBenchMembers } from './pillar-members.ts';
import { row, timed } from './timed.ts';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 240_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 40_000);
const MEMBERS = 1_000;
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 30_000);
const VISITS = Number(process.env.BENCH_VISITS ?? 200_000);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const actor = consoleActor('bench', ALL_PERMISSIONS);
const clock = () => new Date('2025-10-01T08:00:00Z');

async function openBenchDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite(undefined);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS sinergi_bench_pillars WITH (FORCE)');
  await admin.query('CREATE DATABASE sinergi_bench_pillars');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/sinergi_bench_pillars';
  return openPostgres(target.toString());
}

const db = await openBenchDb();
await applyMigrations(db);
await ensureRegionsLoaded(db, '35.19');
console.log(`${engine}: generating ${HOUSEHOLDS.toLocaleString()} households ...`);
await db.exec(`
  INSERT INTO households (family_id, kk, desa_code, address, desil, status, first_period)
  SELECT 'B-' || g, lpad(g::text, 16, '3519'), d.code, 'Jl. Bench ' || g, 1 + g % 10, 'aktif', '2025-Q3'
  FROM generate_series(1, ${HOUSEHOLDS}) g
  JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total
        FROM regions WHERE level = 'desa_kelurahan' AND starts_with(code, '35.19.')) d ON d.n = g % d.total;
  INSERT INTO persons (person_id, household_id, desa_code, nik, name, sex, birth_date, relationship, disability, first_period)
  SELECT h.family_id || '-' || k, h.id, h.desa_code, lpad((h.id * 3 + k)::text, 16, '3519'), 'Orang ' || h.id || '-' || k,
    CASE k WHEN 2 THEN 'P' ELSE 'L' END, date '1940-01-01' + ((h.id * 7919 + k * 104729) % 30000)::int,
    CASE k WHEN 1 THEN 'kepala_keluarga' WHEN 2 THEN 'istri_suami' ELSE 'anak' END,
    CASE WHEN (h.id + k) % 40 = 0 THEN 'fisik' ELSE 'tidak' END, '2025-Q3'
  FROM households h CROSS JOIN generate_series(1, 3) k;
  ANALYZE households; ANALYZE persons;`);
console.log(`... ${MEMBERS} members with logins`);
await createBenchMembers(db, MEMBERS);

const households = (
  await db.query<{ id: number }>(
    `SELECT id FROM households ORDER BY (id * 2654435761) % 4294967296 LIMIT ${TASKS}`,
  )
).map((h) => h.id);
console.log(`Creating and assigning ${TASKS.toLocaleString()} tasks ...`);
const create = await timed(() =>
  createHouseholdTasks(
    db,
    actor,
    { kind: 'recheck', household_ids: households, due_date: '2025-12-31' },
    clock,
  ),
);
const assign = await timed(() => autoAssign(db, actor, {}, clock));
const created = create.result;
const assigned = assign.result;
console.log(
  `created ${created.created} in ${create.seconds.toFixed(1)} s, assigned ${assigned.assigned} in ${assign.seconds.toFixed(1)} s`,
);

console.log(`Tasks from ${FINDINGS.toLocaleString()} open validation findings ...`);
// The findings are written with SQL as a validation run would leave them (rule, subject, desa,
// evidence), a mix of the rules that become each kind of task; running the rules on generated
// data would measure validation, not pillars.
await db.exec(`
  INSERT INTO findings (rule_id, subject_type, subject_id, key, desa_code, severity, evidence)
  SELECT r.rule_id, r.subject_type, coalesce(p.id, h.id), '', coalesce(p.desa_code, h.desa_code), 'sedang', r.evidence
  FROM generate_series(1, ${FINDINGS}) g
  CROSS JOIN LATERAL (SELECT (ARRAY['nik_birth_sex', 'age_over_110', 'person_two_households', 'household_left_dtsen', 'desil_missing'])[1 + g % 5] AS rule_id) k
  CROSS JOIN LATERAL (SELECT k.rule_id, CASE WHEN g % 5 < 3 THEN 'person' ELSE 'household' END AS subject_type,
    CASE WHEN g % 5 = 2 THEN jsonb_build_object('surviving_id', g * 7 + 1) ELSE '{}'::jsonb END AS evidence) r
  LEFT JOIN persons p ON r.subject_type = 'person' AND p.id = g * 7
  LEFT JOIN households h ON r.subject_type = 'household' AND h.id = 1 + (g * 7) % ${HOUSEHOLDS};
  ANALYZE findings;`);
// One call for every open finding of the district, as the Dinas makes it from the findings page:
// the service pages through them in batches of FINDINGS_BATCH itself.
const findingTasks = await timed(() => createTasksFromFindings(db, actor, { due_date: '2025-12-31' }, clock));
const [left] = await db.query<{ n: number }>(
  'SELECT count(*)::int AS n FROM findings f WHERE NOT EXISTS (SELECT 1 FROM finding_tasks l WHERE l.finding_id = f.id)',
);
const assignFindings = await timed(() => autoAssign(db, actor, {}, clock));
const fromFindings = findingTasks.result;
const assignedFindings = assignFindings.result;
console.log(
  `from findings: created ${fromFindings.created} in one call, ${findingTasks.seconds.toFixed(1)} s; assigned ${assignedFindings.assigned} in ${assignFindings.seconds.toFixed(1)} s`,
);

console.log(`Generating a year of visits (${VISITS.toLocaleString()}), events and change requests ...`);
await db.exec(`
  INSERT INTO pillar_visits (id, task_id, member_id, household_id, desa_code, started_at, visited_at, answers, lat, lng,
    photo_file, vulnerable_household, response, created_by)
  SELECT gen_random_uuid(), t.id, t.member_id, t.household_id, t.desa_code,
    v.at - ((5 + g % 40) * interval '1 minute'), v.at, '{"exists":"ada"}',
    CASE WHEN g % 17 = 0 THEN NULL ELSE r.centroid_lat + ((g % 13) - 6) * 0.004 END,
    CASE WHEN g % 17 = 0 THEN NULL ELSE r.centroid_lng + ((g % 11) - 5) * 0.004 END,
    CASE WHEN g % 9 = 0 THEN NULL ELSE 'bench.jpg' END, g % 6 = 0, '{}', 'bench'
  FROM generate_series(1, ${VISITS}) g
  JOIN pillar_tasks t ON t.id = 1 + g % ${created.created}
  JOIN regions r ON r.code = t.desa_code
  CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00+07' + ((g * 7919) % 525600) * interval '1 minute' AS at) v;
  INSERT INTO pillar_change_requests (visit_id, task_id, subject_type, subject_id, desa_code, kind, new_status, reason, state,
    baseline_value, baseline_updated_at)
  SELECT v.id, v.task_id, 'household', v.household_id, v.desa_code, 'status', 'pindah', 'bench',
    (ARRAY['pending', 'approved', 'rejected'])[1 + (v.task_id % 3)::int], 'aktif', now()
  FROM pillar_visits v WHERE v.task_id % 10 = 0;
  INSERT INTO pillar_events (kind, title, event_date, place, invited_types, counts_toward_targets, checkin_secret, created_by)
  SELECT 'bimtek', 'Bimtek ' || g, date '2025-01-10' + g * 15, 'Aula', ARRAY['pkh','tksk','psm','tagana','karang_taruna'], g % 2 = 0, 's', 'bench'
  FROM generate_series(1, 24) g;
  INSERT INTO pillar_event_attendance (event_id, member_id, method, recorded_by)
  SELECT e.id, m.id, 'list', 'bench' FROM pillar_events e JOIN pillar_members m ON (m.id + e.id) % 3 = 0;
  INSERT INTO pillar_targets (quarter, metric, member_id, target, set_by)
  SELECT q, metric, m.id, 40, 'bench' FROM pillar_members m,
    unnest(ARRAY['2025-Q1','2025-Q2','2025-Q3','2025-Q4']) q, unnest(ARRAY['households_verified','home_visits_vulnerable','events_attended']) metric;
  INSERT INTO pillar_targets (quarter, metric, pillar_type, area_code, target, set_by)
  SELECT '2025-Q3', 'households_verified', t, left(r.code, 8), 500, 'bench'
  FROM unnest(ARRAY['pkh','tksk','psm']) t, regions r WHERE r.level = 'kecamatan' AND starts_with(r.code, '35.19.');
  ANALYZE;`);

const evaluation = await timed(() => evaluate(db, actor, '2025-Q3'));
const again = await timed(() => evaluate(db, actor, '2025-Q3'));
const workbook = await timed(() => evaluationWorkbook(db, actor, '2025-Q3'));
const visitsInQuarter = again.result.members.reduce((s, m) => s + m.quality.visits, 0);
console.log(
  `evaluation ${evaluation.seconds.toFixed(1)} s (again ${again.seconds.toFixed(1)} s), workbook ${workbook.seconds.toFixed(1)} s (${(workbook.result.length / 1024).toFixed(0)} KiB)`,
);
await db.close();

recordResults(`Pillars: tasks and quarterly evaluation (bench/pillars.ts), ${engine}`, [
  `Generated with SQL (not through the import): ${HOUSEHOLDS.toLocaleString('en')} households and ${(HOUSEHOLDS * 3).toLocaleString('en')} people over the 35.19 desa, ${MEMBERS.toLocaleString('en')} pillar members with logins (four in five covering one desa, one in five a kecamatan). The tasks are made for ${TASKS.toLocaleString('en')} households picked at random (\`createHouseholdTasks\`, kind recheck: the insert that tasks from findings use) and assigned with \`autoAssign\`; then ${FINDINGS.toLocaleString('en')} open findings written with SQL (five rules, one in five each: recheck, alive, same_person, household_exists, desil_plausible; the rules are not run) become tasks through \`createTasksFromFindings\` (the from-findings route: one call for all of them, in batches of ${FINDINGS_BATCH.toLocaleString('en')} linked back with validation's set-wise \`setFindingTasks\`) and are assigned on top of the first batch. The evaluation reads ${VISITS.toLocaleString('en')} visits over 2025 (${visitsInQuarter.toLocaleString('en')} in the quarter), ${(VISITS / 10).toLocaleString('en')}-odd change requests, 24 events with attendance, member and group targets. Goal for each: < 10 s.`,
  '',
  '| step | rows | seconds | node CPU (s) |',
  '| --- | --- | --- | --- |',
  `| create tasks with baselines | ${created.created.toLocaleString('en')} | ${row(create)} |`,
  `| assign automatically | ${assigned.assigned.toLocaleString('en')} (${assigned.without_member.length} without a member) | ${row(assign)} |`,
  `| tasks from open findings (one call) | ${fromFindings.created.toLocaleString('en')} (${left?.n ?? 0} findings left without a task) | ${row(findingTasks)} |`,
  `| assign the findings' tasks automatically | ${assignedFindings.assigned.toLocaleString('en')} (${assignedFindings.without_member.length} without a member) | ${row(assignFindings)} |`,
  `| quarterly evaluation 2025-Q3, first / second call | ${evaluation.result.members.length.toLocaleString('en')} members, ${evaluation.result.kecamatan.length} kecamatan | ${evaluation.seconds.toFixed(1)} / ${again.seconds.toFixed(1)} | ${evaluation.cpu.toFixed(1)} / ${again.cpu.toFixed(1)} |`,
  `| evaluation XLSX export | ${(workbook.result.length / 1024).toFixed(0)} KiB | ${row(workbook)} |`,
]);
