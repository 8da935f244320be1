import { createWriteStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { rejectsCsv, startImportJob } from '../../modules/registry/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../server/context.ts';
import { cliActor } from '../cli-actor.ts';
import { phaseBar } from '../progress.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('Impor berkas DTSEN triwulanan (CSV/XLSX) / import a quarterly DTSEN file')
    .argument('<file>', 'CSV or XLSX in the format of docs/import-format.md')
    .requiredOption('--period <period>', 'the period the file is the snapshot of, e.g. 2025-Q3')
    .option('--rejects <file>', 'write the rejected rows (line, reasons, raw row) to this CSV')
    .action(async (file: string, options: { period: string; rejects?: string }) => {
      const context = await openAppContext(loadConfig());
      const bar = phaseBar();
      try {
        const actor = cliActor();
        const path = resolve(file);
        const { done } = await startImportJob(
          context.db,
          context.jobs,
          actor,
          {
            path,
            fileName: basename(path),
            period: options.period,
            kabupatenCode: context.config.kabupatenCode,
          },
          { onProgress: (phase, value, total) => bar.update(phase, value, total) },
        );
        const summary = await done;
        bar.stop();
        console.log(summary.message);
        console.log(
          `impor #${summary.importId} ${summary.status}: ${summary.rowsTotal} baris, ${summary.rowsAccepted} diterima, ${summary.rowsRejected} ditolak`,
        );
        if (options.rejects && summary.rowsRejected > 0) {
          await pipeline(
            Readable.from(rejectsCsv(context.db, actor, summary.importId)),
            createWriteStream(options.rejects),
          );
          console.log(`baris ditolak ditulis ke ${options.rejects}`);
        }
        if (summary.status === 'failed') process.exitCode = 3;
        // The server assembly starts a validation run after a committed import; closing waits for it.
        if (summary.status === 'committed')
          console.log('validasi seluruh kabupaten berjalan sesudah impor...');
      } finally {
        bar.stop();
        await context.close();
      }
    });
}
