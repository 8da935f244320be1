/**
 * Households as DTSEN lists them: a head in every household, usually a spouse, their children
 * (the younger ones still at home), sometimes an elderly parent or a married child with
 * spouse and grandchildren. Ages, birth dates, names, mothers' names and NIKs agree with the
 * family roles.
 */
import type { GeneratorContext } from './context.ts';
import { ageOn, dayNumber, pad2, yearOf, yearsBefore } from './dates.ts';
import { STREETS } from './javanese-names.ts';
import { motherName, personName } from './names.ts';
import { adultEducation, disability, occupation, schoolEducation } from './person-attributes.ts';
import { type Random, WeightedTable } from './random.ts';
import type { Desa, Household, Marital, Person, Relation, Sex } from './types.ts';
import { desilOfScore, drawAssetDraws, drawHousing, drawLivestock } from './welfare.ts';

/** Household sizes of rural East Java: mean about 3.1, one in seven people living alone. */
const SIZES = new WeightedTable([
  [1, 14],
  [2, 24],
  [3, 26],
  [4, 20],
  [5, 9],
  [6, 4.5],
  [7, 1.5],
  [8, 0.7],
  [9, 0.3],
] as const);

const HEAD_AGES = new WeightedTable<readonly [number, number]>([
  [[22, 29], 10],
  [[30, 39], 22],
  [[40, 49], 25],
  [[50, 59], 22],
  [[60, 69], 13],
  [[70, 85], 8],
]);
/** Heads of households of five or more: old enough to have several children, or grandchildren. */
const LARGE_HOUSEHOLD_HEAD_AGES = new WeightedTable<readonly [number, number]>([
  [[30, 39], 15],
  [[40, 49], 35],
  [[50, 59], 30],
  [[60, 72], 20],
]);

/** Order of members on the family card. */
const RELATION_RANK: Record<Relation, number> = {
  kepala_keluarga: 0,
  istri_suami: 1,
  anak: 2,
  menantu: 3,
  cucu: 4,
  orang_tua: 5,
  mertua: 6,
  famili_lain: 7,
  lainnya: 8,
};

/** Where a person was first registered: the household's kecamatan, another one of the kabupaten, or outside it. */
export type Origin = 'home' | 'district' | 'outside';

export interface PersonSpec {
  sex: Sex;
  relation: Relation;
  marital: Marital;
  origin: Origin;
  /** Age on the day the person is created, or an exact birth day (newborns). */
  age?: number;
  birthDay?: number;
  motherName?: string;
  birthOrder?: number;
}

export function drawHouseholdSize(random: Random): number {
  return SIZES.draw(random);
}

/** A complete household of `size` people living in `desa` on `onDay`. Newcomers moved in from outside the kabupaten. */
export function createHousehold(
  context: GeneratorContext,
  desa: Desa,
  size: number,
  onDay: number,
  newcomers = false,
): Household {
  // Large households are poorer: more mouths on the same land.
  const score = desa.welfareEffect + context.random.normal() - 0.08 * (size - 3);
  const household = emptyHousehold(context, desa, desilOfScore(score), onDay);
  populate(context, household, size, onDay, newcomers);
  return household;
}

/** A household with its welfare variables and card but no members yet. */
export function emptyHousehold(
  context: GeneratorContext,
  desa: Desa,
  desil: number,
  onDay: number,
): Household {
  const random = context.random;
  const housing = drawHousing(random, desil);
  return {
    id: context.nextHouseholdId(),
    kk: context.kk(desa.kecamatanCode, random.int(onDay - 15 * 365, onDay - 30)),
    desa,
    ...drawAddress(random, desa),
    desil,
    housing,
    assetDraws: drawAssetDraws(random),
    livestock: drawLivestock(random, desil),
    members: [],
    pinned: false,
    csv: null,
  };
}

/** Moves a household to another desa: new address and, as Dukcapil does on a move, a new KK. */
export function relocate(context: GeneratorContext, household: Household, desa: Desa, onDay: number): void {
  household.desa = desa;
  Object.assign(household, drawAddress(context.random, desa));
  household.kk = context.kk(desa.kecamatanCode, onDay);
  household.csv = null;
  for (const member of household.members) member.csv = null;
}

function drawAddress(random: Random, desa: Desa): Pick<Household, 'address' | 'rt' | 'rw' | 'dusun'> {
  const rtInRw = random.int(1, desa.rtPerRw);
  if (desa.dusun.length === 0) {
    const rw = random.int(1, desa.rwCount);
    return {
      address: `Jl. ${random.pick(STREETS)} No. ${random.int(1, 150)}`,
      rt: pad3(rtInRw),
      rw: pad3(rw),
      dusun: '',
    };
  }
  const dusunIndex = random.int(0, desa.dusun.length - 1);
  const dusun = desa.dusun[dusunIndex] as string;
  // RW and RT are numbered through the whole desa, dusun by dusun.
  const rw = dusunIndex * desa.rwCount + random.int(1, desa.rwCount);
  return { address: `Dsn. ${dusun}`, rt: pad3((rw - 1) * desa.rtPerRw + rtInRw), rw: pad3(rw), dusun };
}

