import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../../platform/actor.ts';
import { desaScope } from '../../../platform/area-scope.ts';
import type { Db } from '../../../platform/db/index.ts';
import { openTestDb } from '../../../platform/db/testing.ts';
import { JobRunner } from '../../../platform/jobs/index.ts';
import { DEMO_FILE_NAMES, generateDemoDistrict } from '../../demo/index.ts';
import { REGISTRY_PERMISSIONS, startImportJob } from '../../registry/index.ts';
import { runListImport } from '../lists/list-import.ts';
import { recordPairDecision } from '../pairs/pair-decisions.service.ts';
import { VALIDATION_PERMISSIONS } from '../permissions.ts';
import type { FindingCandidate, ProgramRule, RuleContext } from '../rule.ts';
import { startValidationRun } from '../runs.service.ts';
import { asnListedRule } from './asn-listed.ts';
import { deadDeathRegisterRule } from './dead-death-register.ts';
import { duplicatePersonRule } from './duplicate-person.ts';

/**
 * The three linkage rules on a small demo district (docs/demo-data.md), whose truth files say
 * exactly which registry people are dead, civil servants or recorded twice.
 */
let db: Db;
let dir: string;
const operator = consoleActor('test', [
  ...Object.values(REGISTRY_PERMISSIONS),
  ...Object.values(VALIDATION_PERMISSIONS),
]);
const personIds = new Map<number, string>();

const context = (desaCodes: string[] | null = null): RuleContext => ({
  db,
  scope: { desaCodes },
  kabupatenCode: '35.19',
  progress: () => undefined,
});
const run = (rule: ProgramRule, desaCodes: string[] | null = null) => rule.run(context(desaCodes));
const truth = (file: string) => {
  const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
  const columns = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
};
const atMatchLevel = (findings: FindingCandidate[]) => findings.filter((f) => f.severity !== 'rendah');

beforeAll(async () => {
  db = await openTestDb();
  dir = await mkdtemp(join(tmpdir(), 'sinergi-linkage-rules-'));
  await generateDemoDistrict({ outDir: dir, size: 3000, seed: 7, periods: ['2025-Q3'] });
  const file = DEMO_FILE_NAMES.dtsen('2025-Q3');
  const { done } = await startImportJob(db, new JobRunner(db), operator, {
    path: join(dir, file),
    fileName: file,
    period: '2025-Q3',
    kabupatenCode: '35.19',
  });
  await done;
  for (const row of await db.query<{ id: number; person_id: string }>('SELECT id, person_id FROM persons'))
    personIds.set(row.id, row.person_id);
});
afterAll(() => db.close());

describe('linkage rules without lists', () => {
  it('find no dead and no civil servants before a list is imported', async () => {
    expect(await run(deadDeathRegisterRule)).toEqual([]);
    expect(await run(asnListedRule)).toEqual([]);
  });
});

describe('dead_death_register', () => {
  let findings: FindingCandidate[];
  beforeAll(async () => {
    await runListImport(db, {
      kind: 'death',
      path: join(dir, 'death-register.csv'),
      fileName: 'death-register.csv',
      createdBy: 'test',
    });
    findings = await run(deadDeathRegisterRule);
  });

  it('links every dead person still listed to their certificate, and no one else', () => {
    const found = atMatchLevel(findings)
      .map((f) => `${f.key}|${personIds.get(f.subjectId)}`)
      .sort();
    const expected = truth('truth-deaths.csv')
      .filter((r) => r.still_listed === 'true')
      .map((r) => `akta:${r.no_akta_kematian}|${r.id_individu}`)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(found).toEqual(expected);
  });

  it('says how each was matched, with the death date, the register row and the per-field weights', () => {
    const exact = findings.find((f) => f.evidence.match === 'exact_nik_name');
    expect(exact?.evidence).toMatchObject({
      band: 'match',
      death_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      list_row: { no_akta_kematian: exact?.key.slice(5) },
      person: { id: exact?.subjectId },
    });
    // A row without NIK can only be found by the engine.
    const noNik = truth('truth-deaths.csv').find(
      (r) => r.still_listed === 'true' && r.noise?.includes('nik_missing'),
    );
    const fuzzy = findings.find((f) => f.key === `akta:${noNik?.no_akta_kematian}`);
    expect(fuzzy?.evidence.match).toBe('fuzzy');
    const fields = fuzzy?.evidence.fields as { field: string; level: string; weight: number }[];
    expect(fields.find((f) => f.field === 'nik')?.level).toBe('missing');
    expect(fields.find((f) => f.field === 'birth_date')?.level).not.toBe('missing');
    expect(fuzzy?.evidence.probability).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps to the run scope: a desa run finds exactly the district run findings of that desa', async () => {
    const all = findings;
    const desa = (all[0] as FindingCandidate).desaCode;
    const scoped = await run(deadDeathRegisterRule, [desa]);
    expect(scoped.map((f) => f.key).sort()).toEqual(
      all
        .filter((f) => f.desaCode === desa)
        .map((f) => f.key)
        .sort(),
    );
  });
});

