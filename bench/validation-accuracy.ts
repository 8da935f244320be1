/**
 * Precision and recall of the linkage-based validation rules (dead_death_register, asn_listed,
 * duplicate_person) against the demo generator's ground truth. Generates a demo district (or reuses
 * BENCH_ACCURACY_DIR), imports its last period, its death register and its ASN list into a fresh
 * database (PostgreSQL when DATABASE_URL is set, a PGlite folder otherwise), runs the three rules over
 * the district and appends the figures to bench/RESULTS.md.
 *
 *   npm run bench -- validation-accuracy        # BENCH_ACCURACY_SIZE (default 750000)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingCandidate, ProgramRule } from '../src/modules/validation/rule.ts';
import { asnListedRule } from '../src/modules/validation/rules/asn-listed.ts';
import { deadDeathRegisterRule } from '../src/modules/validation/rules/dead-death-register.ts';
import { duplicatePersonRule } from '../src/modules/validation/rules/duplicate-person.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openAppContext } from '../src/server/context.ts';
import { demoDistrict, freshDatabase, importDistrict, seconds } from './demo-district.ts';
import { recordResults } from './machine.ts';

const district = await demoDistrict();
const { dir, period } = district;

const database = await freshDatabase('sinergi-accuracy');
const context = await openAppContext(loadConfig({ ...process.env, ...database.env }));
const { db } = context;
try {
  const { importSeconds, lists, ...imported } = await importDistrict(
    db,
    district,
    context.config.kabupatenCode,
  );
  const personIds = new Map<number, string>();
  for (const row of await db.query<{ id: number; person_id: string }>('SELECT id, person_id FROM persons'))
    personIds.set(row.id, row.person_id);
  const inRegistry = new Set(personIds.values());

  const ctx = {
    db,
    scope: { desaCodes: null },
    kabupatenCode: context.config.kabupatenCode,
    progress: () => undefined,
  };
  const run = async (rule: ProgramRule) => {
    const at = performance.now();
    const findings = await rule.run(ctx);
    return { findings, seconds: seconds(performance.now() - at) };
  };

  // Dead: a finding is the pair (register row, registry person); the truth pairs are the dead still listed.
  const dead = await run(deadDeathRegisterRule);
  const deathTruth = csv(join(dir, 'truth-deaths.csv')).filter((r) => r.still_listed === 'true');
  const deadFigures = score(
    dead.findings,
    (f) => `${f.key.slice('akta:'.length)}|${personIds.get(f.subjectId)}`,
    deathTruth.map((r) => ({
      key: `${r.no_akta_kematian}|${r.id_individu}`,
      ids: [r.id_individu as string],
    })),
    inRegistry,
  );

  const asn = await run(asnListedRule);
  const asnTruth = csv(join(dir, 'truth-asn.csv'));
  const asnFigures = score(
    asn.findings,
    (f) => `${f.key.split(':')[2]}|${personIds.get(f.subjectId)}`,
    asnTruth.map((r) => ({ key: `${r.nip}|${r.id_individu}`, ids: [r.id_individu as string] })),
    inRegistry,
  );

  const duplicates = await run(duplicatePersonRule);
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const duplicateTruth = csv(join(dir, 'truth-duplicates.csv'));
  const duplicateFigures = score(
    duplicates.findings,
    (f) => {
      const [, a, b] = f.key.split(':');
      return pairKey(personIds.get(Number(a)) as string, personIds.get(Number(b)) as string);
    },
    duplicateTruth.map((r) => ({
      key: pairKey(r.id_individu_a as string, r.id_individu_b as string),
      ids: [r.id_individu_a as string, r.id_individu_b as string],
    })),
    inRegistry,
  );

  const row = (name: string, figures: Figures, took: number) =>
    `| ${name} | ${figures.truth} (${figures.excluded} excluded) | ${figures.predicted} | ${pct(figures.precision)} | ${pct(figures.recall)} | ${figures.review} (${figures.reviewTrue} true) | ${took} |`;
  const lines = [
    `Demo district of ${district.size.toLocaleString('en')} people (seed ${district.seed}), period ${period} imported (${imported.rowsAccepted.toLocaleString('en')} people, ${imported.rowsRejected} rows rejected, ${importSeconds} s) on ${db.engine}; death register ${lists.death.rows} rows (${lists.death.rejected} rejected), ASN list ${lists.asn.rows} rows (${lists.asn.rejected} rejected). Predicted = findings at the rule's severity (match level); the review band (severity rendah) is counted apart. Truth pairs whose records are not in the registry (rejected by the import: nik_missing second records) are excluded. Goal: precision and recall >= 98 %.`,
    '',
    '| rule | truth pairs | predicted | precision | recall | review band | rule run (s) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('dead_death_register (still listed)', deadFigures, dead.seconds),
    row('asn_listed', asnFigures, asn.seconds),
    row('duplicate_person (pairs)', duplicateFigures, duplicates.seconds),
  ];
  console.log(lines.join('\n'));
  if (process.env.BENCH_ACCURACY_RECORD !== '0')
    recordResults('Validation accuracy (bench/validation-accuracy.ts)', lines);
} finally {
  await context.close();
  await database.drop();
}

interface Figures {
  truth: number;
  excluded: number;
  predicted: number;
  precision: number;
  recall: number;
  review: number;
  reviewTrue: number;
}

function score(
  findings: FindingCandidate[],
  keyOf: (finding: FindingCandidate) => string,
  truthRows: { key: string; ids: string[] }[],
  inRegistry: Set<string>,
): Figures {
  const truth = new Set(truthRows.filter((r) => r.ids.every((id) => inRegistry.has(id))).map((r) => r.key));
  const predicted = new Set(findings.filter((f) => f.severity !== 'rendah').map(keyOf));
  const review = new Set(findings.filter((f) => f.severity === 'rendah').map(keyOf));
  const hits = [...predicted].filter((key) => truth.has(key)).length;
  return {
    truth: truth.size,
    excluded: truthRows.length - truth.size,
    predicted: predicted.size,
    precision: predicted.size === 0 ? 1 : hits / predicted.size,
    recall: truth.size === 0 ? 1 : hits / truth.size,
    review: review.size,
    reviewTrue: [...review].filter((key) => truth.has(key)).length,
  };
}

function pct(value: number): string {
  return `${(value * 100).toFixed(2)} %`;
}

/** The truth files are plain CSV without quoted commas in the columns read here. */
function csv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const columns = (header as string).split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}
