import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { createTestDatabaseForProcess } from '../../../platform/db/testing.ts';
import { openAppContext } from '../../../server/context.ts';
import { householdRows, writeCsv } from './test-fixtures.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'sinergi-kill-test-'));
// Large enough that staging and the commit each take a while on a slow machine.
const file = writeCsv(
  join(dir, 'big.csv'),
  Array.from({ length: 6000 }, (_, i) => householdRows(i + 1, {}, 3)).flat(),
);

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Starts `sinergi import` and kills it with SIGKILL as soon as it announces `phase`. */
async function importKilledAt(phase: string, env: Record<string, string>): Promise<string> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'import', file, '--period', '2025-Q3'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
    if (output.includes(`${phase}...`)) child.kill('SIGKILL');
  });
  const signal = await exited;
  expect(signal, `the import finished before it could be killed:\n${output}`).toBe('SIGKILL');
  return output;
}

describe('an import killed midway', () => {
  it.each(['membaca', 'menyimpan'])(
    'leaves nothing behind when killed while %s',
    async (phase) => {
      const target = await createTestDatabaseForProcess();
      cleanup = target.drop;
      await importKilledAt(phase, target.env);

      const context = await openAppContext(loadConfig({ ...process.env, ...target.env }));
      try {
        const [state] = await context.db.query<Record<string, number>>(
          `SELECT (SELECT count(*) FROM households)::int AS households, (SELECT count(*) FROM persons)::int AS persons,
                (SELECT count(*) FROM snapshot_persons)::int AS snapshot, (SELECT count(*) FROM periods)::int AS periods,
                (SELECT count(*) FROM import_staging)::int + (SELECT count(*) FROM import_staging_households)::int AS staging,
                (SELECT count(*) FROM import_rejects)::int AS rejects`,
        );
        expect(state).toEqual({ households: 0, persons: 0, snapshot: 0, periods: 0, staging: 0, rejects: 0 });
        const imports = await context.db.query<{ status: string; error: string }>(
          'SELECT status, error FROM imports',
        );
        expect(imports).toHaveLength(1);
        expect(imports[0]?.status).toBe('failed');
        expect(imports[0]?.error).toMatch(/terhenti/);
      } finally {
        await context.close();
      }
    },
    // Two processes start and a 24,000-row file is read: generous for a busy machine.
    300_000,
  );
});
