/**
 * Generates the district desa by desa and household by household, so only the households in
 * hand are in memory. Each household is evolved through all periods at once and its rows go to
 * every period's file; the problems (duplicates, the dead still listed, state employees, NIKs
 * that disagree with their records) are injected as households are made, with their ground
 * truth written beside them.
 */
import type { GeneratorContext } from './context.ts';
import { ageOn, type Period } from './dates.ts';
import { type Deceased, deathRegisterRow } from './death-register.ts';
import { compareSnapshots, type GroupSnapshot, snapshotOf } from './diff.ts';
import { type CorruptionKind, duplicateRecord, type LocationKind, sortKinds } from './duplicates.ts';
import { evolveHousehold, type LeaveReason, type Transition } from './evolution.ts';
import { ageOf, createHousehold, drawHouseholdSize, emptyHousehold } from './household.ts';
import { nikDisagreements } from './nik.ts';
import { makeNikInconsistent } from './nik-inconsistency.ts';
import type { DemoFiles } from './output.ts';
import { outsider } from './outsiders.ts';
import { educationAtLeast } from './person-attributes.ts';
import { householdRows } from './rows.ts';
import { drawStaffKind, reportedOccupation, staffListRow, staffMinimumEducation } from './staff-list.ts';
import type { Desa, Household, Person, Relation } from './types.ts';

/** Rates of the injected problems, per person unless said otherwise. */
const RATES = {
  /** People with a second record (about one in ten of them with a third). */
  duplicate: 0.023,
  thirdRecord: 0.1,
  nikInconsistent: 0.003,
  /** Chance per household of one more register death from a neighbouring kabupaten. */
  outsiderDeath: 0.011,
  /** Chance per household of one more state employee who lives outside the registry. */
  outsiderStaff: 0.028,
  /** Share of deaths removed from DTSEN between periods that also reach the death register. */
  registeredDeath: 0.7,
  /** Chance per household that a waiting second record is put into it. */
  attachPending: 0.35,
} as const;

/** Dead but still listed: rare among the young, common among the very old. */
function deadListedChance(age: number): number {
  if (age < 40) return 0.0003;
  if (age < 60) return 0.002;
  if (age < 70) return 0.012;
  if (age < 80) return 0.03;
  return 0.06;
}

/** State employees are adults of working age, more of them in better-off households. */
function staffChance(age: number, desil: number): number {
  return age >= 22 && age <= 57 ? 0.0015 + 0.001 * desil : 0;
}

/** A second record waiting for a household of its target desa to be generated. */
interface PendingRecord {
  record: Person;
  desil: number;
  cluster: DuplicateCluster;
}

/** Where a record ended up. */
interface Placement {
  household: string;
  desa: string;
}

/**
 * The records of one real person. Their pairs go into the truth once every record has a
 * household, so the location kinds state where the records really are.
 */
interface DuplicateCluster {
  original: { id: string; at: Placement };
  copies: Array<{ id: string; corruptions: CorruptionKind[]; at: Placement | null }>;
}

export interface DistrictCounts {
  periods: Array<{ households: number; people: number; missingNik: number; desil: number[] }>;
  transitions: Array<Record<string, number>>;
  duplicates: { people: number; records: number; pairs: number; byKind: Record<string, number> };
  deaths: { rows: number; stillListed: number; removed: number; notInRegistry: number };
  staff: { rows: number; inRegistry: number; byKind: Record<string, number> };
  nikInconsistent: { records: number; byProblem: Record<string, number> };
}

export class DistrictGenerator {
  private readonly quotas: Int32Array;
  private readonly assigned: Int32Array;
  private readonly pending = new Map<number, PendingRecord[]>();
  private readonly transitions: Transition[];
  private readonly lastDay: number;
  /** The day the death register was extracted, a little after the last period. */
  private readonly extractDay: number;
  private readonly kabupatenDigits: string;
  private generatedPeople = 0;
  private reportedPeople = 0;
  readonly counts: DistrictCounts;

