import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoUsers } from '../modules/access/index.ts';
import { DEMO_DEFAULTS, generateDemoDistrict } from '../modules/demo/index.ts';
import { createDemoPillars } from '../modules/pillars/index.ts';
import { listPeriods, startImportJob } from '../modules/registry/index.ts';
import { systemClock } from '../platform/clock.ts';
import type { AppContext } from '../server/app.ts';
import { cliActor } from './cli-actor.ts';
import { phaseBar } from './progress.ts';

/**
 * On an empty database, generates a demo district and imports its quarters, with progress bars, so
 * that a first `npm start` shows a working district, with a demo user for each role.
 */
export async function loadDemoIfEmpty(context: AppContext, size: number): Promise<void> {
  const actor = cliActor();
  if ((await listPeriods(context.db, actor)).length > 0) return;
  console.log(`Basis data kosong: membuat kabupaten demo (${size.toLocaleString('id-ID')} orang)...`);
  const dir = await mkdtemp(join(tmpdir(), 'sinergi-demo-'));
  const bar = phaseBar();
  try {
    const manifest = await generateDemoDistrict({
      outDir: dir,
      size,
      periods: DEMO_DEFAULTS.periods,
      onProgress: (done, total) => bar.update('generating', done, total),
    });
    bar.stop();
    for (const period of manifest.periods) {
      const { done } = await startImportJob(
        context.db,
        context.jobs,
        actor,
        {
          path: join(dir, period.file),
          fileName: period.file,
          period: period.period,
          kabupatenCode: context.config.kabupatenCode,
        },
        { onProgress: (phase, value, total) => bar.update(phase, value, total) },
      );
      const summary = await done;
      bar.stop();
      console.log(`${period.period}: ${summary.message}`);
    }
    await createDemoUsers(context.db, actor, context.config.kabupatenCode);
    await createDemoPillars(context.db, actor, context.config.kabupatenCode, context.clock ?? systemClock);
  } finally {
    bar.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
