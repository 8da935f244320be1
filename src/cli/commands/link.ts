import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import {
  type BlockingRuleStats,
  cluster,
  defaultWorkerCount,
  evaluate,
  type LinkageSettings,
  openExecutor,
  PERSON_SETTINGS,
  RecordsBuilder,
  scorePairs,
  trainModel,
  validateSettings,
} from '../../modules/linkage/index.ts';
import { parseColumnMap } from '../../modules/linkage/io/column-map.ts';
import { readDecisions, readTruePairs } from '../../modules/linkage/io/read-pairs.ts';
import { readRecords } from '../../modules/linkage/io/read-records.ts';
import { writeClusters, writePairs } from '../../modules/linkage/io/write-results.ts';

interface LinkOptions {
  map?: string;
  mapB?: string;
  out: string;
  seed: string;
  workers: string;
  truth?: string;
  decisions?: string;
  settings?: string;
}

/** A progress bar on stderr that restarts for each phase of the run. */
function progressBar() {
  const bar = new SingleBar({
    format: '{phase} [{bar}] {percentage}%',
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: false,
  });
  let current: string | undefined;
  return {
    update(phase: string, done: number, total: number) {
      if (phase !== current) {
        if (current !== undefined) bar.stop();
        bar.start(total, done, { phase: phase.padEnd(28) });
        current = phase;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (current !== undefined) bar.stop();
      current = undefined;
    },
  };
}

function printBlocking(stats: BlockingRuleStats[], compared: number): void {
  const rows = stats.map((s) => [s.rule, s.blocks, s.largestBlock, s.pairs, s.compared]);
  const header = ['rule', 'blocks', 'largest block', 'pairs in blocks', 'compared (new)'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => String(row[c]).length)));
  const line = (cells: (string | number)[]) =>
    cells
      .map((cell, c) =>
        c === 0 ? String(cell).padEnd(widths[c] ?? 0) : String(cell).padStart(widths[c] ?? 0),
      )
      .join('  ');
  console.error('Blocking / pemblokiran:');
  console.error(`  ${line(header)}`);
  for (const row of rows) console.error(`  ${line(row)}`);
  console.error(`  candidate pairs compared (union of the rules): ${compared}`);
}

async function loadSettings(file: string | undefined): Promise<LinkageSettings> {
  if (file === undefined) return PERSON_SETTINGS;
  return validateSettings(JSON.parse(await readFile(file, 'utf8')) as LinkageSettings);
}