function pad3(n: number): string {
  return n < 100 ? `0${pad2(n)}` : String(n);
}

export function makePerson(
  context: GeneratorContext,
  household: Household,
  spec: PersonSpec,
  onDay: number,
): Person {
  const random = context.random;
  const birthDay = spec.birthDay ?? birthDayForAge(random, spec.age ?? 0, onDay);
  const birthYear = yearOf(birthDay);
  const age = spec.age ?? 0;
  let kecamatanCode = household.desa.kecamatanCode;
  let birthPlace = context.reference.placeName;
  if (spec.origin === 'district') kecamatanCode = random.pick(context.kecamatanCodes);
  if (spec.origin === 'outside') {
    const neighbour = context.neighbour();
    kecamatanCode = random.pick(neighbour.kecamatanCodes);
    birthPlace = neighbour.placeName;
  } else if (random.chance(0.08)) {
    birthPlace = household.desa.name;
  }
  const education = age >= 19 ? adultEducation(random, birthYear, household.desil) : schoolEducation(age);
  return {
    id: context.nextPersonId(),
    nik: context.nik(kecamatanCode, birthDay, spec.sex),
    name: personName(random, context.pools, spec.sex, birthYear, spec.birthOrder ?? 0),
    sex: spec.sex,
    birthPlace,
    birthDay,
    relation: spec.relation,
    motherName: spec.motherName ?? motherName(random, context.pools, birthYear),
    marital: spec.marital,
    education,
    occupation: occupation(random, age, spec.sex, education, household.desil),
    disability: disability(random, age, household.desil),
    role: null,
    csv: null,
  };
}

/**
 * A birth day giving this age on `onDay`. Many people born before 1960 have no known birth date
 * and were registered on 1 January (a few on 31 December) of their birth year.
 */
function birthDayForAge(random: Random, age: number, onDay: number): number {
  const day = random.int(yearsBefore(onDay, age + 1) + 1, yearsBefore(onDay, age));
  const year = yearOf(day);
  if (year >= 1960) return day;
  const u = random.next();
  if (u < 0.2) return dayNumber(year, 1, 1);
  if (u < 0.23) return dayNumber(year, 12, 31);
  return day;
}

