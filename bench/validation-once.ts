/**
 * Validation runs over an imported district in a process of their own: a first run (every finding
 * new) and a re-run (every finding found again), through the job runner as `sinergi validate` does.
 * The bench database's findings are cleared first, so the first run always starts from none.
 * Usage: tsx bench/validation-once.ts  (database from DATABASE_URL). Prints a JSON line.
 */
import { ALL_PERMISSIONS } from '../src/modules/access/index.ts';
import { STRUCTURAL_RULES, startValidationRun } from '../src/modules/validation/index.ts';
import { consoleActor } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openAppContext } from '../src/server/context.ts';

const context = await openAppContext(loadConfig());
const actor = consoleActor('bench', ALL_PERMISSIONS);
// A benchmark database only: nothing here is anybody's data.
await context.db.exec('TRUNCATE finding_events, findings, validation_runs CASCADE');

async function run() {
  const started = performance.now();
  const { done } = await startValidationRun(
    context.db,
    context.jobs,
    actor,
    context.config.kabupatenCode,
    {},
    {
      rules: STRUCTURAL_RULES,
    },
  );
  const summary = await done;
  return { seconds: (performance.now() - started) / 1000, rules: summary.rules };
}

const first = await run();
const again = await run();
await context.close();
console.log(JSON.stringify({ first, again }));