describe('asn_listed', () => {
  beforeAll(async () => {
    await runListImport(db, {
      kind: 'asn',
      path: join(dir, 'asn-list.csv'),
      fileName: 'asn-list.csv',
      createdBy: 'test',
    });
  });

  it('links the listed civil servants, soldiers and police in the registry, and no one else', async () => {
    const findings = await run(asnListedRule);
    const found = atMatchLevel(findings).map((f) => `${f.key.split(':')[2]}|${personIds.get(f.subjectId)}`);
    const expected = new Set(truth('truth-asn.csv').map((r) => `${r.nip}|${r.id_individu}`));
    expect(expected.size).toBeGreaterThan(5);
    // Every finding is a listed person; at this small size the engine may miss one with heavy noise.
    expect(found.filter((pair) => !expected.has(pair))).toEqual([]);
    expect(found.length / expected.size).toBeGreaterThanOrEqual(0.9);
    expect(findings[0]?.evidence).toMatchObject({
      nip: expect.any(String),
      jenis_aparatur: expect.stringMatching(/^(PNS|PPPK|TNI|POLRI)$/),
      list_row: { instansi: expect.any(String) },
    });
  });
});

describe('asn_listed with a mistyped NIK', () => {
  it('sends a same-NIK row whose name has nothing in common with the person to review', async () => {
    const [person] = await db.query<{ id: number; nik: string; birth_date: string; sex: string }>(
      `SELECT id, nik, birth_date, sex FROM persons ORDER BY id LIMIT 1`,
    );
    const path = join(dir, 'asn-list-plus.csv');
    const row = [
      '199001012020011001',
      person?.nik,
      'Xaverius Quentin',
      person?.birth_date,
      person?.sex,
      'PNS',
      'Dinas',
      'Staf',
    ];
    writeFileSync(path, `${readFileSync(join(dir, 'asn-list.csv'), 'utf8').trimEnd()}\n${row.join(',')}\n`);
    await runListImport(db, { kind: 'asn', path, fileName: 'asn-list-plus.csv', createdBy: 'test' });
    const finding = (await run(asnListedRule)).find((f) => f.key === 'nip:PNS:199001012020011001');
    expect(finding).toMatchObject({
      subjectId: person?.id,
      severity: 'rendah',
      evidence: { match: 'exact_nik', band: 'review' },
    });
  });
});

