import { authenticator } from '../modules/access/index.ts';
import { ensureRegionsLoaded } from '../modules/regions/index.ts';
import { cleanUpInterruptedImports, type ImportSummary } from '../modules/registry/index.ts';
import { startRunAfterImport } from '../modules/validation/index.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/index.ts';
import { JobRunner } from '../platform/jobs/index.ts';
import type { AppContext } from './app.ts';

/**
 * Opens the database and brings it to a usable state: schema migrated, regions loaded, and whatever
 * a killed process left half-done (imports, jobs) cleaned up. The server and the CLI both start here.
 */
export async function openAppContext(config: Config): Promise<AppContext & { close(): Promise<void> }> {
  const db = await openDatabase(config);
  await ensureRegionsLoaded(db, config.kabupatenCode);
  await cleanUpInterruptedImports(db);
  const jobs = new JobRunner(db);
  await jobs.failInterrupted();
  // A committed import changes the registry: validate the district again (issue 5).
  jobs.onSucceeded('import', async (result, job) => {
    const summary = result as ImportSummary;
    if (summary.status !== 'committed') return;
    await startRunAfterImport(db, jobs, config.kabupatenCode, {
      importId: summary.importId,
      by: job.created_by ?? 'system:import',
    });
  });
  return {
    db,
    config,
    jobs,
    authenticate: authenticator(db, systemClock),
    clock: systemClock,
    // Work still going (a validation run after an import) finishes before the database closes.
    close: async () => {
      await jobs.idle();
      await db.close();
    },
  };
}
