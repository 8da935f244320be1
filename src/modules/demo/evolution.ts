/**
 * What happens to a household between two quarterly snapshots: deaths, births, a married child
 * leaving with their family to start a household of their own, moves to another desa or out of
 * the kabupaten, a re-ranked desil, and new households arriving. Rates are quarterly and
 * compound over longer gaps. Pinned households (those holding a ground-truth record) never leave,
 * move or split, and problem records never die, so the ground truth holds in every period.
 */
import type { GeneratorContext } from './context.ts';
import {
  ageOf,
  createHousehold,
  drawHouseholdSize,
  emptyHousehold,
  makePerson,
  relocate,
  sortMembers,
} from './household.ts';
import type { Household, Person, Relation } from './types.ts';

/** Quarterly probabilities. */
const RATES = {
  /** A household leaves the kabupaten (migration to the cities, to a child elsewhere). */
  moveOut: 0.0015,
  /** A household moves to another desa of the kabupaten. */
  moveDesa: 0.0025,
  /** A married child living with the parents leaves with spouse and children. */
  split: 0.03,
  /** A new household beside this one: moved in from outside, or newly registered (usulan baru). */
  newHousehold: 0.0025,
  /** The household's desil is re-ranked up or down. */
  desilChange: 0.07,
  /** A married woman of 18-42 gives birth. */
  birth: 0.032,
} as const;

/** Quarterly probability of death by age (East Java life table, rounded). */
function mortality(age: number): number {
  if (age < 1) return 0.004;
  if (age < 40) return 0.0003;
  if (age < 60) return 0.0015;
  if (age < 70) return 0.005;
  if (age < 80) return 0.012;
  return 0.03;
}

export interface Transition {
  fromDay: number;
  toDay: number;
  quarters: number;
}

export type LeaveReason = 'moved_out' | 'dissolved';

export interface TransitionEvents {
  /** Set when the household is in the first snapshot but not the second. */
  left: LeaveReason | null;
  deaths: Array<{ person: Person; day: number }>;
  births: number;
  /** Households that exist from the second snapshot on: split off, moved in or newly registered. */
  spawned: Household[];
  split: boolean;
  movedDesa: boolean;
  desilChanged: boolean;
}

export function evolveHousehold(
  context: GeneratorContext,
  household: Household,
  transition: Transition,
): TransitionEvents {
  const random = context.random;
  const chance = (quarterly: number) => random.chance(1 - (1 - quarterly) ** transition.quarters);
  const eventDay = () => random.int(transition.fromDay + 1, transition.toDay);
  const events: TransitionEvents = {
    left: null,
    deaths: [],
    births: 0,
    spawned: [],
    split: false,
    movedDesa: false,
    desilChanged: false,
  };

  if (chance(RATES.newHousehold)) events.spawned.push(newcomers(context, household, transition.toDay));
  if (!household.pinned && chance(RATES.moveOut)) {
    events.left = 'moved_out';
    return events;
  }

  for (const person of [...household.members]) {
    if (person.role !== null || !chance(mortality(ageOf(person, transition.toDay)))) continue;
    events.deaths.push({ person, day: eventDay() });
    household.members.splice(household.members.indexOf(person), 1);
    widowPartner(household, person);
    if (person.relation === 'kepala_keluarga' && household.members.length > 0)
      promoteNewHead(household, transition.toDay);
  }
  if (household.members.length === 0) {
    events.left = 'dissolved';
    return events;
  }
  // Children left without an adult go to relatives elsewhere.
  if (!household.pinned && !household.members.some((member) => ageOf(member, transition.toDay) >= 17)) {
    events.left = 'dissolved';
    return events;
  }

  for (const mother of household.members.filter((member) => canGiveBirth(member, transition.toDay))) {
    if (!chance(RATES.birth)) continue;
    const birthOrder = household.members.filter((member) => member.motherName === mother.name).length + 1;
    const relation: Relation =
      mother.relation === 'kepala_keluarga' || mother.relation === 'istri_suami'
        ? 'anak'
        : mother.relation === 'anak' || mother.relation === 'menantu'
          ? 'cucu'
          : 'famili_lain';
    const baby = makePerson(
      context,
      household,
      {
        sex: random.chance(0.51) ? 'L' : 'P',
        relation,
        marital: 'belum_kawin',
        origin: 'home',
        birthDay: eventDay(),
        motherName: mother.name,
        birthOrder,
      },
      transition.toDay,
    );
    household.members.push(baby);
    events.births++;
  }
  if (events.births > 0) sortMembers(household.members);

  if (!household.pinned && chance(RATES.split)) {
    const young = splitOff(context, household, eventDay());
    if (young) {
      events.spawned.push(young);
      events.split = true;
    }
  }
  if (!household.pinned && chance(RATES.moveDesa)) {
    relocate(context, household, context.otherDesa(household.desa), eventDay());
    events.movedDesa = true;
  }
  if (chance(RATES.desilChange)) {
    const step = random.chance(0.8) ? 1 : 2;
    const direction = random.chance(0.5) ? 1 : -1;
    let desil = household.desil + direction * step;
    if (desil < 1 || desil > 10) desil = household.desil - direction * step;
    household.desil = desil;
    household.csv = null;
    events.desilChanged = true;
  }
  return events;
}

