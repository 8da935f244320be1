/**
 * The generator's running state: the random stream, the district's desa with their drawn layout
 * (poverty-pocket effect, dusun, RW and RT), the NIK/KK serial counters and the id sequences.
 * Everything here is sized by the district, not by the number of people.
 */
import { buildNamePools, type NamePools } from './names.ts';
import { buildKk, buildNik, regionDigits, SerialCounter } from './nik.ts';
import { Random } from './random.ts';
import type { DesaRef, NeighbourRef, ReferenceData } from './reference-data.ts';
import type { Desa, Sex } from './types.ts';
import { DESA_EFFECT_SPREAD } from './welfare.ts';

/** A desa with its relative population, which sets its share of the generated people. */
export interface WeightedDesa extends Desa {
  weight: number;
}

export class GeneratorContext {
  readonly random: Random;
  readonly pools: NamePools;
  readonly desa: WeightedDesa[];
  readonly kecamatanCodes: string[];
  readonly niks = new SerialCounter();
  readonly kks = new SerialCounter();
  /** Serials of civil servants' NIP and soldiers' and police officers' NRP. */
  readonly staffNumbers = new SerialCounter();
  /** Serials of death certificate (akta kematian) numbers. */
  readonly deathCertificates = new SerialCounter();
  private householdSequence = 0;
  private personSequence = 0;

  constructor(
    seed: string | number,
    readonly reference: ReferenceData,
    /** Reference day of the first period: ages in the base population are counted to it. */
    readonly baseDay: number,
  ) {
    this.random = new Random(seed);
    this.pools = buildNamePools(reference.names);
    this.desa = reference.desa.map((ref) => this.layOut(ref));
    this.kecamatanCodes = [...new Set(reference.desa.map((d) => d.kecamatanCode))];
  }

  nextHouseholdId(): string {
    this.householdSequence++;
    return `KLG${String(this.householdSequence).padStart(8, '0')}`;
  }

  nextPersonId(): string {
    this.personSequence++;
    return `ART${String(this.personSequence).padStart(9, '0')}`;
  }

  /** A neighbouring kabupaten/kota, by its share of moves. */
  neighbour(): NeighbourRef {
    let u = this.random.next();
    for (const neighbour of this.reference.neighbours) {
      u -= neighbour.share;
      if (u < 0) return neighbour;
    }
    return this.reference.neighbours.at(-1) as NeighbourRef;
  }

  /** The next NIK for a person first registered in this kecamatan. */
  nik(kecamatanCode: string, birthDay: number, sex: Sex): string {
    const region = regionDigits(kecamatanCode);
    const serial = this.niks.next(region, birthDay, sex === 'P' ? 1 : 0);
    return buildNik(region, birthDay, sex, serial);
  }

  /** A new KK number issued in this kecamatan on this day. */
  kk(kecamatanCode: string, issueDay: number): string {
    const region = regionDigits(kecamatanCode);
    return buildKk(region, issueDay, this.kks.next(region, issueDay, 0));
  }

  /** Another desa: in the same kecamatan for most moves, else anywhere in the kabupaten. */
  otherDesa(from: Desa): WeightedDesa {
    const sameKecamatan = this.desa.filter(
      (d) => d.kecamatanCode === from.kecamatanCode && d.code !== from.code,
    );
    const pool = sameKecamatan.length > 0 && this.random.chance(0.6) ? sameKecamatan : this.desa;
    for (let attempt = 0; attempt < 8; attempt++) {
      const desa = this.random.pick(pool);
      if (desa.code !== from.code) return desa;
    }
    return this.random.pick(this.desa.filter((d) => d.code !== from.code));
  }

  private layOut(ref: DesaRef): WeightedDesa {
    const random = this.random;
    // Kelurahan are the small towns (Caruban, Mejayan): larger and better off than the villages.
    const welfareEffect = DESA_EFFECT_SPREAD * random.normal() + (ref.isKelurahan ? 0.6 : 0);
    const weight = Math.exp(0.35 * random.normal()) * (ref.isKelurahan ? 1.5 : 1);
    const dusun: string[] = [];
    if (!ref.isKelurahan) {
      const count = random.int(2, 7);
      // The old village core is called Krajan in a great many Javanese desa.
      if (random.chance(0.5)) dusun.push('Krajan');
      while (dusun.length < count) {
        const name = random.pick(this.reference.dusunNames);
        if (!dusun.includes(name)) dusun.push(name);
      }
    }
    return {
      ...ref,
      welfareEffect,
      weight,
      dusun,
      rwCount: ref.isKelurahan ? random.int(4, 12) : random.int(1, 3),
      rtPerRw: random.int(2, 6),
    };
  }
}
