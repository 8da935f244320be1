-- One quarterly file per row: staged, checked, then committed in one transaction.
CREATE TABLE imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id bigint REFERENCES jobs (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'committed', 'unchanged', 'failed')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_accepted integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  households integer NOT NULL DEFAULT 0,
  persons integer NOT NULL DEFAULT 0,
  error text,
  created_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX imports_period_idx ON imports (period, status);

-- Rows that passed the row checks, waiting for the cross-row checks and the commit. The raw text is
-- not kept here (it would double the bytes written): the few rows the cross-row checks reject are
-- read again from the file. Unlogged: it holds nothing that must survive a crash (an interrupted import is cleaned up at start).
CREATE UNLOGGED TABLE import_staging (
  import_id bigint NOT NULL,
  line_no integer NOT NULL,
  family_id text NOT NULL,
  kk text NOT NULL,
  desa_code text NOT NULL,
  address text,
  rt text,
  rw text,
  dusun text,
  desil smallint NOT NULL,
  floor_type text,
  wall_type text,
  roof_type text,
  drinking_water text,
  sanitation text,
  lighting text,
  cooking_fuel text,
  house_ownership text,
  assets text[],
  livestock jsonb,
  person_id text NOT NULL,
  nik text NOT NULL,
  name text NOT NULL,
  sex text NOT NULL,
  birth_place text,
  birth_date date NOT NULL,
  relationship text NOT NULL,
  mother_name text,
  marital_status text,
  education text,
  occupation text,
  disability text
);
-- No key: line numbers are unique by construction, and an index would slow the bulk load.

CREATE TABLE import_rejects (
  import_id bigint NOT NULL REFERENCES imports (id),
  line_no integer NOT NULL,
  raw jsonb NOT NULL,
  -- [{ "field": "nik", "code": "nik_format", "message": "..." }, ...]
  reasons jsonb NOT NULL,
  PRIMARY KEY (import_id, line_no)
);

-- The import that is the snapshot of each period.
CREATE TABLE periods (
  period text PRIMARY KEY,
  import_id bigint NOT NULL REFERENCES imports (id),
  committed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE households (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  family_id text NOT NULL UNIQUE,
  kk text NOT NULL,
  desa_code text NOT NULL REFERENCES regions (code),
  address text,
  rt text,
  rw text,
  dusun text,
  desil smallint CHECK (desil BETWEEN 1 AND 10),
  floor_type text,
  wall_type text,
  roof_type text,
  drinking_water text,
  sanitation text,
  lighting text,
  cooking_fuel text,
  house_ownership text,
  assets text[] NOT NULL DEFAULT '{}',
  livestock jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'aktif'
    CHECK (status IN ('aktif', 'meninggal', 'pindah', 'ganda', 'tidak_ditemukan', 'tidak_layak')),
  -- The earliest period the record appears in. Its latest period is read from the snapshots, so a
  -- quarterly import rewrites only the records whose values changed.
  first_period text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX households_desa_idx ON households (desa_code);
CREATE INDEX households_kk_idx ON households (kk);

CREATE TABLE persons (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id text NOT NULL UNIQUE,
  household_id bigint NOT NULL REFERENCES households (id),
  -- The household's desa, kept on the person so area scope and search need no join.
  desa_code text NOT NULL REFERENCES regions (code),
  nik text NOT NULL,
  name text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('L', 'P')),
  birth_place text,
  birth_date date NOT NULL,
  relationship text NOT NULL,
  mother_name text,
  marital_status text,
  education text,
  occupation text,
  disability text,
  status text NOT NULL DEFAULT 'aktif'
    CHECK (status IN ('aktif', 'meninggal', 'pindah', 'ganda', 'tidak_ditemukan', 'tidak_layak')),
  first_period text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The import drops and rebuilds these secondary indexes around a bulk load into an empty table
-- (import.repository.ts, PERSON_BULK_INDEXES): keep the two lists the same.
CREATE INDEX persons_nik_idx ON persons (nik);
CREATE INDEX persons_household_idx ON persons (household_id);
CREATE INDEX persons_desa_name_idx ON persons (desa_code, name, id);
CREATE INDEX persons_name_trgm_idx ON persons USING gin (lower(name) gin_trgm_ops);

-- Every status change with who, when and why; records are never deleted.
CREATE TABLE status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('household', 'person')),
  subject_id bigint NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_history_subject_idx ON status_history (subject_type, subject_id, changed_at);

-- Key fields of each period's snapshot: what the period diff compares.
CREATE TABLE snapshot_households (
  period text NOT NULL,
  family_id text NOT NULL,
  kk text NOT NULL,
  desa_code text NOT NULL,
  desil smallint NOT NULL,
  members integer NOT NULL,
  PRIMARY KEY (period, family_id)
);
CREATE INDEX snapshot_households_family_idx ON snapshot_households (family_id, period);

CREATE TABLE snapshot_persons (
  period text NOT NULL,
  person_id text NOT NULL,
  family_id text NOT NULL,
  nik text NOT NULL,
  desa_code text NOT NULL,
  PRIMARY KEY (period, person_id)
);
CREATE INDEX snapshot_persons_person_idx ON snapshot_persons (person_id, period);

-- One import at a time: two would race for the same period and registry rows.
CREATE UNIQUE INDEX imports_one_running_idx ON imports ((status)) WHERE status = 'running';
