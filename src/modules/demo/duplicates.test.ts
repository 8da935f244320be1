import { describe, expect, it } from 'vitest';
import { GeneratorContext } from './context.ts';
import { parsePeriod, yearOf } from './dates.ts';
import { type CorruptionKind, DUPLICATE_KINDS, duplicateRecord } from './duplicates.ts';
import { createHousehold } from './household.ts';
import { loadReferenceData } from './reference-data.ts';
import type { Person } from './types.ts';

const NAME_KINDS: CorruptionKind[] = [
  'name_typo',
  'name_variant',
  'old_spelling',
  'nickname',
  'name_order',
  'honorific',
];

function people(count: number): { context: GeneratorContext; people: Person[] } {
  const context = new GeneratorContext(
    'duplicates',
    loadReferenceData(),
    parsePeriod('2025-Q3').referenceDay,
  );
  const list: Person[] = [];
  while (list.length < count) {
    list.push(...createHousehold(context, context.desa[0] as never, 5, context.baseDay).members);
  }
  return { context, people: list };
}

describe('second records', () => {
  const { context, people: originals } = people(1500);
  const copies = originals.map((original) => ({ original, ...duplicateRecord(context, original) }));

  it('get their own id and differ from the first record exactly where their kinds say', () => {
    for (const { original, record, corruptions } of copies) {
      expect(record.id).not.toBe(original.id);
      expect(record.role).toBe('duplicate');
      expect(record.sex).toBe(original.sex);
      expect(record.name !== original.name).toBe(corruptions.some((kind) => NAME_KINDS.includes(kind)));
      expect(record.birthDay !== original.birthDay).toBe(
        corruptions.some((kind) => kind.startsWith('date_')),
      );
      expect(record.nik !== original.nik).toBe(corruptions.some((kind) => kind.startsWith('nik_')));
      expect(record.nik === '').toBe(corruptions.includes('nik_missing'));
      expect(record.birthDay).toBeLessThanOrEqual(context.baseDay);
      expect(corruptions.filter((kind) => kind.startsWith('nik_')).length).toBeLessThanOrEqual(1);
      expect(corruptions).toEqual(
        [...corruptions].sort((a, b) => DUPLICATE_KINDS.indexOf(a) - DUPLICATE_KINDS.indexOf(b)),
      );
    }
  });

  it('are exact copies for about a quarter, and show every kind of corruption', () => {
    const exact = copies.filter((copy) => copy.corruptions.length === 0).length / copies.length;
    expect(exact).toBeGreaterThan(0.2);
    expect(exact).toBeLessThan(0.3);
    const seen = new Set(copies.flatMap((copy) => copy.corruptions));
    for (const kind of DUPLICATE_KINDS.slice(3)) expect(seen, kind).toContain(kind);
  });

  it('carry the old spelling only for people born before the reform', () => {
    const old = copies.filter(({ corruptions }) => corruptions.includes('old_spelling'));
    expect(old.length).toBeGreaterThan(0);
    expect(old.filter(({ original }) => yearOf(original.birthDay) >= 1975)).toEqual([]);
  });
});
