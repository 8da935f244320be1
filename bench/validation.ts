/**
 * Validation benchmark: the structural rules over the full-size demo district (BENCH_PEOPLE people,
 * default 750,000, two periods) on PostgreSQL, first run and re-run, time per rule; then the NIK
 * rules and the one-person-in-two-households rule against the generator's ground truth.
 * Needs DATABASE_URL (a PostgreSQL server); the district is imported once into its own database and
 * kept for later runs. Records bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_FILE_NAMES, generateDemoDistrict } from '../src/modules/demo/index.ts';
import { recordResults } from './machine.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 750_000);
const PERIODS = ['2025-Q2', '2025-Q3'];
const url = process.env.DATABASE_URL;
if (!url) throw new Error('bench/validation.ts measures PostgreSQL: set DATABASE_URL');
const root = join(import.meta.dirname, '..');
const work = join(root, '.bench-data', `validation-${PEOPLE}`);
const target = new URL(url);
target.pathname = `/sinergi_validation_${PEOPLE}`;
const env = { ...process.env, DATABASE_URL: target.toString() };

if (!existsSync(join(work, 'manifest.json'))) {
  console.log(`generating ${PEOPLE} people...`);
  await generateDemoDistrict({ outDir: work, size: PEOPLE, periods: PERIODS });
}

const child = (script: string, args: string[] = []) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', script), ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  })
    .trim()
    .split('\n')
    .pop() as string;

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.pathname.slice(1)]))
  .rowCount;
let imported = 0;
if (exists) {
  const bench = new pg.Client({ connectionString: target.toString() });
  await bench.connect();
  imported = Number(
    (await bench.query('SELECT count(*) AS n FROM periods').catch(() => ({ rows: [{ n: 0 }] }))).rows[0]?.n,
  );
  await bench.end();
}
if (imported < PERIODS.length) {
  await admin.query(`DROP DATABASE IF EXISTS ${target.pathname.slice(1)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${target.pathname.slice(1)}`);
  for (const period of PERIODS) {
    console.log(`importing ${period}...`);
    child('import-once.ts', [join(work, DEMO_FILE_NAMES.dtsen(period)), period]);
  }
}
await admin.end();

console.log('validating (first run, then a re-run)...');
interface RuleStats {
  rule_id: string;
  found: number;
  opened: number;
  closed: number;
  ms: number;
}
const { first, again } = JSON.parse(child('validation-once.ts')) as Record<
  'first' | 'again',
  { seconds: number; rules: RuleStats[] }
>;

// Accuracy against the generator's truth, read from the findings the runs left.
const db = new pg.Client({ connectionString: target.toString() });
await db.connect();
const csv = (file: string) =>
  readFileSync(join(work, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
const active = new Set(
  (await db.query<{ person_id: string }>(`SELECT person_id FROM persons WHERE status = 'aktif'`)).rows.map(
    (r) => r.person_id,
  ),
);
const truthNik = csv('truth-nik-inconsistent.csv').filter(([id]) => active.has(id as string));
const found = async (sql: string) =>
  new Set((await db.query<{ person_id: string }>(sql)).rows.map((r) => r.person_id));
const nikFindings = await found(
  `SELECT p.person_id FROM findings f JOIN persons p ON p.id = f.subject_id
   WHERE f.rule_id = 'nik_birth_sex' OR (f.rule_id = 'nik_format' AND f.evidence->'problems' ? 'date_invalid')`,
);
const byProblem = (problem: string, sql: string) => ({
  problem,
  truth: truthNik.filter(([, p]) => p?.split(';').includes(problem)).map(([id]) => id as string),
  sql,
});
const problems = [
  byProblem(
    'birth_date_mismatch',
    `SELECT p.person_id FROM findings f JOIN persons p ON p.id = f.subject_id WHERE f.rule_id = 'nik_birth_sex' AND f.evidence->'problems' ? 'birth_date_mismatch'`,
  ),
  byProblem(
    'sex_mismatch',
    `SELECT p.person_id FROM findings f JOIN persons p ON p.id = f.subject_id WHERE f.rule_id = 'nik_birth_sex' AND f.evidence->'problems' ? 'sex_mismatch'`,
  ),
  byProblem(
    'nik_date_invalid',
    `SELECT p.person_id FROM findings f JOIN persons p ON p.id = f.subject_id WHERE f.rule_id = 'nik_format' AND f.evidence->'problems' ? 'date_invalid'`,
  ),
];
const score = (predicted: Set<string>, truth: string[]) => {
  const hits = truth.filter((id) => predicted.has(id)).length;
  return {
    predicted: predicted.size,
    truth: truth.length,
    precision: hits / (predicted.size || 1),
    recall: hits / (truth.length || 1),
  };
};
const accuracy = [
  {
    label: 'NIK disagrees with the record (nik_birth_sex + nik_format date_invalid)',
    ...score(
      nikFindings,
      truthNik.map(([id]) => id as string),
    ),
  },
  ...(await Promise.all(
    problems.map(async (p) => ({ label: p.problem, ...score(await found(p.sql), p.truth) })),
  )),
];

// person_two_households: each finding names a pair (record, surviving record) the truth must hold. Its
// target is every truth pair of exact copies (no name, date or NIK kind) in different households,
// found when both records are in one group (one survives, the others point at it; a person with
// three records is two findings pointing at the same survivor).
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const truthPairs = csv('truth-duplicates.csv').filter(
  ([a, b]) => active.has(a as string) && active.has(b as string),
);
const allPairs = new Set(truthPairs.map(([a, b]) => pairKey(a as string, b as string)));
const exactElsewhere = truthPairs.filter(([, , kinds]) =>
  (kinds ?? '').split(';').every((k) => k === 'other_household' || k === 'moved_desa'),
);
const pairs = (
  await db.query<{ a: string; b: string }>(
    `SELECT p.person_id AS a, s.person_id AS b FROM findings f
     JOIN persons p ON p.id = f.subject_id JOIN persons s ON s.id = (f.evidence->>'surviving_id')::bigint
     WHERE f.rule_id = 'person_two_households'`,
  )
).rows;
const group = new Map<string, string>();
for (const { a, b } of pairs) {
  group.set(a, b);
  group.set(b, b);
}
const grouped = ([a, b]: string[]) =>
  group.get(a as string) !== undefined && group.get(a as string) === group.get(b as string);
const twoHouseholds = {
  predicted: pairs.length,
  precision: pairs.filter(({ a, b }) => allPairs.has(pairKey(a, b))).length / (pairs.length || 1),
  truth: exactElsewhere.length,
  recall: exactElsewhere.filter(grouped).length / (exactElsewhere.length || 1),
};
await db.end();

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const firstBy = new Map(first.rules.map((r) => [r.rule_id, r]));
const lines = [
  `Demo district of ${PEOPLE.toLocaleString('en')} people, two periods (${PERIODS.join(', ')}) imported, PostgreSQL 15. All ${first.rules.length} structural rules through \`startValidationRun\` (a job, one transaction per rule: rule SQL into a temporary table, then reconcile). First run: every finding new; re-run: every finding found again (nothing opened or closed).`,
  '',
  `**Whole run: first ${first.seconds.toFixed(1)} s, re-run ${again.seconds.toFixed(1)} s** (goal <= 60 s).`,
  '',
  '| rule | findings | first run (s) | re-run (s) |',
  '| --- | --- | --- | --- |',
  ...again.rules.map(
    (r) =>
      `| ${r.rule_id} | ${(firstBy.get(r.rule_id)?.found ?? 0).toLocaleString('en')} | ${((firstBy.get(r.rule_id)?.ms ?? 0) / 1000).toFixed(1)} | ${(r.ms / 1000).toFixed(1)} |`,
  ),
  '',
  'Against the generator truth (records still active in the registry):',
  '',
  '| what | findings | truth | precision | recall |',
  '| --- | --- | --- | --- | --- |',
  ...accuracy.map(
    (a) => `| ${a.label} | ${a.predicted} | ${a.truth} | ${pct(a.precision)} | ${pct(a.recall)} |`,
  ),
  `| person_two_households: (record, survivor) pairs in truth-duplicates / truth pairs of exact copies in two households grouped | ${twoHouseholds.predicted} | ${twoHouseholds.truth} | ${pct(twoHouseholds.precision)} | ${pct(twoHouseholds.recall)} |`,
];
recordResults(`Validation (structural rules), ${PEOPLE.toLocaleString('en')} people`, lines);
console.log(lines.join('\n'));