  constructor(
    private readonly context: GeneratorContext,
    private readonly files: DemoFiles,
    private readonly periods: readonly Period[],
    private readonly size: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.quotas = allocate(
      size,
      context.desa.map((desa) => desa.weight),
    );
    this.assigned = new Int32Array(context.desa.length);
    this.transitions = periods.slice(1).map((period, i) => {
      const previous = periods[i] as Period;
      return {
        fromDay: previous.referenceDay,
        toDay: period.referenceDay,
        quarters: period.ordinal - previous.ordinal,
      };
    });
    this.lastDay = (periods.at(-1) as Period).referenceDay;
    this.extractDay = this.lastDay + 45;
    this.kabupatenDigits = context.reference.kabupatenCode.replace('.', '');
    this.counts = {
      periods: periods.map(() => ({ households: 0, people: 0, missingNik: 0, desil: Array(10).fill(0) })),
      transitions: this.transitions.map(() => ({})),
      duplicates: { people: 0, records: 0, pairs: 0, byKind: {} },
      deaths: { rows: 0, stillListed: 0, removed: 0, notInRegistry: 0 },
      staff: { rows: 0, inRegistry: 0, byKind: {} },
      nikInconsistent: { records: 0, byProblem: {} },
    };
  }

  async run(): Promise<void> {
    const { context } = this;
    for (let d = 0; d < context.desa.length; d++) {
      const desa = context.desa[d] as Desa;
      while ((this.assigned[d] as number) < (this.quotas[d] as number)) {
        const size = Math.min(
          drawHouseholdSize(context.random),
          (this.quotas[d] as number) - (this.assigned[d] as number),
        );
        const household = createHousehold(context, desa, size, context.baseDay);
        this.assigned[d] = (this.assigned[d] as number) + size;
        // Waiting records join first: a record made from this household's own people must not.
        this.attachPending(household, d);
        this.injectProblems(household, d);
        await this.emit([household]);
        this.outsiders();
      }
      // Second records no household took are registered as households of their own.
      for (const pending of this.pending.get(d) ?? []) {
        const household = emptyHousehold(context, desa, pending.desil, context.baseDay);
        pending.record.relation = 'kepala_keluarga';
        household.members = [pending.record];
        household.pinned = true;
        this.place(pending, household);
        await this.emit([household]);
      }
      this.pending.delete(d);
    }
  }

  private injectProblems(household: Household, desaIndex: number): void {
    const random = this.context.random;
    for (const person of household.members.filter((member) => member.role === null)) {
      const age = ageOf(person, this.context.baseDay);
      if (random.chance(deadListedChance(age))) this.deadButListed(person, household);
      else if (random.chance(staffChance(age, household.desil))) this.stateEmployee(person);
      else if (random.chance(RATES.nikInconsistent)) {
        person.role = 'nik_inconsistent';
        makeNikInconsistent(random, person);
      } else if (random.chance(RATES.duplicate)) this.duplicate(person, household, desaIndex);
      if (person.role !== null) household.pinned = true;
    }
  }

  private deadButListed(person: Person, household: Household): void {
    const random = this.context.random;
    person.role = 'dead';
    const deathDay = random.int(Math.max(person.birthDay, this.lastDay - 730), this.lastDay - 1);
    this.registerDeath(deceasedOf(person, household), deathDay, person.id, true);
  }

  private stateEmployee(person: Person): void {
    const { kind, teacher } = drawStaffKind(this.context);
    person.role = 'asn';
    const minimum = staffMinimumEducation(kind);
    if (!educationAtLeast(person.education, minimum)) person.education = minimum;
    person.occupation = reportedOccupation(this.context, { kind, teacher });
    person.csv = null;
    const member = {
      nik: person.nik,
      name: person.name,
      sex: person.sex,
      birthDay: person.birthDay,
      kind,
      teacher,
    };
    const { row, noise } = staffListRow(this.context, member, this.lastDay);
    this.files.staff(row, person.id, noise);
    this.counts.staff.rows++;
    this.counts.staff.inRegistry++;
    bump(this.counts.staff.byKind, kind);
  }

