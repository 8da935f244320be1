import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import type { Queryable } from '../../platform/db/index.ts';
import { parentCode } from './region-code.ts';

export const REGIONS_DATA_DIR = join(import.meta.dirname, 'data');
const NATIONAL_CSV = join(REGIONS_DATA_DIR, 'wilayah_kemendagri_2025_indonesia.csv');

export interface Region {
  code: string;
  name: string;
  level: string;
  kind: string | null;
  parent_code: string | null;
  centroid_lat: number | null;
  centroid_lng: number | null;
}

export interface RegionQuery {
  name?: string;
  level?: string;
  parent?: string;
  limit: number;
}

const REGION_COLUMNS = 'code, name, level, kind, parent_code, centroid_lat, centroid_lng';

export async function countRegions(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  return row?.n ?? 0;
}

/** Loads the national code list with COPY; parents come before children in the file. */
export async function loadNationalCodes(db: Queryable): Promise<number> {
  const rows: unknown[][] = [];
  const parser = createReadStream(NATIONAL_CSV).pipe(parse({ columns: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    rows.push([
      record.kode,
      record.nama,
      record.level,
      record.jenis || null,
      parentCode(record.kode as string),
    ]);
  }
  return db.copyRows('regions', ['code', 'name', 'level', 'kind', 'parent_code'], rows);
}

interface BoundaryFeature {
  properties: { kode: string; centroid_lat: number; centroid_lng: number };
  geometry: unknown;
}

/** Attaches the shipped boundaries and centroids of a kabupaten's kecamatan and desa. */
export async function loadBoundaries(db: Queryable, kabupatenCode: string): Promise<number> {
  const plain = kabupatenCode.replace('.', '');
  let updated = 0;
  for (const level of ['kecamatan', 'desa_kelurahan']) {
    const file = join(REGIONS_DATA_DIR, `kab_madiun_${plain}_${level}.geojson`);
    let features: BoundaryFeature[];
    try {
      features = JSON.parse(readFileSync(file, 'utf8')).features;
    } catch {
      // Boundaries ship for Kabupaten Madiun only; another kabupaten works without a map.
      continue;
    }
    const payload = features.map((f) => ({
      code: f.properties.kode,
      lat: f.properties.centroid_lat,
      lng: f.properties.centroid_lng,
      boundary: f.geometry,
    }));
    const result = await db.query<{ n: number }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, lat double precision, lng double precision, boundary jsonb)
       ), changed AS (
         UPDATE regions r SET centroid_lat = input.lat, centroid_lng = input.lng, boundary = input.boundary
         FROM input WHERE r.code = input.code RETURNING 1
       )
       SELECT count(*)::int AS n FROM changed`,
      [JSON.stringify(payload)],
    );
    updated += result[0]?.n ?? 0;
  }
  return updated;
}

export async function findRegion(db: Queryable, code: string): Promise<Region | undefined> {
  const rows = await db.query<Region>(`SELECT ${REGION_COLUMNS} FROM regions WHERE code = $1`, [code]);
  return rows[0];
}

export async function searchRegions(db: Queryable, query: RegionQuery): Promise<Region[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.name) {
    params.push(`%${query.name.toLowerCase()}%`);
    where.push(`lower(name) LIKE $${params.length}`);
  }
  if (query.level) {
    params.push(query.level);
    where.push(`level = $${params.length}`);
  }
  if (query.parent) {
    params.push(query.parent);
    where.push(`parent_code = $${params.length}`);
  }
  params.push(query.limit);
  return db.query<Region>(
    `SELECT ${REGION_COLUMNS} FROM regions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY code LIMIT $${params.length}`,
    params,
  );
}

/** The desa/kelurahan codes below a kabupaten: the import accepts only these. */
export async function desaCodesOf(db: Queryable, kabupatenCode: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `SELECT code FROM regions WHERE level = 'desa_kelurahan' AND code LIKE $1 ORDER BY code`,
    [`${kabupatenCode}.%`],
  );
  return rows.map((row) => row.code);
}

/** GeoJSON FeatureCollection of the children of a region that have a boundary. */
export async function boundariesOf(db: Queryable, parent: string): Promise<unknown> {
  const rows = await db.query<{ code: string; name: string; boundary: unknown }>(
    'SELECT code, name, boundary FROM regions WHERE parent_code = $1 AND boundary IS NOT NULL ORDER BY code',
    [parent],
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      properties: { kode: row.code, nama: row.name },
      geometry: row.boundary,
    })),
  };
}
