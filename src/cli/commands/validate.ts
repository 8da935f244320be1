import { Command } from 'commander';
import { ALL_RULES, startValidationRun } from '../../modules/validation/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../server/context.ts';
import { cliActor } from '../cli-actor.ts';
import { phaseBar } from '../progress.ts';

export function validateCommand(): Command {
  return new Command('validate')
    .description('Jalankan aturan validasi atas kabupaten atau satu desa / run the validation rules')
    .option('--desa <code>', 'one desa (e.g. 35.19.01.2001); the whole district when absent')
    .action(async (options: { desa?: string }) => {
      const context = await openAppContext(loadConfig());
      const bar = phaseBar();
      try {
        const { runId, done } = await startValidationRun(
          context.db,
          context.jobs,
          cliActor(),
          context.config.kabupatenCode,
          { desaCode: options.desa },
          // One bar for the whole run; the rule being applied is named at its left.
          { onProgress: (value, total, ruleId) => bar.update(ruleId, value, total) },
        );
        const summary = await done;
        bar.stop();
        const titles = new Map(ALL_RULES.map((rule) => [rule.id, rule.title.id]));
        console.log(`validasi #${runId}: ${summary.rules.length} aturan`);
        for (const rule of summary.rules) {
          console.log(
            `  ${rule.rule_id.padEnd(24)} ${String(rule.found).padStart(7)} ditemukan, ${rule.opened} baru, ${rule.reopened} dibuka lagi, ${rule.closed} selesai  (${(rule.ms / 1000).toFixed(1)} s)  ${titles.get(rule.rule_id) ?? ''}`,
          );
        }
      } finally {
        bar.stop();
        await context.close();
      }
    });
}