  /** Gives the person one or two more records, in this household, this desa or one of the next desa. */
  private duplicate(person: Person, household: Household, desaIndex: number): void {
    const random = this.context.random;
    const here: Placement = { household: household.id, desa: household.desa.code };
    const cluster: DuplicateCluster = { original: { id: person.id, at: here }, copies: [] };
    const wanted = random.chance(RATES.thirdRecord) ? 2 : 1;
    // A child's second record stays on the same card: elsewhere it could end up heading a household.
    const minor = ageOf(person, this.context.baseDay) < 17;
    for (let i = 0; i < wanted; i++) {
      // A quarter in the same household, the rest in another household of this desa or a desa close by.
      const u = random.next();
      const sameHousehold = minor || u < 0.25;
      const target = sameHousehold || u < 0.6 ? desaIndex : desaIndex + random.int(1, 3);
      if (target >= this.quotas.length) continue;
      if ((this.assigned[target] as number) >= (this.quotas[target] as number)) continue;
      this.assigned[target] = (this.assigned[target] as number) + 1;
      const { record, corruptions } = duplicateRecord(this.context, person);
      cluster.copies.push({ id: record.id, corruptions, at: sameHousehold ? here : null });
      if (sameHousehold) {
        if (record.relation === 'kepala_keluarga') record.relation = 'famili_lain';
        household.members.push(record);
      } else {
        const queue = this.pending.get(target) ?? [];
        queue.push({ record, desil: household.desil, cluster });
        this.pending.set(target, queue);
      }
    }
    if (cluster.copies.length === 0) return;
    person.role = 'duplicate';
    this.counts.duplicates.people++;
    this.counts.duplicates.records += cluster.copies.length;
    this.writePairsWhenPlaced(cluster);
  }

  private place({ record, cluster }: PendingRecord, household: Household): void {
    const copy = cluster.copies.find((c) => c.id === record.id);
    if (copy) copy.at = { household: household.id, desa: household.desa.code };
    this.writePairsWhenPlaced(cluster);
  }

