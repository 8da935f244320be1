/**
 * One linkage benchmark run in its own process (so that its peak memory is its own): dedupe of a
 * demo district's DTSEN file and the death-register link, measured against the truth files.
 * Prints one JSON line. Used by bench/linkage.ts.
 */
import { join } from 'node:path';
import { DEMO_FILE_NAMES } from '../src/modules/demo/index.ts';
import {
  type Accuracy,
  evaluate,
  linkRecords,
  PERSON_SETTINGS,
  RecordsBuilder,
} from '../src/modules/linkage/index.ts';
import { IMPORT_FORMAT_COLUMNS, parseColumnMap } from '../src/modules/linkage/io/column-map.ts';
import { readTruePairs } from '../src/modules/linkage/io/read-pairs.ts';
import { readRecords } from '../src/modules/linkage/io/read-records.ts';

const [dir, period] = process.argv.slice(2) as [string, string];
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

function figures(accuracy: Accuracy) {
  const { precision, recall, f1, blockingRecall, truePairs, predictedPairs } = accuracy;
  return { precision, recall, f1, blockingRecall, truePairs, predictedPairs };
}

// Dedupe of the registry file.
let started = performance.now();
const builder = new RecordsBuilder();
await readRecords(join(dir, DEMO_FILE_NAMES.dtsen(period)), IMPORT_FORMAT_COLUMNS, builder);
const prepared = builder.finish();
const loadSeconds = seconds(performance.now() - started);
const cpuBefore = cpuSeconds();
started = performance.now();
const dedupe = await linkRecords(prepared, PERSON_SETTINGS, { seed: 1 });
const engineSeconds = seconds(performance.now() - started);
const engineCpu = Math.round((cpuSeconds() - cpuBefore) * 10) / 10;
const dedupeAccuracy = evaluate(
  prepared,
  dedupe.clusters.clusters,
  await readTruePairs(join(dir, 'truth-duplicates.csv')),
  dedupe.scored.plan,
);

// The death register linked to the registry (register rows' id is the death certificate number).
started = performance.now();
const deathBuilder = new RecordsBuilder('link');
await readRecords(join(dir, DEMO_FILE_NAMES.dtsen(period)), IMPORT_FORMAT_COLUMNS, deathBuilder);
deathBuilder.startSourceB();
await readRecords(join(dir, 'death-register.csv'), parseColumnMap('id=no_akta_kematian'), deathBuilder);
const deathPrepared = deathBuilder.finish();
const deaths = await linkRecords(deathPrepared, PERSON_SETTINGS, { seed: 1 });
const deathAccuracy = evaluate(
  deathPrepared,
  deaths.clusters.clusters,
  await readTruePairs(join(dir, 'truth-deaths.csv')),
  deaths.scored.plan,
);

console.log(
  JSON.stringify({
    records: prepared.columns.count,
    loadSeconds,
    engineSeconds,
    engineCpu,
    timings: Object.fromEntries(Object.entries(dedupe.timings).map(([k, v]) => [k, seconds(v)])),
    compared: dedupe.scored.compared,
    dedupe: figures(dedupeAccuracy),
    deaths: {
      ...figures(deathAccuracy),
      registerRows: deathPrepared.columns.count - deathPrepared.columns.split,
    },
    deathSeconds: seconds(performance.now() - started),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
