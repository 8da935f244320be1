/**
 * The demo district: a synthetic Kabupaten Madiun in the DTSEN import format, over one or more
 * quarterly periods, with known problems injected and their ground truth written beside the
 * data. The same options always give byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GeneratorContext } from './context.ts';
import { formatDay, type Period, parsePeriods } from './dates.ts';
import { type DistrictCounts, DistrictGenerator } from './district.ts';
import { DUPLICATE_KINDS } from './duplicates.ts';
import { DemoFiles, type DiffCounts, FILE_NAMES } from './output.ts';
import { loadReferenceData } from './reference-data.ts';

export const GENERATOR_VERSION = '1.0.0';

export const DEMO_DEFAULTS = {
  /** The whole kabupaten: about 750,000 people in about 240,000 households. */
  size: 750_000,
  seed: 3519,
  /** Two quarters, so the demo has a period diff to show. */
  periods: ['2025-Q2', '2025-Q3'],
} as const;

export interface DemoOptions {
  outDir: string;
  /** People in the first period's file (second records included). */
  size?: number;
  seed?: string | number;
  /** Quarterly periods in time order, e.g. ['2025-Q2', '2025-Q3']. */
  periods?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

export interface DemoManifest {
  generator: 'sinergi-demo';
  generatorVersion: string;
  seed: string;
  size: number;
  kabupaten: { code: string; name: string; kecamatan: number; desa: number };
  periods: Array<{
    period: string;
    referenceDate: string;
    file: string;
    households: number;
    people: number;
    /** Rows with an empty NIK: the importer rejects them. */
    missingNik: number;
    /** Households per desil, 1 to 10. */
    desil: number[];
  }>;
  diffs: Array<{
    from: string;
    to: string;
    file: string;
    counts: DiffCounts;
    events: Record<string, number>;
  }>;
  duplicates: DistrictCounts['duplicates'] & { file: string };
  deaths: DistrictCounts['deaths'] & { register: string; truth: string };
  asn: DistrictCounts['staff'] & { list: string; truth: string };
  nikInconsistent: DistrictCounts['nikInconsistent'] & { file: string };
}

/** The counts with their keys in the given order, else alphabetical, for a readable manifest. */
function ordered(counts: Record<string, number>, order: readonly string[] = []): Record<string, number> {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(counts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(keys.map((key) => [key, counts[key] as number]));
}

export async function generateDemoDistrict(options: DemoOptions): Promise<DemoManifest> {
  const size = options.size ?? DEMO_DEFAULTS.size;
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`The size is a number of people (1 or more), got ${size}`);
  const seed = String(options.seed ?? DEMO_DEFAULTS.seed);
  const periods = parsePeriods(options.periods ?? DEMO_DEFAULTS.periods);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });

  const reference = loadReferenceData();
  const context = new GeneratorContext(seed, reference, (periods[0] as Period).referenceDay);
  const files = new DemoFiles(outDir, periods);
  const district = new DistrictGenerator(context, files, periods, size, options.onProgress);
  let diffs: Awaited<ReturnType<DemoFiles['finish']>>;
  try {
    await district.run();
    diffs = await files.finish();
  } catch (error) {
    await files.abort();
    throw error;
  }

  const counts = district.counts;
  const manifest: DemoManifest = {
    generator: 'sinergi-demo',
    generatorVersion: GENERATOR_VERSION,
    seed,
    size,
    kabupaten: {
      code: reference.kabupatenCode,
      name: reference.kabupatenName,
      kecamatan: context.kecamatanCodes.length,
      desa: context.desa.length,
    },
    periods: periods.map((period, i) => ({
      period: period.label,
      referenceDate: formatDay(period.referenceDay),
      file: FILE_NAMES.dtsen(period.label),
      ...(counts.periods[i] as DistrictCounts['periods'][number]),
    })),
    diffs: diffs.map((diff, i) => ({ ...diff, events: ordered(counts.transitions[i] ?? {}) })),
    duplicates: {
      file: FILE_NAMES.duplicates,
      ...counts.duplicates,
      byKind: ordered(counts.duplicates.byKind, DUPLICATE_KINDS),
    },
    deaths: { register: FILE_NAMES.deathRegister, truth: FILE_NAMES.deathTruth, ...counts.deaths },
    asn: {
      list: FILE_NAMES.staffList,
      truth: FILE_NAMES.staffTruth,
      ...counts.staff,
      byKind: ordered(counts.staff.byKind),
    },
    nikInconsistent: {
      file: FILE_NAMES.nikTruth,
      ...counts.nikInconsistent,
      byProblem: ordered(counts.nikInconsistent.byProblem),
    },
  };
  // Written last: its presence marks a complete output folder.
  await files.writeManifest(manifest);
  return manifest;
}