function canGiveBirth(person: Person, onDay: number): boolean {
  if (person.sex !== 'P' || person.marital !== 'kawin' || person.role !== null) return false;
  if (person.relation !== 'istri_suami' && person.relation !== 'menantu' && person.relation !== 'anak')
    return false;
  const age = ageOf(person, onDay);
  return age >= 18 && age <= 42;
}

/** The surviving partner of a couple is widowed. */
function widowPartner(household: Household, dead: Person): void {
  const partnerRelations: Partial<Record<Relation, Relation[]>> = {
    kepala_keluarga: ['istri_suami'],
    istri_suami: ['kepala_keluarga'],
    anak: ['menantu'],
    menantu: ['anak'],
    orang_tua: ['orang_tua'],
    mertua: ['mertua'],
  };
  if (dead.marital !== 'kawin') return;
  const relations = partnerRelations[dead.relation] ?? [];
  const partner = household.members.find(
    (member) => member.marital === 'kawin' && member.sex !== dead.sex && relations.includes(member.relation),
  );
  if (partner) {
    partner.marital = 'cerai_mati';
    partner.csv = null;
  }
}

/**
 * After the head's death the spouse becomes head; without one, the oldest adult does, and the
 * others' relationship is restated relative to the new head.
 */
function promoteNewHead(household: Household, onDay: number): void {
  const members = household.members;
  const spouse = members.find((member) => member.relation === 'istri_suami');
  const adults = members.filter((member) => ageOf(member, onDay) >= 17);
  const successor = spouse ?? adults.sort((a, b) => a.birthDay - b.birthDay)[0] ?? (members[0] as Person);
  const wasChild = successor.relation === 'anak';
  for (const member of members) {
    if (member === successor) continue;
    const before = member.relation;
    let after: Relation = before;
    if (successor === spouse) {
      // The late head's parents are now the head's parents-in-law, and the other way round.
      if (before === 'orang_tua') after = 'mertua';
      else if (before === 'mertua') after = 'orang_tua';
    } else if (wasChild && before === 'menantu') after = 'istri_suami';
    else if (wasChild && before === 'cucu') after = 'anak';
    else after = 'famili_lain';
    if (after !== before) {
      member.relation = after;
      member.csv = null;
    }
  }
  successor.relation = 'kepala_keluarga';
  successor.csv = null;
  sortMembers(members);
}

/** The married child, their spouse and their children leave to form a household of their own. */
function splitOff(context: GeneratorContext, household: Household, onDay: number): Household | null {
  const random = context.random;
  const child = household.members.find((member) => member.relation === 'anak' && member.marital === 'kawin');
  const inLaw = household.members.find(
    (member) => member.relation === 'menantu' && member.sex !== child?.sex,
  );
  if (!child || !inLaw) return null;
  const mother = child.sex === 'P' ? child : inLaw;
  const children = household.members.filter(
    (member) => member.relation === 'cucu' && member.motherName === mother.name,
  );
  const leaving = new Set([child, inLaw, ...children]);
  household.members = household.members.filter((member) => !leaving.has(member));

  const desa = random.chance(0.7) ? household.desa : context.otherDesa(household.desa);
  const desil = Math.min(10, Math.max(1, household.desil + random.int(-1, 1)));
  const young = emptyHousehold(context, desa, desil, onDay);
  young.kk = context.kk(desa.kecamatanCode, onDay);
  const husband = child.sex === 'L' ? child : inLaw;
  const wife = husband === child ? inLaw : child;
  husband.relation = 'kepala_keluarga';
  wife.relation = 'istri_suami';
  for (const kid of children) kid.relation = 'anak';
  for (const member of leaving) member.csv = null;
  young.members = [husband, wife, ...children];
  sortMembers(young.members);
  return young;
}

/** A household that moved in from a neighbouring kabupaten, or a local one newly registered. */
function newcomers(context: GeneratorContext, beside: Household, onDay: number): Household {
  const random = context.random;
  const desa = random.chance(0.5) ? beside.desa : random.pick(context.desa);
  return createHousehold(context, desa, drawHouseholdSize(random), onDay, random.chance(0.6));
}
