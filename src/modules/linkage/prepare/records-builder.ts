import { dayNumber, parseDate } from '../text/dates.ts';
import { decodeNikBirth, parseIdNumber } from '../text/nik.ts';
import { normaliseName } from '../text/normalise-name.ts';
import { normaliseTextTokens } from '../text/normalise-text.ts';
import type { LinkMode, PersonRecord } from '../types.ts';
import { type DigitsColumn, type PreparedRecords, sharedArray, sharedFrom } from './columns.ts';
import { recordBirthSegments } from './record-birth-segment.ts';
import { TokenColumnBuilder, TokenDictionary } from './token-column-builder.ts';

const MALE = new Set(['L', 'LK', 'LAKI', 'LAKI-LAKI', 'LAKI LAKI', 'PRIA', 'M', 'MALE', '1']);
const FEMALE = new Set(['P', 'PR', 'PEREMPUAN', 'WANITA', 'W', 'F', 'FEMALE', '2']);

function parseSex(raw: string | undefined): number {
  const text = raw?.trim().toUpperCase() ?? '';
  if (MALE.has(text)) return 1;
  if (FEMALE.has(text)) return 2;
  return 0;
}

/**
 * NIK and KK numbers, interned by number rather than by string: two 8-digit halves make a key
 * that is exact below 2^53, which covers every NIK whose province code is below 90; the rest
 * (Papua) fall back to the digits as a string.
 */
class DigitsColumnBuilder {
  private readonly ids = new Map<number | string, number>();
  private readonly values: number[] = [];
  private readonly digitText: string[] = [];

  add(raw: string | undefined): void {
    const digits = raw === undefined ? null : parseIdNumber(raw);
    if (digits === null) {
      this.values.push(-1);
      this.digitText.push('');
      return;
    }
    const high = Number(digits.slice(0, 8));
    const key = high < 90_000_000 ? high * 100_000_000 + Number(digits.slice(8)) : digits;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    this.values.push(id);
    this.digitText.push(digits);
  }

  finish(): DigitsColumn {
    const count = this.values.length;
    const digits = sharedArray(Uint8Array, count * 16);
    const birthSegment = sharedArray(Int32Array, count);
    for (let r = 0; r < count; r++) {
      const text = this.digitText[r] as string;
      birthSegment[r] = text === '' ? -1 : birthSegmentOf(text);
      for (let d = 0; d < text.length; d++) digits[r * 16 + d] = text.charCodeAt(d) - 48;
    }
    return { value: sharedFrom(Int32Array, this.values), digits, birthSegment };
  }
}

/** The DDMMYY part of a NIK as a number when it is a real day and month (women: day + 40). */
function birthSegmentOf(nik: string): number {
  return decodeNikBirth(nik) === null ? -1 : Number(nik.slice(6, 12));
}

/** Desa, kecamatan and kabupaten ids, and the kecamatan code as a number, of each distinct area code text. */
class AreaIds {
  private readonly ids = new Map<string, number>();
  private readonly byText = new Map<string, readonly [number, number, number, number]>();

  of(raw: string | undefined): readonly [number, number, number, number] {
    const text = raw ?? '';
    let found = this.byText.get(text);
    if (found === undefined) {
      const digits = text.replace(/\D/g, '');
      const kecamatanCode = digits.length < 6 ? -1 : Number(digits.slice(0, 6));
      found = [this.prefix(digits, 10), this.prefix(digits, 6), this.prefix(digits, 4), kecamatanCode];
      this.byText.set(text, found);
    }
    return found;
  }

  private prefix(digits: string, length: number): number {
    if (digits.length < length) return -1;
    const code = digits.slice(0, length);
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(code, id);
    }
    return id;
  }
}

/**
 * Turns person records into columns, one record at a time, so that a caller streaming a large CSV
 * never holds the records themselves. In link mode, add source A's records, call startSourceB(),
 * then add source B's.
 */
