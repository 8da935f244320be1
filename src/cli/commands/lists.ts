import { createWriteStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { listRejectsCsv, startListImportJob } from '../../modules/validation/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../server/context.ts';
import { cliActor } from '../cli-actor.ts';

export function listsCommand(): Command {
  const lists = new Command('lists').description(
    'Daftar eksternal: register kematian, daftar ASN/TNI/Polri / external lists: death register, ASN list',
  );
  lists
    .command('import')
    .description(
      'Impor daftar (CSV/XLSX); menggantikan daftar sebelumnya dari jenis yang sama / import a list',
    )
    .argument('<file>', 'CSV or XLSX in the format of docs/validation.md')
    .requiredOption('--kind <kind>', 'death (register kematian) or asn (ASN/TNI/Polri)')
    .option('--rejects <file>', 'write the rejected rows (line, reasons, raw row) to this CSV')
    .action(async (file: string, options: { kind: string; rejects?: string }) => {
      const context = await openAppContext(loadConfig());
      try {
        const actor = cliActor();
        const path = resolve(file);
        const { done } = await startListImportJob(context.db, context.jobs, actor, {
          kind: options.kind,
          path,
          fileName: basename(path),
        });
        const summary = await done;
        console.log(summary.message);
        console.log(
          `daftar #${summary.listId} (${summary.kind}) ${summary.status}: ${summary.rowsTotal} baris, ${summary.rowsAccepted} diterima, ${summary.rowsRejected} ditolak`,
        );
        if (options.rejects && summary.rowsRejected > 0) {
          await pipeline(
            Readable.from(listRejectsCsv(context.db, actor, summary.listId)),
            createWriteStream(options.rejects),
          );
          console.log(`baris ditolak ditulis ke ${options.rejects}`);
        }
        if (summary.status === 'failed') process.exitCode = 3;
      } finally {
        await context.close();
      }
    });
  return lists;
}
