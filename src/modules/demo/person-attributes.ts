/**
 * Education, occupation and disability by age, sex and household welfare. Schooling rose fast in
 * rural East Java (most people born before 1950 never finished primary school; most born after
 * 1995 finished senior high), and the poor work the land of others while the better-off trade,
 * teach or hold office.
 */
import { VOCABULARY } from '../registry/vocabulary.ts';
import { type Random, WeightedTable } from './random.ts';
import type { Disability, Education, Sex } from './types.ts';

/** The occupations the generator writes into the free-text `pekerjaan` column. */
export const OCCUPATIONS = {
  none: 'belum/tidak bekerja',
  student: 'pelajar/mahasiswa',
  housewife: 'ibu rumah tangga',
  farmer: 'petani',
  farmLabourer: 'buruh tani',
  dayLabourer: 'buruh harian lepas',
  trader: 'pedagang',
  selfEmployed: 'wiraswasta',
  employee: 'karyawan swasta',
  builder: 'tukang bangunan',
  driver: 'sopir',
  livestock: 'peternak',
  villageOfficial: 'perangkat desa',
  teacher: 'guru',
  civilServant: 'pns',
  army: 'tni',
  police: 'polri',
  retired: 'pensiunan',
} as const;
const O = OCCUPATIONS;

/** Occupations of civil servants, soldiers and police (ASN/TNI/Polri), who may not receive bansos. */
export const STATE_EMPLOYEE_OCCUPATIONS: readonly string[] = [O.civilServant, O.teacher, O.army, O.police];

const EDUCATION_ORDER = VOCABULARY.pendidikan;

/** Highest education by birth cohort, in EDUCATION_ORDER (tidak_sekolah ... s2_s3). */
const EDUCATION_BY_COHORT: ReadonlyArray<readonly [bornBefore: number, weights: readonly number[]]> = [
  [1950, [35, 30, 28, 4, 2, 0.5, 0.5, 0]],
  [1965, [15, 25, 40, 10, 8, 1, 1, 0]],
  [1980, [4, 10, 38, 22, 20, 2, 4, 0.1]],
  [1995, [1, 3, 20, 28, 35, 4, 9, 0.3]],
  [Number.POSITIVE_INFINITY, [0.5, 1, 6, 20, 52, 5, 15, 0.5]],
];
const EDUCATION_TABLES = EDUCATION_BY_COHORT.map(
  ([bornBefore, weights]) =>
    [
      bornBefore,
      new WeightedTable(EDUCATION_ORDER.map((code, i) => [code, weights[i] ?? 0] as const)),
    ] as const,
);

/** Highest education of a person aged 19 or more. */
export function adultEducation(random: Random, birthYear: number, desil: number): Education {
  const table = (EDUCATION_TABLES.find(([bornBefore]) => birthYear < bornBefore) ??
    EDUCATION_TABLES.at(-1))?.[1];
  if (!table) throw new Error('education tables are empty');
  // Skewing the quantile up for richer households moves them to higher levels of the same cohort.
  const skew = 1.5 - (desil - 1) / 9;
  return table.at(random.next() ** skew);
}

/** Education reached so far by a child or young person still of school age. */
export function schoolEducation(age: number): Education {
  if (age < 7) return 'tidak_sekolah';
  if (age < 13) return 'belum_tamat_sd';
  if (age < 16) return 'sd';
  return 'smp';
}

export function educationAtLeast(education: Education, minimum: Education): boolean {
  return EDUCATION_ORDER.indexOf(education) >= EDUCATION_ORDER.indexOf(minimum);
}

type Weights = ReadonlyArray<readonly [occupation: string, poor: number, rich: number]>;

