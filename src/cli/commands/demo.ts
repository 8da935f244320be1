import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEMO_DEFAULTS, type DemoManifest, generateDemoDistrict } from '../../modules/demo/index.ts';
import { phaseBar } from '../progress.ts';

export function demoCommand(): Command {
  return new Command('demo')
    .description('Buat kabupaten demo sintetis dengan kebenaran dasar / generate the synthetic demo district')
    .option('--size <people>', 'people in the first period', parseSize, DEMO_DEFAULTS.size)
    .option('--seed <seed>', 'the same seed and size give byte-identical files', String(DEMO_DEFAULTS.seed))
    .option('--periods <list>', 'quarterly periods in time order, comma separated', parsePeriods, [
      ...DEMO_DEFAULTS.periods,
    ])
    .option('--out <dir>', 'output folder', './demo-data')
    .action(async (options: { size: number; seed: string; periods: string[]; out: string }) => {
      const bar = phaseBar();
      const started = performance.now();
      try {
        const manifest = await generateDemoDistrict({
          outDir: options.out,
          size: options.size,
          seed: options.seed,
          periods: options.periods,
          onProgress: (done, total) => bar.update('generating', done, total),
        });
        bar.stop();
        printSummary(manifest, resolve(options.out), (performance.now() - started) / 1000);
      } finally {
        bar.stop();
      }
    });
}

function parseSize(text: string): number {
  const size = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(size) || size < 1) {
    throw new InvalidArgumentError(
      'jumlah orang harus bilangan bulat positif / the size is a whole number of people',
    );
  }
  return size;
}

function parsePeriods(text: string): string[] {
  const periods = text.split(',').map((period) => period.trim());
  const wrong = periods.find((period) => !/^\d{4}-Q[1-4]$/.test(period));
  if (wrong !== undefined) {
    throw new InvalidArgumentError(`periode seperti 2025-Q3, bukan "${wrong}" / a period looks like 2025-Q3`);
  }
  // Period labels sort in time order, so text order checks time order.
  if (periods.some((period, i) => i > 0 && period <= (periods[i - 1] as string))) {
    throw new InvalidArgumentError('periode harus urut waktu tanpa ulangan / periods must be in time order');
  }
  return periods;
}

function printSummary(manifest: DemoManifest, outDir: string, seconds: number): void {
  const n = (value: number) => value.toLocaleString('id-ID');
  console.log(
    `Kabupaten demo ${manifest.kabupaten.name} (seed ${manifest.seed}) ditulis ke ${outDir} dalam ${seconds.toFixed(1)} s`,
  );
  for (const period of manifest.periods) {
    console.log(`  ${period.file}: ${n(period.people)} orang, ${n(period.households)} keluarga`);
  }
  for (const diff of manifest.diffs) {
    const { households, people } = diff.counts;
    console.log(
      `  ${diff.file}: keluarga ${n(households.entered)} masuk, ${n(households.left)} keluar, ` +
        `${n(households.desil_changed)} berubah desil, ${n(households.moved_desa)} pindah desa; ` +
        `orang ${n(people.entered)} masuk, ${n(people.left)} keluar, ${n(people.moved_desa)} pindah desa`,
    );
  }
  console.log(`  ${manifest.duplicates.file}: ${n(manifest.duplicates.pairs)} pasangan data ganda`);
  console.log(
    `  ${manifest.deaths.register}: ${n(manifest.deaths.rows)} akta kematian ` +
      `(${n(manifest.deaths.stillListed)} masih terdaftar); kebenaran di ${manifest.deaths.truth}`,
  );
  console.log(
    `  ${manifest.asn.list}: ${n(manifest.asn.rows)} ASN/TNI/Polri (${n(manifest.asn.inRegistry)} ada di registri); ` +
      `kebenaran di ${manifest.asn.truth}`,
  );
  console.log(`  ${manifest.nikInconsistent.file}: ${n(manifest.nikInconsistent.records)} NIK tidak cocok`);
  console.log('  manifest.json');
}