  /** All pairs of the person's records: the original with each copy, and the copies with each other. */
  private writePairsWhenPlaced(cluster: DuplicateCluster): void {
    if (cluster.copies.some((copy) => copy.at === null)) return;
    const records = [{ ...cluster.original, corruptions: [] as CorruptionKind[] }, ...cluster.copies];
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        const a = records[i] as (typeof records)[number];
        const b = records[j] as (typeof records)[number];
        this.pair(a.id, b.id, [
          location(a.at as Placement, b.at as Placement),
          ...a.corruptions,
          ...b.corruptions,
        ]);
      }
    }
  }

  private pair(a: string, b: string, kinds: Array<LocationKind | CorruptionKind>): void {
    const sorted = sortKinds(kinds);
    this.files.duplicatePair(a, b, sorted);
    this.counts.duplicates.pairs++;
    for (const kind of sorted) bump(this.counts.duplicates.byKind, kind);
  }

  private attachPending(household: Household, desaIndex: number): void {
    const queue = this.pending.get(desaIndex);
    while (queue && queue.length > 0 && this.context.random.chance(RATES.attachPending)) {
      const pending = queue.shift() as PendingRecord;
      pending.record.relation = relationToHead(household, pending.record, this.context.baseDay);
      household.members.push(pending.record);
      household.pinned = true;
      this.place(pending, household);
    }
  }

  /** Register deaths and state employees of people who are not in the registry at all. */
  private outsiders(): void {
    const random = this.context.random;
    if (random.chance(RATES.outsiderDeath)) {
      const deathDay = random.int(this.lastDay - 730, this.lastDay - 1);
      const age = random.chance(0.8) ? random.int(55, 95) : random.int(0, 54);
      const person = outsider(this.context, age, deathDay, false);
      const row = deathRegisterRow(
        this.context,
        person,
        deathDay,
        person.kabupatenDigits,
        () => random.pick(this.context.neighbour().desaCodes),
        this.extractDay,
      );
      this.files.death(row.row, null, false, row.noise);
      this.counts.deaths.rows++;
      this.counts.deaths.notInRegistry++;
    }
    if (random.chance(RATES.outsiderStaff)) {
      const person = outsider(this.context, random.int(22, 57), this.lastDay, random.chance(0.25));
      const { kind, teacher } = drawStaffKind(this.context);
      const { row } = staffListRow(this.context, { ...person, kind, teacher }, this.lastDay);
      this.files.staff(row, null, []);
      this.counts.staff.rows++;
      bump(this.counts.staff.byKind, kind);
    }
  }

  private registerDeath(deceased: Deceased, deathDay: number, id: string, stillListed: boolean): void {
    const home = this.context.desa.find((desa) => desa.code === deceased.desaCode) as Desa;
    const { row, noise } = deathRegisterRow(
      this.context,
      deceased,
      deathDay,
      this.kabupatenDigits,
      () => this.context.otherDesa(home).code,
      this.extractDay,
    );
    this.files.death(row, id, stillListed, noise);
    this.counts.deaths.rows++;
    if (stillListed) this.counts.deaths.stillListed++;
    else this.counts.deaths.removed++;
  }

  /** Writes a group of households in every period, evolving it between periods. */
  private async emit(group: Household[]): Promise<void> {
    let before: GroupSnapshot | null = null;
    for (let p = 0; p < this.periods.length; p++) {
      if (p > 0) this.evolve(group, p - 1);
      const after = snapshotOf(group);
      if (before) this.files.diff(p - 1, compareSnapshots(before, after));
      before = after;
      const counts = this.counts.periods[p] as DistrictCounts['periods'][number];
      for (const household of group) {
        this.files.dtsenRows(p, householdRows(household));
        counts.households++;
        counts.people += household.members.length;
        counts.desil[household.desil - 1] = (counts.desil[household.desil - 1] ?? 0) + 1;
        for (const person of household.members) {
          if (person.nik === '') counts.missingNik++;
          else if (p === 0 && person.role !== null) this.checkNik(person);
        }
      }
      if (p === 0) {
        this.generatedPeople += group.reduce((sum, household) => sum + household.members.length, 0);
        // Reported every thousand people or so: a callback per household would cost more than the bar shows.
        if (this.generatedPeople - this.reportedPeople >= 1000 || this.generatedPeople === this.size) {
          this.reportedPeople = this.generatedPeople;
          this.onProgress?.(this.generatedPeople, this.size);
        }
      }
    }
    await this.files.flush();
  }

  /**
   * Every record whose NIK disagrees with it goes into the truth, whatever made it so. Only
   * problem records can disagree: every other NIK is built from its own record's date and sex.
   */
  private checkNik(person: Person): void {
    const problems = nikDisagreements(person.nik, person.birthDay, person.sex);
    if (problems.length === 0) return;
    this.files.nikInconsistent(person.id, problems);
    this.counts.nikInconsistent.records++;
    for (const problem of problems) bump(this.counts.nikInconsistent.byProblem, problem);
  }

  private evolve(group: Household[], transitionIndex: number): void {
    const transition = this.transitions[transitionIndex] as Transition;
    const counts = this.counts.transitions[transitionIndex] as Record<string, number>;
    const next: Household[] = [];
    for (const household of group) {
      const events = evolveHousehold(this.context, household, transition);
      for (const { person, day } of events.deaths) {
        bump(counts, 'deaths');
        if (this.context.random.chance(RATES.registeredDeath)) {
          this.registerDeath(deceasedOf(person, household), day, person.id, false);
        }
      }
      if (events.births > 0) bump(counts, 'births', events.births);
      if (events.split) bump(counts, 'households_split');
      if (events.movedDesa) bump(counts, 'households_moved_desa');
      if (events.desilChanged) bump(counts, 'households_desil_changed');
      if (events.left) bump(counts, leaveCount(events.left));
      bump(counts, 'households_new', events.spawned.length - (events.split ? 1 : 0));
      if (!events.left) next.push(household);
      next.push(...events.spawned);
    }
    group.splice(0, group.length, ...next);
  }
}

function location(a: Placement, b: Placement): LocationKind {
  if (a.household === b.household) return 'same_household';
  return a.desa === b.desa ? 'other_household' : 'moved_desa';
}

function leaveCount(reason: LeaveReason): string {
  return reason === 'moved_out' ? 'households_moved_out' : 'households_dissolved';
}

function deceasedOf(person: Person, household: Household): Deceased {
  return { ...person, desaCode: household.desa.code };
}

/** How a second record placed in another household is related to its head, judged by age. */
function relationToHead(household: Household, record: Person, onDay: number): Relation {
  const head = household.members.find((member) => member.relation === 'kepala_keluarga');
  if (!head) return 'famili_lain';
  const gap = ageOn(record.birthDay, onDay) - ageOf(head, onDay);
  if (gap >= 18) return household.members.some((m) => m.relation === 'orang_tua') ? 'mertua' : 'orang_tua';
  if (gap <= -35) return 'cucu';
  return 'famili_lain';
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Splits `total` into whole parts proportional to `weights` (largest remainders). */
export function allocate(total: number, weights: readonly number[]): Int32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = new Int32Array(exact.map(Math.floor));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => [value - Math.floor(value), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}
