/**
 * The list of state employees (ASN: PNS and PPPK; TNI and Polri) working in the kabupaten, as
 * the BKPSDM, Kodim and Polres would hand it over. Civil servants carry an 18-digit NIP
 * (birth date, appointment month, sex digit, serial); soldiers and police an 8-digit NRP (birth
 * year and month, serial). Names often carry academic degrees, and the NIK is sometimes
 * mistyped or missing.
 */
import type { GeneratorContext } from './context.ts';
import { nikDigitTypo, swapDayMonth, typoName } from './corruptions.ts';
import { civilDate, dayNumber, formatDay, pad2, yearOf } from './dates.ts';
import { OCCUPATIONS } from './person-attributes.ts';
import { WeightedTable } from './random.ts';
import type { Education, Sex } from './types.ts';

export const STAFF_LIST_COLUMNS = [
  'nip',
  'nik',
  'nama',
  'tanggal_lahir',
  'jenis_kelamin',
  'jenis_aparatur',
  'instansi',
  'jabatan',
] as const;
export type StaffListRow = Record<(typeof STAFF_LIST_COLUMNS)[number], string>;

export type StaffKind = 'PNS' | 'PPPK' | 'TNI' | 'POLRI';
export type StaffNoise = 'degree' | 'nik_missing' | 'nik_digit' | 'date_swap' | 'name_typo';

const KINDS = new WeightedTable<StaffKind>([
  ['PNS', 70],
  ['PPPK', 15],
  ['TNI', 8],
  ['POLRI', 7],
]);

export interface StaffMember {
  nik: string;
  name: string;
  sex: Sex;
  birthDay: number;
  kind: StaffKind;
  /** Teachers are the largest group of the kabupaten's civil servants. */
  teacher: boolean;
}

export function drawStaffKind(context: GeneratorContext): { kind: StaffKind; teacher: boolean } {
  const kind = KINDS.draw(context.random);
  return { kind, teacher: (kind === 'PNS' || kind === 'PPPK') && context.random.chance(0.45) };
}

/** The least education each kind of post requires. */
export function staffMinimumEducation(kind: StaffKind): Education {
  return kind === 'TNI' || kind === 'POLRI' ? 'sma' : 's1';
}

/**
 * What DTSEN lists as the occupation of a state employee: usually the truth, but often
 * something else, which is how they end up looking eligible for aid.
 */
export function reportedOccupation(
  context: GeneratorContext,
  member: Pick<StaffMember, 'kind' | 'teacher'>,
): string {
  const random = context.random;
  if (random.chance(0.4)) {
    return random.pick([
      OCCUPATIONS.selfEmployed,
      OCCUPATIONS.employee,
      OCCUPATIONS.farmer,
      OCCUPATIONS.trader,
    ]);
  }
  if (member.kind === 'TNI') return OCCUPATIONS.army;
  if (member.kind === 'POLRI') return OCCUPATIONS.police;
  return member.teacher ? OCCUPATIONS.teacher : OCCUPATIONS.civilServant;
}

export function staffListRow(
  context: GeneratorContext,
  member: StaffMember,
  referenceDay: number,
): { row: StaffListRow; noise: StaffNoise[] } {
  const random = context.random;
  const noise: StaffNoise[] = [];
  const { instansi, jabatan } = post(context, member);
  let name = member.name;
  if (random.chance(0.05)) {
    name = typoName(random, name);
    noise.push('name_typo');
  }
  if ((member.kind === 'PNS' || member.kind === 'PPPK') && random.chance(0.5)) {
    name = `${name}, ${member.teacher ? 'S.Pd.' : random.pick(['S.E.', 'S.Sos.', 'S.H.', 'S.Kep.', 'S.Kom.', 'A.Md.'])}`;
    noise.push('degree');
  }
  let nik = member.nik;
  const nikNoise = random.next();
  if (nik === '' || nikNoise < 0.04) {
    nik = '';
    noise.push('nik_missing');
  } else if (nikNoise < 0.09) {
    nik = nikDigitTypo(random, nik);
    noise.push('nik_digit');
  }
  let birthDay = member.birthDay;
  const swapped = random.chance(0.03) ? swapDayMonth(birthDay) : null;
  if (swapped !== null) {
    birthDay = swapped;
    noise.push('date_swap');
  }
  return {
    row: {
      nip: staffNumber(context, member, referenceDay),
      nik,
      nama: name,
      tanggal_lahir: formatDay(birthDay),
      jenis_kelamin: member.sex,
      jenis_aparatur: member.kind,
      instansi,
      jabatan,
    },
    noise,
  };
}

/** NIP for PNS/PPPK, NRP for TNI/Polri; serials keep them unique. */
function staffNumber(context: GeneratorContext, member: StaffMember, referenceDay: number): string {
  const random = context.random;
  const { year: birthYear, month: birthMonth } = civilDate(member.birthDay);
  const birth = formatDay(member.birthDay).replaceAll('-', '');
  if (member.kind === 'TNI' || member.kind === 'POLRI') {
    const monthDay = dayNumber(birthYear, birthMonth, 1);
    const serial = context.staffNumbers.next(`NRP${member.kind}`, monthDay, 0);
    return `${pad2(birthYear % 100)}${pad2(birthMonth)}${String(serial).padStart(4, '0')}`;
  }
  const latestYear = yearOf(referenceDay) - 1;
  const appointed =
    member.kind === 'PPPK'
      ? random.int(2021, latestYear)
      : Math.min(latestYear, birthYear + random.int(23, 35));
  const serial = context.staffNumbers.next(`NIP${member.kind}`, member.birthDay, member.sex === 'L' ? 0 : 1);
  return `${birth}${appointed}${pad2(random.int(1, 12))}${member.sex === 'L' ? 1 : 2}${String(serial).padStart(3, '0')}`;
}

function post(context: GeneratorContext, member: StaffMember): { instansi: string; jabatan: string } {
  const random = context.random;
  const kabupaten = context.reference.kabupatenName;
  if (member.kind === 'TNI')
    return { instansi: 'Kodim 0803/Madiun', jabatan: random.pick(['Tamtama', 'Bintara', 'Perwira']) };
  if (member.kind === 'POLRI')
    return {
      instansi: `Polres ${context.reference.placeName}`,
      jabatan: random.pick(['Bintara', 'Perwira']),
    };
  if (member.teacher) {
    return {
      instansi: `Dinas Pendidikan ${kabupaten}`,
      jabatan: random.pick(['Guru Kelas', 'Guru Mata Pelajaran']),
    };
  }
  const offices: ReadonlyArray<readonly [string, readonly string[]]> = [
    [`Dinas Kesehatan ${kabupaten}`, ['Perawat', 'Bidan', 'Sanitarian']],
    [`RSUD Caruban`, ['Perawat', 'Dokter', 'Apoteker']],
    [`Sekretariat Daerah ${kabupaten}`, ['Analis Kebijakan', 'Pengadministrasi Umum']],
    [`Kecamatan ${random.pick(context.desa).kecamatanName}`, ['Pengadministrasi Umum', 'Kepala Seksi']],
    [`Dinas Sosial ${kabupaten}`, ['Penyuluh Sosial', 'Pengadministrasi Umum']],
    [`Dinas Pertanian dan Perikanan ${kabupaten}`, ['Penyuluh Pertanian', 'Analis']],
  ];
  const [instansi, jabatan] = random.pick(offices);
  return { instansi, jabatan: random.pick(jabatan) };
}
