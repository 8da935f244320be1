CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Kemendagri region codes, dotted ('35', '35.19', '35.19.01', '35.19.01.2001').
CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan')),
  kind text,
  parent_code text REFERENCES regions (code),
  centroid_lat double precision,
  centroid_lng double precision,
  -- GeoJSON geometry, shipped for the deployment's own kabupaten only.
  boundary jsonb
);
CREATE INDEX regions_parent_idx ON regions (parent_code);
-- No name index: a search over the 91,000 names is a few milliseconds, and the list loads faster.

-- Long work (import, validation, linkage) with progress readable over the API.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  params jsonb NOT NULL DEFAULT '{}',
  progress_done bigint NOT NULL DEFAULT 0,
  progress_total bigint,
  message text,
  result jsonb,
  error text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_kind_created_idx ON jobs (kind, created_at DESC);