const WORKING_MEN: Weights = [
  [O.farmer, 20, 14],
  [O.farmLabourer, 28, 1],
  [O.dayLabourer, 17, 3],
  [O.trader, 6, 10],
  [O.selfEmployed, 8, 20],
  [O.employee, 6, 22],
  [O.builder, 7, 1],
  [O.driver, 3, 3],
  [O.livestock, 2, 2],
  [O.villageOfficial, 0.5, 3],
  [O.none, 3, 1],
];
const WORKING_WOMEN: Weights = [
  [O.housewife, 42, 34],
  [O.farmer, 8, 6],
  [O.farmLabourer, 18, 0.5],
  [O.dayLabourer, 5, 1],
  [O.trader, 12, 12],
  [O.selfEmployed, 5, 10],
  [O.employee, 5, 15],
  [O.villageOfficial, 0.2, 1],
  [O.none, 3, 1],
];
/** People with a diploma or degree: the pool of teachers and civil servants. */
const GRADUATES: Weights = [
  [O.teacher, 15, 22],
  [O.civilServant, 8, 18],
  [O.employee, 30, 25],
  [O.selfEmployed, 15, 15],
  [O.trader, 10, 6],
  [O.villageOfficial, 6, 4],
  [O.farmer, 8, 4],
  [O.none, 8, 6],
];
const ELDERLY_MEN: Weights = [
  [O.farmer, 30, 25],
  [O.farmLabourer, 15, 0],
  [O.trader, 5, 5],
  [O.none, 45, 40],
  [O.retired, 0, 30],
];
const ELDERLY_WOMEN: Weights = [
  [O.housewife, 40, 40],
  [O.none, 40, 30],
  [O.farmer, 10, 5],
  [O.farmLabourer, 5, 0],
  [O.trader, 5, 5],
  [O.retired, 0, 20],
];

/** Tables by desil (index desil - 1), built once: drawing is then a binary search. */
function byDesil(weights: Weights): WeightedTable<string>[] {
  return Array.from(
    { length: 10 },
    (_, i) =>
      new WeightedTable(
        weights.map(([occupation, poor, rich]) => [occupation, poor + ((rich - poor) * i) / 9] as const),
      ),
  );
}
const TABLES = {
  workingMen: byDesil(WORKING_MEN),
  workingWomen: byDesil(WORKING_WOMEN),
  graduates: byDesil(GRADUATES),
  elderlyMen: byDesil(ELDERLY_MEN),
  elderlyWomen: byDesil(ELDERLY_WOMEN),
};

export function occupation(
  random: Random,
  age: number,
  sex: Sex,
  education: Education,
  desil: number,
): string {
  const poorness = (10 - desil) / 9;
  if (age < 7) return O.none;
  if (age < 15) return O.student;
  if (age < 19) return random.chance(0.15 * poorness) ? O.dayLabourer : O.student;
  if (age < 24 && educationAtLeast(education, 'sma') && random.chance(0.1 + 0.3 * (1 - poorness))) {
    return O.student;
  }
  if (age >= 65) return drawFor(random, sex === 'L' ? TABLES.elderlyMen : TABLES.elderlyWomen, desil);
  if (educationAtLeast(education, 'diploma') && random.chance(0.6))
    return drawFor(random, TABLES.graduates, desil);
  if (sex === 'L' && educationAtLeast(education, 'sma') && age < 55 && random.chance(0.02)) {
    return random.chance(0.5) ? O.army : O.police;
  }
  return drawFor(random, sex === 'L' ? TABLES.workingMen : TABLES.workingWomen, desil);
}

function drawFor(random: Random, tables: WeightedTable<string>[], desil: number): string {
  return (tables[desil - 1] as WeightedTable<string>).draw(random);
}

const DISABILITY_KINDS = new WeightedTable<Disability>([
  ['fisik', 35],
  ['sensorik_netra', 15],
  ['sensorik_rungu', 12],
  ['sensorik_wicara', 5],
  ['intelektual', 10],
  ['mental', 10],
  ['ganda', 13],
]);

/** Disability rises steeply with age and is more common in poor households. */
export function disability(random: Random, age: number, desil: number): Disability {
  const base = age < 18 ? 0.008 : age < 60 ? 0.015 : age < 75 ? 0.05 : 0.12;
  const poverty = 1 + (0.4 * (10 - desil)) / 9;
  return random.chance(base * poverty) ? DISABILITY_KINDS.draw(random) : 'tidak';
}
