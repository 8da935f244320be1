/**
 * Every file the generator writes, and the only place it writes. Text is buffered and handed to
 * the file streams in large chunks; when a stream's buffer is full the generator waits for it to
 * drain, so memory stays flat however many people are generated. Id lists of the period diffs
 * are spooled to temporary files while the district is generated and assembled into JSON at the end.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Period } from './dates.ts';
import { DEATH_REGISTER_COLUMNS, type DeathRegisterRow } from './death-register.ts';
import {
  HOUSEHOLD_CHANGES,
  type HouseholdChange,
  PERSON_CHANGES,
  type PersonChange,
  type SnapshotDiff,
} from './diff.ts';
import { csvLine, DTSEN_HEADER } from './rows.ts';
import { STAFF_LIST_COLUMNS, type StaffListRow } from './staff-list.ts';

const FLUSH_AT = 1 << 17;
/** Text the file stream may hold before the generator waits: the disk works while the next rows are made. */
const STREAM_BUFFER = 1 << 23;

export class TextSink {
  private chunks: string[] = [];
  private buffered = 0;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { highWaterMark: STREAM_BUFFER });
    // Kept and rethrown at the next flush, so a full disk fails the generation with its own error.
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  write(text: string): void {
    this.chunks.push(text);
    this.buffered += text.length;
  }

  get full(): boolean {
    return this.buffered >= FLUSH_AT;
  }

  /** Hands buffered text to the file once there is enough of it (or always, when forced). */
  async flush(force = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffered === 0 || (!force && this.buffered < FLUSH_AT)) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.buffered = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Stops writing at once and deletes the file (for temporary files of a failed run). */
  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.path, { force: true });
  }

  /** Stops writing at once, leaving what was written. */
  destroy(): void {
    this.stream.destroy();
  }

  async close(): Promise<void> {
    await this.flush(true);
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }
}

/** A list of ids written to a temporary file, one a line, read back once at the end. */
class IdSpool {
  count = 0;
  readonly sink: TextSink;

  constructor(path: string) {
    this.sink = new TextSink(path);
  }

  add(id: string): void {
    this.sink.write(`${id}\n`);
    this.count++;
  }

  async *ids(): AsyncGenerator<string> {
    const lines = createInterface({
      input: createReadStream(this.sink.path),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) if (line) yield line;
  }
}

interface DiffSpools {
  from: string;
  to: string;
  file: string;
  households: Record<HouseholdChange, IdSpool>;
  people: Record<PersonChange, IdSpool>;
}

export type DiffCounts = {
  households: Record<HouseholdChange, number>;
  people: Record<PersonChange, number>;
};

export const FILE_NAMES = {
  dtsen: (period: string) => `dtsen-${period}.csv`,
  diff: (from: string, to: string) => `truth-diff-${from}-${to}.json`,
  duplicates: 'truth-duplicates.csv',
  deathRegister: 'death-register.csv',
  deathTruth: 'truth-deaths.csv',
  staffList: 'asn-list.csv',
  staffTruth: 'truth-asn.csv',
  nikTruth: 'truth-nik-inconsistent.csv',
  manifest: 'manifest.json',
} as const;

export class DemoFiles {
  private readonly dtsen: TextSink[];
  private readonly duplicates: TextSink;
  private readonly deathRegister: TextSink;
  private readonly deathTruth: TextSink;
  private readonly staffList: TextSink;
  private readonly staffTruth: TextSink;
  private readonly nikTruth: TextSink;
  private readonly diffs: DiffSpools[];
  private readonly spools: IdSpool[];
  private readonly allSinks: TextSink[];

  constructor(
    readonly outDir: string,
    periods: readonly Period[],
  ) {
    const sink = (name: string, header: string) => {
      const file = new TextSink(join(outDir, name));
      file.write(`${header}\n`);
      return file;
    };
    this.dtsen = periods.map((period) => sink(FILE_NAMES.dtsen(period.label), DTSEN_HEADER));
    this.duplicates = sink(FILE_NAMES.duplicates, 'id_individu_a,id_individu_b,kinds');
    this.deathRegister = sink(FILE_NAMES.deathRegister, DEATH_REGISTER_COLUMNS.join(','));
    this.deathTruth = sink(FILE_NAMES.deathTruth, 'no_akta_kematian,id_individu,still_listed,noise');
    this.staffList = sink(FILE_NAMES.staffList, STAFF_LIST_COLUMNS.join(','));
    this.staffTruth = sink(FILE_NAMES.staffTruth, 'nip,id_individu,noise');
    this.nikTruth = sink(FILE_NAMES.nikTruth, 'id_individu,problem');
    this.diffs = periods.slice(1).map((period, i) => {
      const from = (periods[i] as Period).label;
      const spool = (list: string) => new IdSpool(join(outDir, `.spool-${from}-${period.label}-${list}.tmp`));
      return {
        from,
        to: period.label,
        file: FILE_NAMES.diff(from, period.label),
        households: Object.fromEntries(HOUSEHOLD_CHANGES.map((c) => [c, spool(`households-${c}`)])) as Record<
          HouseholdChange,
          IdSpool
        >,
        people: Object.fromEntries(PERSON_CHANGES.map((c) => [c, spool(`people-${c}`)])) as Record<
          PersonChange,
          IdSpool
        >,
      };
    });
    this.spools = this.diffs.flatMap((d) => [...Object.values(d.households), ...Object.values(d.people)]);
    this.allSinks = [
      ...this.dtsen,
      this.duplicates,
      this.deathRegister,
      this.deathTruth,
      this.staffList,
      this.staffTruth,
      this.nikTruth,
      ...this.spools.map((spool) => spool.sink),
    ];
  }

