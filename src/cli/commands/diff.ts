import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { householdDiff, periodDiff, personDiff } from '../../modules/registry/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../server/context.ts';
import { cliActor } from '../cli-actor.ts';

const ALL = 1_000_000_000;

export function diffCommand(): Command {
  return new Command('diff')
    .description('Perubahan antara dua periode / what changed between two periods')
    .argument('<from>', 'earlier period, e.g. 2025-Q2')
    .argument('<to>', 'later period, e.g. 2025-Q3')
    .option('--csv <file>', 'write every changed household and person to this CSV')
    .action(async (from: string, to: string, options: { csv?: string }) => {
      const context = await openAppContext(loadConfig());
      try {
        const actor = cliActor();
        const counts = await periodDiff(context.db, actor, from, to);
        console.log(`Perubahan ${from} -> ${to}`);
        console.log(
          `Keluarga: ${counts.households.entered} masuk, ${counts.households.left} keluar, ` +
            `${counts.households.desil_changed} berubah desil, ${counts.households.moved_desa} pindah desa`,
        );
        console.log(
          `Orang:    ${counts.persons.entered} masuk, ${counts.persons.left} keluar, ${counts.persons.moved_desa} pindah desa`,
        );
        if (!options.csv) return;
        const rows: unknown[][] = [
          ['subjek', 'perubahan', 'id', 'nama', 'desa_dari', 'desa_ke', 'desil_dari', 'desil_ke'],
        ];
        for (const change of ['entered', 'left', 'desil_changed', 'moved_desa'] as const) {
          for (const h of await householdDiff(context.db, actor, {
            from,
            to,
            change,
            limit: ALL,
            offset: 0,
          })) {
            rows.push([
              'keluarga',
              change,
              h.family_id,
              '',
              h.desa_from,
              h.desa_to,
              h.desil_from,
              h.desil_to,
            ]);
          }
        }
        for (const change of ['entered', 'left', 'moved_desa'] as const) {
          for (const p of await personDiff(context.db, actor, { from, to, change, limit: ALL, offset: 0 })) {
            rows.push(['orang', change, p.person_id, p.name, p.desa_from, p.desa_to, '', '']);
          }
        }
        writeFileSync(options.csv, stringify(rows));
        console.log(`${rows.length - 1} baris ditulis ke ${options.csv}`);
      } finally {
        await context.close();
      }
    });
}
