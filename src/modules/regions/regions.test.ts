import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { boundariesOf, desaCodesOf, ensureRegionsLoaded, findRegion, searchRegions } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('regions', () => {
  it('holds the national list, loaded once', async () => {
    expect(await ensureRegionsLoaded(db, '35.19')).toBe(false);
    const [counts] = await db.query<{ provinces: number; desa: number }>(
      `SELECT count(*) FILTER (WHERE level = 'provinsi')::int AS provinces,
              count(*) FILTER (WHERE level = 'desa_kelurahan')::int AS desa FROM regions`,
    );
    expect(counts).toEqual({ provinces: 38, desa: 83762 });
  });

  it('looks up by code, parent, level and name', async () => {
    expect(await findRegion(db, '35.19')).toMatchObject({
      name: 'Kabupaten Madiun',
      level: 'kabupaten_kota',
    });
    expect(await findRegion(db, '99.99')).toBeUndefined();
    const kecamatan = await searchRegions(db, { parent: '35.19', level: 'kecamatan', limit: 100 });
    expect(kecamatan).toHaveLength(15);
    expect(await desaCodesOf(db, '35.19')).toHaveLength(206);
    const byName = await searchRegions(db, { name: 'kebonsari', parent: '35.19', limit: 10 });
    expect(byName.map((r) => r.code)).toContain('35.19.01');
  });

  it('ships the Madiun boundaries with centroids', async () => {
    const kebonsari = await findRegion(db, '35.19.01');
    expect(kebonsari?.centroid_lat).toBeCloseTo(-7.744, 2);
    const collection = (await boundariesOf(db, '35.19')) as { features: unknown[] };
    expect(collection.features).toHaveLength(15);
    const desa = (await boundariesOf(db, '35.19.01')) as { features: unknown[] };
    expect(desa.features.length).toBeGreaterThan(5);
  });
});