function populate(
  context: GeneratorContext,
  household: Household,
  size: number,
  onDay: number,
  newcomers: boolean,
) {
  const random = context.random;
  const people: Person[] = [];
  const add = (spec: PersonSpec) => {
    const person = makePerson(context, household, spec, onDay);
    people.push(person);
    return person;
  };
  const origin = (home: number, district: number): Origin => {
    if (newcomers) return 'outside';
    const u = random.next();
    return u < home ? 'home' : u < home + district ? 'district' : 'outside';
  };

  if (size === 1) {
    household.members = [add(single(random, origin(0.88, 0.07)))];
    return;
  }

  const [low, high] = (size >= 5 ? LARGE_HOUSEHOLD_HEAD_AGES : HEAD_AGES).draw(random);
  const headAge = random.int(low, high);
  const headSex: Sex = random.chance(0.13) ? 'P' : 'L';
  const hasSpouse = headSex === 'L' && random.chance(0.93);
  let slots = size - 1 - (hasSpouse ? 1 : 0);

  // An elderly parent (or both) of the head or of the spouse.
  let grandmother: Person | undefined;
  if (slots >= 1 && headAge <= 62 && random.chance(0.12)) {
    const relation: Relation = hasSpouse && random.chance(0.4) ? 'mertua' : 'orang_tua';
    const parentAge = Math.min(95, headAge + random.int(20, 34));
    if (slots >= 2 && random.chance(0.25)) {
      add({ sex: 'L', relation, marital: 'kawin', origin: origin(0.9, 0.06), age: parentAge });
      grandmother = add({
        sex: 'P',
        relation,
        marital: 'kawin',
        origin: origin(0.8, 0.1),
        age: parentAge - random.int(0, 6),
      });
      slots -= 2;
    } else {
      const sex: Sex = random.chance(0.75) ? 'P' : 'L';
      const parent = add({ sex, relation, marital: 'cerai_mati', origin: origin(0.9, 0.06), age: parentAge });
      if (sex === 'P') grandmother = parent;
      slots -= 1;
    }
  }

  const headMother = grandmother?.relation === 'orang_tua' ? grandmother.name : undefined;
  const head = add({
    sex: headSex,
    relation: 'kepala_keluarga',
    marital: hasSpouse ? 'kawin' : headAge >= 50 || random.chance(0.4) ? 'cerai_mati' : 'cerai_hidup',
    origin: origin(0.88, 0.07),
    age: headAge,
    motherName: headMother,
  });
  const spouse = hasSpouse
    ? add({
        sex: 'P',
        relation: 'istri_suami',
        marital: 'kawin',
        origin: origin(0.6, 0.2),
        age: Math.max(18, headAge - random.int(-2, 7)),
        motherName: grandmother?.relation === 'mertua' ? grandmother.name : undefined,
      })
    : undefined;
  const mother = spouse ?? (head.sex === 'P' ? head : undefined);
  const motherAge = spouse ? ageOf(spouse, onDay) : headAge - (head.sex === 'P' ? 0 : 4);
  // A widower's children share the name of their late mother.
  const childrenMother = mother?.name ?? motherName(random, context.pools, yearOf(onDay) - motherAge + 25);

  // The children the mother has had, oldest first; the youngest are the ones still at home.
  const childAges: number[] = [];
  for (let atBirth = random.int(19, 27); atBirth <= 42; atBirth += random.int(2, 5)) {
    if (motherAge - atBirth >= 0) childAges.push(motherAge - atBirth);
  }
  const marriedChildAge =
    slots >= 2 && headAge >= 45 && (childAges[0] ?? 0) >= 19 && random.chance(0.35)
      ? childAges.shift()
      : undefined;
  if (marriedChildAge !== undefined) slots -= 2;
  const olderSiblings = marriedChildAge === undefined ? 0 : 1;
  const atHome = Math.min(slots, childAges.length);
  const children = childAges.slice(childAges.length - atHome);
  children.forEach((age, i) => {
    add({
      sex: random.chance(0.51) ? 'L' : 'P',
      relation: 'anak',
      marital: age >= 25 && random.chance(0.1) ? 'cerai_hidup' : 'belum_kawin',
      origin: origin(0.95, 0.05),
      age,
      motherName: childrenMother,
      birthOrder: olderSiblings + childAges.length - atHome + i + 1,
    });
  });
  slots -= atHome;

  if (marriedChildAge !== undefined) {
    const age = marriedChildAge;
    const childSex: Sex = random.chance(0.5) ? 'L' : 'P';
    const child = add({
      sex: childSex,
      relation: 'anak',
      marital: 'kawin',
      origin: origin(0.95, 0.05),
      age,
      motherName: childrenMother,
      birthOrder: 1,
    });
    const inLaw = add({
      sex: childSex === 'L' ? 'P' : 'L',
      relation: 'menantu',
      marital: 'kawin',
      origin: origin(0.55, 0.25),
      age: Math.max(18, age + random.int(-5, 3)),
    });
    const youngMother = child.sex === 'P' ? child : inLaw;
    const youngMotherAge = ageOf(youngMother, onDay);
    let grandchildAge = youngMotherAge - random.int(19, 25);
    let order = 1;
    while (slots > 0 && grandchildAge >= 0) {
      add({
        sex: random.chance(0.51) ? 'L' : 'P',
        relation: 'cucu',
        marital: 'belum_kawin',
        origin: 'home',
        age: grandchildAge,
        motherName: youngMother.name,
        birthOrder: order++,
      });
      slots--;
      grandchildAge -= random.int(2, 5);
    }
  }

  // Whoever else lives with the family: a niece at school nearby, an unmarried sibling.
  while (slots > 0) {
    const age = random.int(5, 70);
    add({
      sex: random.chance(0.5) ? 'L' : 'P',
      relation: 'famili_lain',
      marital: age >= 25 && random.chance(0.5) ? 'kawin' : 'belum_kawin',
      origin: origin(0.8, 0.1),
      age,
    });
    slots--;
  }
  household.members = sortMembers(people);
}

/** Family card order: head, spouse, children oldest first, then the others. */
export function sortMembers(members: Person[]): Person[] {
  return members.sort(
    (a, b) => RELATION_RANK[a.relation] - RELATION_RANK[b.relation] || a.birthDay - b.birthDay,
  );
}

function single(random: Random, origin: Origin): PersonSpec {
  const u = random.next();
  if (u < 0.55) {
    return {
      sex: random.chance(0.75) ? 'P' : 'L',
      relation: 'kepala_keluarga',
      marital: random.chance(0.85) ? 'cerai_mati' : 'cerai_hidup',
      origin,
      age: random.int(60, 92),
    };
  }
  if (u < 0.8) {
    const marital: Marital = random.chance(0.5)
      ? 'cerai_hidup'
      : random.chance(0.6)
        ? 'cerai_mati'
        : 'belum_kawin';
    return {
      sex: random.chance(0.5) ? 'P' : 'L',
      relation: 'kepala_keluarga',
      marital,
      origin,
      age: random.int(30, 59),
    };
  }
  return {
    sex: random.chance(0.6) ? 'L' : 'P',
    relation: 'kepala_keluarga',
    marital: 'belum_kawin',
    origin,
    age: random.int(19, 34),
  };
}

export function ageOf(person: Person, onDay: number): number {
  return ageOn(person.birthDay, onDay);
}