  dtsenRows(periodIndex: number, text: string): void {
    this.dtsen[periodIndex]?.write(text);
  }

  duplicatePair(a: string, b: string, kinds: readonly string[]): void {
    this.duplicates.write(csvLine([a, b, kinds.join(';')]));
  }

  death(
    row: DeathRegisterRow,
    idIndividu: string | null,
    stillListed: boolean,
    noise: readonly string[],
  ): void {
    this.deathRegister.write(csvLine(DEATH_REGISTER_COLUMNS.map((column) => row[column])));
    if (idIndividu !== null) {
      this.deathTruth.write(
        csvLine([row.no_akta_kematian, idIndividu, String(stillListed), noise.join(';')]),
      );
    }
  }

  staff(row: StaffListRow, idIndividu: string | null, noise: readonly string[]): void {
    this.staffList.write(csvLine(STAFF_LIST_COLUMNS.map((column) => row[column])));
    if (idIndividu !== null) this.staffTruth.write(csvLine([row.nip, idIndividu, noise.join(';')]));
  }

  nikInconsistent(idIndividu: string, problems: readonly string[]): void {
    this.nikTruth.write(csvLine([idIndividu, problems.join(';')]));
  }

  /** Adds a group's diff between period `transition` and the next. */
  diff(transition: number, diff: SnapshotDiff): void {
    const spools = this.diffs[transition];
    if (!spools) return;
    for (const change of HOUSEHOLD_CHANGES)
      for (const id of diff.households[change]) spools.households[change].add(id);
    for (const change of PERSON_CHANGES) for (const id of diff.people[change]) spools.people[change].add(id);
  }

  /** Writes out the files whose buffers are full; cheap when none is. */
  async flush(): Promise<void> {
    for (const sink of this.allSinks) if (sink.full) await sink.flush();
  }

  /** Closes every file and writes the diff truths; returns their counts. */
  async finish(): Promise<Array<{ from: string; to: string; file: string; counts: DiffCounts }>> {
    for (const sink of this.allSinks) await sink.close();
    const results = [];
    for (const spools of this.diffs) {
      await writeDiffJson(join(this.outDir, spools.file), spools);
      const counts = (lists: Record<string, IdSpool>) =>
        Object.fromEntries(Object.entries(lists).map(([change, spool]) => [change, spool.count]));
      results.push({
        from: spools.from,
        to: spools.to,
        file: spools.file,
        counts: { households: counts(spools.households), people: counts(spools.people) } as DiffCounts,
      });
    }
    for (const spool of this.spools) await rm(spool.sink.path, { force: true });
    return results;
  }

  /**
   * After a failure: closes every file without waiting and removes the temporary spools. The
   * data files stay as far as they got; without manifest.json the folder reads as incomplete.
   */
  async abort(): Promise<void> {
    const spools = new Set(this.spools.map((spool) => spool.sink));
    for (const sink of this.allSinks) {
      if (spools.has(sink)) await sink.discard();
      else sink.destroy();
    }
  }

  async writeManifest(manifest: unknown): Promise<void> {
    await writeFile(join(this.outDir, FILE_NAMES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/**
 * `{"from", "to", "households": {"entered": {"count", "ids"}, ...}, "people": {...}}`, written
 * id by id so a list of any length never sits in memory.
 */
async function writeDiffJson(path: string, spools: DiffSpools): Promise<void> {
  const out = new TextSink(path);
  out.write(`{\n  "from": ${JSON.stringify(spools.from)},\n  "to": ${JSON.stringify(spools.to)},\n`);
  const sections = [
    ['households', spools.households],
    ['people', spools.people],
  ] as const;
  for (const [s, [section, lists]] of sections.entries()) {
    out.write(`  "${section}": {\n`);
    const entries = Object.entries(lists);
    for (const [i, [change, spool]] of entries.entries()) {
      out.write(`    "${change}": {\n      "count": ${spool.count},\n      "ids": [`);
      let first = true;
      for await (const id of spool.ids()) {
        out.write(`${first ? '' : ','}\n        ${JSON.stringify(id)}`);
        first = false;
        await out.flush();
      }
      out.write(`${first ? '' : '\n      '}]\n    }${i < entries.length - 1 ? ',' : ''}\n`);
    }
    out.write(`  }${s < sections.length - 1 ? ',' : ''}\n`);
  }
  out.write('}\n');
  await out.close();
}
