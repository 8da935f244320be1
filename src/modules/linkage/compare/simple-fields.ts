import type { AreaColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, firstHolding, type LevelTest } from './comparator.ts';

/** Sex: 1 L, 2 P, 0 unknown. */
export function compileSexField(sex: Uint8Array, levels: readonly LevelSettings[]): Comparator {
  const tests = levels.map(
    (level): LevelTest => (level.kind === 'exact' ? (i, j) => sex[i] === sex[j] : () => true),
  );
  return firstHolding(tests, (i, j) => (sex[i] as number) > 0 && (sex[j] as number) > 0);
}

/** Where a record lives: the same desa, else the same kecamatan, else the same kabupaten. */
export function compileAreaField(area: AreaColumn, levels: readonly LevelSettings[]): Comparator {
  const same =
    (codes: Int32Array): LevelTest =>
    (i, j) =>
      (codes[i] as number) >= 0 && codes[i] === codes[j];
  const tests = levels.map((level): LevelTest => {
    switch (level.kind) {
      case 'same_desa':
        return same(area.desa);
      case 'same_kecamatan':
        return same(area.kecamatan);
      case 'same_kabupaten':
        return same(area.kabupaten);
      default:
        return () => true;
    }
  });
  return firstHolding(
    tests,
    (i, j) => (area.kabupaten[i] as number) >= 0 && (area.kabupaten[j] as number) >= 0,
  );
}
