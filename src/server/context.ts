import { authenticator } from '../modules/access/index.ts';
import { ensureRegionsLoaded } from '../modules/regions/index.ts';
import { cleanUpInterruptedImports } from '../modules/registry/index.ts';
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
  return {
    db,
    config,
    jobs,
    authenticate: authenticator(db, systemClock),
    clock: systemClock,
    close: () => db.close(),
  };
}