export class RecordsBuilder {
  private readonly dictionary = new TokenDictionary();
  private readonly name = new TokenColumnBuilder(this.dictionary, normaliseName);
  private readonly mother = new TokenColumnBuilder(this.dictionary, normaliseName);
  private readonly place = new TokenColumnBuilder(this.dictionary, textTokens);
  private readonly address = new TokenColumnBuilder(this.dictionary, textTokens);
  private readonly nik = new DigitsColumnBuilder();
  private readonly kk = new DigitsColumnBuilder();
  private readonly areaIds = new AreaIds();
  /** Raw date text -> year * 10000 + month * 100 + day, 0 when not a date. */
  private readonly dateCache = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly dates: number[] = [];
  private readonly sex: number[] = [];
  private readonly desa: number[] = [];
  private readonly kecamatan: number[] = [];
  private readonly kabupaten: number[] = [];
  private readonly kecamatanCode: number[] = [];
  private readonly deathHint: number[] = [];
  private split = -1;

  constructor(readonly mode: LinkMode = 'dedupe') {}

  add(record: PersonRecord): void {
    this.ids.push(record.id);
    this.deathHint.push(this.name.add(record.name) ? 1 : 0);
    this.mother.add(record.mother_name);
    this.place.add(record.birth_place);
    this.address.add(record.address);
    this.nik.add(record.nik);
    this.kk.add(record.kk);
    this.sex.push(parseSex(record.sex));
    this.dates.push(this.date(record.birth_date));
    this.area(record.area_code);
  }

  startSourceB(): void {
    if (this.mode !== 'link') throw new Error('startSourceB() is only for link mode');
    this.split = this.ids.length;
  }

  private date(raw: string | undefined): number {
    const text = raw?.trim() ?? '';
    if (text === '') return 0;
    let packed = this.dateCache.get(text);
    if (packed === undefined) {
      const date = parseDate(text);
      packed = date === null ? 0 : date.year * 10_000 + date.month * 100 + date.day;
      this.dateCache.set(text, packed);
    }
    return packed;
  }

  private area(raw: string | undefined): void {
    const [desa, kecamatan, kabupaten, kecamatanCode] = this.areaIds.of(raw);
    this.kecamatanCode.push(kecamatanCode);
    this.desa.push(desa);
    this.kecamatan.push(kecamatan);
    this.kabupaten.push(kabupaten);
  }

  finish(): PreparedRecords {
    const count = this.ids.length;
    if (this.mode === 'link' && this.split < 0)
      throw new Error('link mode needs startSourceB() between the sources');
    const year = sharedArray(Int16Array, count);
    const month = sharedArray(Uint8Array, count);
    const day = sharedArray(Uint8Array, count);
    const days = sharedArray(Int32Array, count);
    this.dates.forEach((packed, r) => {
      if (packed === 0) return;
      const date = {
        year: Math.floor(packed / 10_000),
        month: Math.floor(packed / 100) % 100,
        day: packed % 100,
      };
      year[r] = date.year;
      month[r] = date.month;
      day[r] = date.day;
      days[r] = dayNumber(date);
    });
    return {
      ids: this.ids,
      columns: {
        count,
        split: this.mode === 'link' ? this.split : count,
        tokens: this.dictionary.tokens,
        name: this.name.finish(),
        mother_name: this.mother.finish(),
        birth_place: this.place.finish(),
        address: this.address.finish(),
        nik: this.nik.finish(),
        kk: this.kk.finish(),
        birth_date: { year, month, day, dayNumber: days },
        sex: sharedFrom(Uint8Array, this.sex),
        area_code: {
          desa: sharedFrom(Int32Array, this.desa),
          kecamatan: sharedFrom(Int32Array, this.kecamatan),
          kabupaten: sharedFrom(Int32Array, this.kabupaten),
        },
        recordBirthSegment: recordBirthSegments(this.dates, this.sex, sharedArray(Int32Array, count)),
        kecamatanCode: sharedFrom(Int32Array, this.kecamatanCode),
        deathHint: sharedFrom(Uint8Array, this.deathHint),
      },
    };
  }
}

function textTokens(raw: string): { tokens: string[]; canonical: string[] } {
  const tokens = normaliseTextTokens(raw);
  return { tokens, canonical: tokens };
}

/** Prepares one source (dedupe) or two sources (link) held in memory. */
export function prepareRecords(
  records: Iterable<PersonRecord>,
  recordsB?: Iterable<PersonRecord>,
): PreparedRecords {
  const builder = new RecordsBuilder(recordsB === undefined ? 'dedupe' : 'link');
  for (const record of records) builder.add(record);
  if (recordsB !== undefined) {
    builder.startSourceB();
    for (const record of recordsB) builder.add(record);
  }
  return builder.finish();
}
