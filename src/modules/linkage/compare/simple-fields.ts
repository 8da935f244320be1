import type { AreaColumn } from '../prepare/columns.ts';
import type { LevelSettings } from '../settings.ts';
import { type Comparator, kindCodes, MISSING } from './comparator.ts';

/** Sex: 1 L, 2 P, 0 unknown. Levels: exact, else. */
export function compileSexField(sex: Uint8Array, levels: readonly LevelSettings[]): Comparator {
  const exact = levels.findIndex((level) => level.kind === 'exact');
  const otherwise = levels.length - 1;
  return (i, j) => {
    const a = sex[i] as number;
    const b = sex[j] as number;
    if (a === 0 || b === 0) return MISSING;
    return a === b && exact >= 0 ? exact : otherwise;
  };
}

const AREA_KINDS = ['same_desa', 'same_kecamatan', 'same_kabupaten'] as const;

/** Where a record lives: the same desa, else the same kecamatan, else the same kabupaten. */
export function compileAreaField(area: AreaColumn, levels: readonly LevelSettings[]): Comparator {
  const kinds = kindCodes(levels, AREA_KINDS);
  const codes = [area.desa, area.kecamatan, area.kabupaten];
  const count = kinds.length;
  return (i, j) => {
    if ((area.kabupaten[i] as number) < 0 || (area.kabupaten[j] as number) < 0) return MISSING;
    for (let l = 0; l < count - 1; l++) {
      const list = codes[kinds[l] as number] as Int32Array;
      if ((list[i] as number) >= 0 && list[i] === list[j]) return l;
    }
    return count - 1;
  };
}
