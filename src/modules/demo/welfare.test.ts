import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../registry/vocabulary.ts';
import { Random } from './random.ts';
import type { Housing } from './types.ts';
import {
  assetList,
  DESA_EFFECT_SPREAD,
  DESIL_SHARES,
  desilOfScore,
  drawAssetDraws,
  drawHousing,
} from './welfare.ts';

describe('welfare', () => {
  it('ranks scores into the district desil shares', () => {
    const random = new Random('desil');
    const counts = Array(10).fill(0);
    const n = 50_000;
    for (let i = 0; i < n; i++)
      counts[desilOfScore(DESA_EFFECT_SPREAD * random.normal() + random.normal()) - 1]++;
    counts.forEach((count, i) => {
      expect(Math.abs(count / n - (DESIL_SHARES[i] as number))).toBeLessThan(0.01);
    });
  });

  it('draws housing from the code lists, poorer at desil 1 than at desil 10', () => {
    const random = new Random('housing');
    const earthFloors = (desil: number) => {
      let earth = 0;
      for (let i = 0; i < 4000; i++) {
        const housing = drawHousing(random, desil);
        const unknown = Object.entries(housing).filter(
          ([field, code]) => !(VOCABULARY[field as keyof Housing] as readonly string[]).includes(code),
        );
        expect(unknown).toEqual([]);
        if (housing.jenis_lantai === 'tanah') earth++;
      }
      return earth;
    };
    expect(earthFloors(1)).toBeGreaterThan(800);
    expect(earthFloors(10)).toBe(0);
  });

  it('only adds assets as the desil rises', () => {
    const random = new Random('assets');
    for (let i = 0; i < 500; i++) {
      const draws = drawAssetDraws(random);
      const housing = drawHousing(random, 5);
      let previous: string[] = [];
      for (let desil = 1; desil <= 10; desil++) {
        const assets = assetList(desil, draws, housing).split(';').filter(Boolean);
        const lost = previous.filter((asset) => !assets.includes(asset));
        const unknown = assets.filter((asset) => !(VOCABULARY.aset as readonly string[]).includes(asset));
        if (lost.length > 0 || unknown.length > 0) expect({ desil, lost, unknown }).toBeNull();
        previous = assets;
      }
    }
  });
});
