/**
 * Tasks for every open validation finding of the full demo district (issue 7, goal: making and
 * assigning them in under 10 s). The district (bench/demo-district.ts: BENCH_ACCURACY_DIR,
 * BENCH_ACCURACY_SIZE) is imported with its death register and ASN list, every validation rule is
 * run (BENCH_LINKAGE=0 runs the structural ones only), 1,000 pillar members with logins are made
 * over the district, then one createTasksFromFindings call that also assigns each task (the path of
 * POST /api/pillars/tasks/from-findings with assign: true, the Dinas's one step) is timed. PostgreSQL with DATABASE_URL
 * (a database of its own, dropped at the end), a PGlite folder otherwise. BENCH_TRACE=1 prints the
 * timed calls' statements with their milliseconds (bench/import-trace.ts).
 *
 *   npm run bench -- pillars-findings
 */
import { ALL_PERMISSIONS } from '../src/modules/access/index.ts';
import { createTasksFromFindings, FINDINGS_BATCH } from '../src/modules/pillars/tasks.service.ts';
import { ALL_RULES, STRUCTURAL_RULES, startValidationRun } from '../src/modules/validation/index.ts';
import { consoleActor } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openAppContext } from '../src/server/context.ts';
import { demoDistrict, freshDatabase, importDistrict } from './demo-district.ts';
import { traceDb } from './import-trace.ts';
import { recordResults } from './machine.ts';
import { createBenchMembers } from './pillar-members.ts';
import { row, timed } from './timed.ts';

const MEMBERS = 1_000;
const linkage = process.env.BENCH_LINKAGE !== '0';
const actor = consoleActor('bench', ALL_PERMISSIONS);
const clock = () => new Date('2025-10-01T08:00:00Z');

const district = await demoDistrict();
const database = await freshDatabase('sinergi-pillars-findings');
const context = await openAppContext(loadConfig({ ...process.env, ...database.env }));
const { db } = context;
try {
  const imported = await importDistrict(db, district, context.config.kabupatenCode);
  console.error(`validation (${linkage ? 'all rules' : 'structural rules'}) ...`);
  const validation = await timed(async () => {
    const { done } = await startValidationRun(
      db,
      context.jobs,
      actor,
      context.config.kabupatenCode,
      {},
      { rules: linkage ? ALL_RULES : STRUCTURAL_RULES },
    );
    return done;
  });
  await createBenchMembers(db, MEMBERS);
  await db.exec('ANALYZE');
  const byRule = await db.query<{ rule_id: string; n: number }>(
    `SELECT rule_id, count(*)::int AS n FROM findings WHERE status IN ('open', 'confirmed')
     GROUP BY rule_id ORDER BY rule_id`,
  );
  const open = byRule.reduce((sum, r) => sum + r.n, 0);
  console.error(`${open} open findings in ${validation.seconds.toFixed(1)} s; tasks ...`);

  const measured = process.env.BENCH_TRACE === '1' ? traceDb(db) : db;
  const create = await timed(() =>
    createTasksFromFindings(measured, actor, { due_date: '2025-12-31', assign: true }, clock),
  );
  const [left] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM findings f WHERE status IN ('open', 'confirmed')
       AND NOT EXISTS (SELECT 1 FROM finding_tasks l WHERE l.finding_id = f.id)`,
  );
  const [history] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pillar_task_assignments WHERE automatic',
  );
  console.error(
    `created ${create.result.created} and assigned ${create.result.assigned} in ${create.seconds.toFixed(1)} s`,
  );

  const engine = db.engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const lines = [
    `Demo district of ${district.size.toLocaleString('en')} people (seed ${district.seed}), period ${district.period} imported through the import (${imported.rowsAccepted.toLocaleString('en')} people, ${imported.rowsRejected} rows rejected, ${imported.importSeconds} s) on ${engine}, with its death register (${imported.lists.death.rows} rows) and ASN list (${imported.lists.asn.rows} rows); ${linkage ? 'all validation rules' : 'the structural validation rules'} run (${validation.seconds.toFixed(0)} s), then ${MEMBERS.toLocaleString('en')} pillar members with logins (bench/pillar-members.ts: four in five covering one desa, one in five a kecamatan). Timed: one \`createTasksFromFindings\` call with \`assign: true\` for every open finding of the district (batches of ${FINDINGS_BATCH.toLocaleString('en')}, one baseline per household and batch, each finding linked back, each task given to the least-loaded member covering its desa with its assignment history row, one transaction). Goal: making and assigning them < 10 s.`,
    '',
    `Open findings by rule: ${byRule.map((r) => `${r.rule_id} ${r.n.toLocaleString('en')}`).join(', ')}.`,
    '',
    '| step | rows | seconds | node CPU (s) |',
    '| --- | --- | --- | --- |',
    `| tasks from every open finding, assigned as made (one call) | ${create.result.created.toLocaleString('en')} of ${open.toLocaleString('en')} findings (${left?.n ?? 0} left without a task); ${(create.result.assigned ?? 0).toLocaleString('en')} assigned (${create.result.without_member?.length ?? 0} without a member, ${history?.n ?? 0} history rows) | ${row(create)} |`,
  ];
  console.log(lines.join('\n'));
  recordResults(
    `Pillars: tasks for every open finding of the demo district (bench/pillars-findings.ts), ${engine}`,
    lines,
  );
} finally {
  await context.close();
  await database.drop();
}