function wholeNumber(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${option} must be a whole number, not "${text}"`);
  return value;
}

async function run(files: string[], options: LinkOptions): Promise<void> {
  const started = performance.now();
  const settings = await loadSettings(options.settings);
  const seed = wholeNumber(options.seed, '--seed');
  const workers = wholeNumber(options.workers, '--workers');
  const maps = [parseColumnMap(options.map), parseColumnMap(options.mapB ?? options.map)];
  const builder = new RecordsBuilder(files.length === 2 ? 'link' : 'dedupe');
  const bar = progressBar();
  for (const [f, file] of files.entries()) {
    if (f === 1) builder.startSourceB();
    const size = (await stat(file)).size;
    const { count, missing } = await readRecords(file, maps[f] as (typeof maps)[number], builder, (bytes) =>
      bar.update(`reading ${f === 0 ? 'A' : 'B'}`, bytes, size),
    );
    bar.stop();
    console.error(
      `${file}: ${count} records${missing.length > 0 ? `; no column for ${missing.join(', ')}` : ''}`,
    );
  }
  const prepared = builder.finish();
  const decisions = options.decisions === undefined ? [] : await readDecisions(options.decisions);
  const executor = openExecutor(prepared.columns, settings, workers);
  try {
    const onProgress = (phase: string, done: number, total: number) => bar.update(phase, done, total);
    const model = await trainModel(prepared, settings, { seed, executor, onProgress });
    if (model.training.notEstimated.length > 0) {
      console.error(
        `not enough data to weigh: ${model.training.notEstimated.join(', ')} (left out of the scores)`,
      );
    }
    const scored = await scorePairs(prepared, model, { executor, onProgress });
    bar.stop();
    const clusters = cluster(prepared, scored, { decisions });
    printBlocking(scored.blocking, scored.compared);
    await mkdir(options.out, { recursive: true });
    await writePairs(join(options.out, 'pairs.csv'), prepared, scored);
    await writeClusters(join(options.out, 'clusters.csv'), prepared, clusters);
    await writeFile(join(options.out, 'model.json'), `${JSON.stringify(model, null, 2)}\n`);
    const matches = scored.pairs.count - clusters.review.length;
    console.log(`records / rekaman:         ${prepared.columns.count}`);
    console.log(`pairs compared:            ${scored.compared}`);
    console.log(`matches / cocok:           ${matches}`);
    console.log(`to review / perlu dicek:   ${clusters.review.length}`);
    console.log(`clusters / klaster:        ${clusters.clusters.length}`);
    if (clusters.conflicts.length + clusters.unknown.length > 0) {
      console.log(
        `decisions not applied:     ${clusters.conflicts.length} conflicting, ${clusters.unknown.length} unknown ids`,
      );
    }
    console.log(`written to ${options.out}: pairs.csv, clusters.csv, model.json`);
    if (options.truth !== undefined) {
      const accuracy = evaluate(prepared, clusters.clusters, await readTruePairs(options.truth), scored.plan);
      console.log(`precision:       ${accuracy.precision.toFixed(4)}`);
      console.log(`recall:          ${accuracy.recall.toFixed(4)}`);
      console.log(`F1:              ${accuracy.f1.toFixed(4)}`);
      console.log(`blocking recall: ${accuracy.blockingRecall.toFixed(4)}`);
      console.log(
        `true pairs ${accuracy.truePairs}, predicted ${accuracy.predictedPairs}, correct ${accuracy.correctPairs}` +
          (accuracy.unknownIds > 0 ? `, ${accuracy.unknownIds} true pairs with unknown ids` : ''),
      );
    }
    console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    bar.stop();
    await executor.close();
  }
}

function withOptions(command: Command): Command {
  return command
    .option(
      '--map <mapping>',
      'columns of the file as field=column,... (fields: id, name, nik, kk, sex, birth_date, birth_place, mother_name, area_code, address); defaults to the import format',
    )
    .option('--out <dir>', 'folder for pairs.csv, clusters.csv and model.json', 'linkage')
    .option('--seed <n>', 'seed of the random sampling: the same input and seed give the same result', '1')
    .addOption(new Option('--workers <n>', 'worker threads (0: none)').default(String(defaultWorkerCount())))
    .option(
      '--truth <file>',
      'CSV of true pairs (first two columns: ids) to measure precision, recall and F1',
    )
    .option('--decisions <file>', "people's decisions: CSV id_a,id_b,same|not_same, respected in clustering")
    .option('--settings <file>', 'linkage settings as JSON (default: the Indonesian person settings)');
}

export function linkCommand(): Command {
  const link = new Command('link').description(
    'Pencocokan rekaman orang: ganda, kematian, ASN / probabilistic record linkage of person records',
  );
  withOptions(
    link
      .command('dedupe')
      .description('Cari rekaman ganda dalam satu berkas / find duplicate people in one CSV')
      .argument('<file>', 'CSV of person records'),
  ).action((file: string, options: LinkOptions) => run([file], options));
  withOptions(
    link
      .command('link')
      .description(
        'Cocokkan dua berkas / link the people of two CSVs (registry and death register, ASN list, payroll)',
      )
      .argument('<fileA>', 'CSV of person records (e.g. the registry)')
      .argument('<fileB>', 'CSV of person records to link to it (e.g. a death register)'),
  )
    .option('--map-b <mapping>', 'columns of the second file, as --map (default: as --map)')
    .action((fileA: string, fileB: string, options: LinkOptions) => run([fileA, fileB], options));
  return link;
}