describe('duplicate_person', () => {
  const pairOf = (f: FindingCandidate) => {
    const [, a, b] = f.key.split(':');
    return [personIds.get(Number(a)), personIds.get(Number(b))].sort().join('|');
  };

  let findings: FindingCandidate[];
  beforeAll(async () => {
    findings = await run(duplicatePersonRule);
  });

  it('finds the records of the same person as pairs, with both records and every field weight', () => {
    const expected = new Set(
      truth('truth-duplicates.csv')
        .filter(
          (r) =>
            [...personIds.values()].includes(r.id_individu_a as string) &&
            [...personIds.values()].includes(r.id_individu_b as string),
        )
        .map((r) => [r.id_individu_a, r.id_individu_b].sort().join('|')),
    );
    const found = atMatchLevel(findings).map(pairOf);
    const hits = found.filter((pair) => expected.has(pair)).length;
    expect(expected.size).toBeGreaterThan(20);
    expect(hits / found.length).toBeGreaterThanOrEqual(0.95);
    expect(hits / expected.size).toBeGreaterThanOrEqual(0.95);
    const first = findings[0] as FindingCandidate;
    const [, lo, hi] = first.key.split(':').map(Number);
    expect(lo).toBeLessThan(hi as number);
    expect(first.subjectId).toBe(hi);
    expect(first.evidence).toMatchObject({ records: { a: { id: lo }, b: { id: hi } } });
    const fields = first.evidence.fields as { field: string; level: string; weight: number }[];
    expect(fields.map((f) => f.field)).toContain('birth_date');
    for (const field of fields) expect(typeof field.weight).toBe('number');
  });

  it('never finds a pair again once people decided it is two different people; a "same" pair stays', async () => {
    const before = atMatchLevel(findings);
    const [notSame, same] = before as [FindingCandidate, FindingCandidate];
    const ids = (f: FindingCandidate) => f.key.split(':').slice(1).map(Number) as [number, number];
    const [a, b] = ids(notSame);
    await recordPairDecision(db, operator, {
      personA: b,
      personB: a,
      same: false,
      reason: 'beda orang, dicek di lapangan',
    });
    await recordPairDecision(db, operator, { personA: ids(same)[0], personB: ids(same)[1], same: true });
    const after = await run(duplicatePersonRule);
    expect(after.map((f) => f.key)).not.toContain(notSame.key);
    expect(after.find((f) => f.key === same.key)?.evidence.match).toBe('decided_same');
    const [audit] = await db.query<{ details: { same: boolean } }>(
      `SELECT details FROM audit_log WHERE action = 'validation.pair_decision' ORDER BY id LIMIT 1`,
    );
    expect(audit?.details.same).toBe(false);
  });

  it('resolves the pair\'s finding as ganda, the earlier record surviving, when people decide "same"', async () => {
    const { done } = await startValidationRun(
      db,
      new JobRunner(db),
      operator,
      '35.19',
      {},
      { rules: [duplicatePersonRule] },
    );
    await done;
    const open = await db.query<{ id: number; key: string }>(
      `SELECT id, key FROM findings WHERE rule_id = 'duplicate_person' AND status = 'open' AND severity = 'sedang'
       ORDER BY id LIMIT 2`,
    );
    const [first, second] = open as [{ id: number; key: string }, { id: number; key: string }];
    const [lo, hi] = first.key.split(':').slice(1).map(Number) as [number, number];
    await expect(
      recordPairDecision(db, operator, {
        personA: lo,
        personB: hi,
        same: true,
        reason: 'sama',
        findingId: second.id,
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await recordPairDecision(db, operator, {
      personA: hi,
      personB: lo,
      same: true,
      reason: 'orang yang sama',
      findingId: first.id,
    });
    const [finding] = await db.query<{ status: string; resolution: { action: string; related_id: number } }>(
      'SELECT status, resolution FROM findings WHERE id = $1',
      [first.id],
    );
    expect(finding).toMatchObject({ status: 'resolved', resolution: { action: 'ganda', related_id: lo } });
    const [person] = await db.query<{ status: string }>('SELECT status FROM persons WHERE id = $1', [hi]);
    expect(person?.status).toBe('ganda');
    const [history] = await db.query<{ related_id: number }>(
      `SELECT related_id FROM status_history WHERE subject_type = 'person' AND subject_id = $1`,
      [hi],
    );
    expect(history?.related_id).toBe(lo);
    // "Not same" with the finding dismisses it at once.
    const [a, b] = second.key.split(':').slice(1).map(Number) as [number, number];
    await recordPairDecision(db, operator, {
      personA: a,
      personB: b,
      same: false,
      reason: 'beda',
      findingId: second.id,
    });
    const [dismissed] = await db.query<{ status: string }>('SELECT status FROM findings WHERE id = $1', [
      second.id,
    ]);
    expect(dismissed?.status).toBe('dismissed');
  });

  it('refuses a pair decision on records the actor cannot see, or on one record', async () => {
    const [a, b] = [...personIds.keys()] as [number, number];
    const [desa] = await db.query<{ desa_code: string }>(
      `SELECT desa_code FROM persons WHERE desa_code NOT IN (SELECT desa_code FROM persons WHERE id = ANY($1::bigint[])) LIMIT 1`,
      [[a, b]],
    );
    const desaOperator = { ...operator, scope: desaScope([desa?.desa_code as string]) };
    await expect(
      recordPairDecision(db, desaOperator, { personA: a, personB: b, same: true }),
    ).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(
      recordPairDecision(db, operator, { personA: a, personB: a, same: true }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    const reader = consoleActor('pilar', [VALIDATION_PERMISSIONS.read]);
    await expect(
      recordPairDecision(db, reader, { personA: a, personB: b, same: true }),
    ).rejects.toMatchObject({
      statusCode: 403,
    });
  });
});
